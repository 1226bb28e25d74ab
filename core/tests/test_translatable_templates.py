"""Every word people read is marked for translation, so Gaelic and Welsh need
only translation files. This test reads every template of Coproduce's own
apps and fails on text or labelling attributes outside translation tags."""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

OWN_APPS = {
    "core",
    "accounts",
    "audit",
    "people",
    "timebank",
    "directory",
    "mapping",
    "safeguarding",
    "budgeting",
    "outcomes",
    "engagement",
}

REMOVE = [
    re.compile(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", re.S),
    re.compile(r"{#.*?#}", re.S),
    re.compile(r"{%\s*blocktranslate.*?{%\s*endblocktranslate\s*%}", re.S),
    # Blocks that hold CSS class names, not words.
    re.compile(r"{%\s*block \w*_class\s*%}.*?{%\s*endblock\s*%}", re.S),
    re.compile(r"<(script|style|svg|code)\b.*?</\1>", re.S | re.I),
    re.compile(r"{{.*?}}", re.S),
    re.compile(r"{%.*?%}", re.S),
]
LABEL_ATTRIBUTE = re.compile(r'\b(?:aria-label|title|alt|placeholder)="([^"]*)"', re.I)
TAG = re.compile(r"<[^>]*>", re.S)
WORD = re.compile(r"[A-Za-z]{2,}")


def own_templates() -> list[Path]:
    found = []
    for config in apps.get_app_configs():
        if config.name in OWN_APPS:
            found += sorted(Path(config.path, "templates").rglob("*.html"))
    return found


def untranslated(source: str) -> list[str]:
    text = source
    for pattern in REMOVE:
        text = pattern.sub(" ", text)
    problems = [
        f'attribute "{value}"' for value in LABEL_ATTRIBUTE.findall(text) if WORD.search(value)
    ]
    for chunk in TAG.sub("\n", text).splitlines():
        chunk = re.sub(r"&[a-z]+;|&#\d+;", " ", chunk).strip()
        if WORD.search(chunk):
            problems.append(chunk)
    return problems


@pytest.mark.parametrize(
    "path", own_templates(), ids=lambda p: str(p.relative_to(settings.BASE_DIR))
)
def test_template_has_no_text_outside_translation_tags(path):
    problems = untranslated(path.read_text())
    assert not problems, f"Mark these for translation in {path.name}: {problems}"


def test_the_checker_catches_bare_text_and_labels():
    assert untranslated("<p>Hello there</p>") == ["Hello there"]
    assert untranslated('<nav aria-label="Menu"></nav>') == ['attribute "Menu"']
    assert untranslated("<p>{% translate 'Hello' %}</p>") == []
    assert untranslated("{% blocktranslate %}Hi {{ name }}{% endblocktranslate %}") == []
