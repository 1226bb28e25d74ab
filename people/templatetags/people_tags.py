from django import template
from django.utils.translation import gettext_lazy as _

from lib import availability

register = template.Library()

PART_LABELS = (_("Morning"), _("Afternoon"), _("Evening"))


@register.inclusion_tag("people/components/availability_table.html")
def availability_table(mask: int) -> dict:
    return {
        "slots": set(availability.to_slots(mask or 0)),
        "availability_days": availability.DAYS,
        "availability_parts": list(zip(availability.PARTS, PART_LABELS, strict=True)),
    }


@register.filter
def is_mapping(value) -> bool:
    return isinstance(value, dict)
