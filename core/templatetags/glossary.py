"""Link co-production terms to their plain-English meaning, wherever they appear."""

import re

from django import template
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from core import glossary

register = template.Library()


@register.simple_tag
def term(slug: str, text: str | None = None) -> SafeString:
    """{% term "co-design" %} or {% term "co-design" "designed together" %}."""
    found = glossary.lookup(slug)
    if found is None:
        raise template.TemplateSyntaxError(f"Unknown glossary term: {slug}")
    label = text if text is not None else found.inline_name
    return format_html(
        '<a href="{}#{}" class="govuk-link cp-term" title="{}">{}</a>',
        reverse("core:glossary"),
        slug,
        found.meaning,
        label,
    )


def _pattern() -> re.Pattern:
    names = sorted(
        {str(t.name) for t in glossary.TERMS if "(" not in str(t.name)}, key=len, reverse=True
    )
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b", re.IGNORECASE)


@register.filter
def glossary_links(text: str) -> SafeString:
    """Escape plain text and link the first mention of each glossary term in it."""
    pattern = _pattern()
    by_name = {str(t.name).lower(): t for t in glossary.TERMS}
    seen: set[str] = set()
    url = reverse("core:glossary")

    def link(match: re.Match) -> str:
        found = by_name.get(match.group(0).lower())
        if found is None or found.slug in seen:
            return match.group(0)
        seen.add(found.slug)
        return (
            f'<a href="{url}#{found.slug}" class="govuk-link cp-term" '
            f'title="{escape(found.meaning)}">{match.group(0)}</a>'
        )

    return mark_safe(pattern.sub(link, str(escape(text))))  # noqa: S308 (escaped above)
