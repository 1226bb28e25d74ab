"""Finding an initiative the viewer may open, or refusing plainly."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from ..access import can_edit, can_view
from ..models import Initiative


def initiative_for(request, pk: int, *, edit: bool = False) -> Initiative:
    initiative = get_object_or_404(
        Initiative.objects.select_related("lead_organisation", "owner"),
        partnership=request.partnership,
        pk=pk,
    )
    allowed = can_edit(request.roles, initiative) if edit else can_view(request.roles, initiative)
    if not allowed:
        raise PermissionDenied
    return initiative
