import csv

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from people.decorators import admin_required

from .forms import AuditFilterForm
from .selectors import audit_events


def _filtered(request):
    form = AuditFilterForm(request.GET or None)
    filters = {}
    if form.is_valid():
        filters = {
            "action_prefix": form.cleaned_data["action"],
            "sensitive_only": form.cleaned_data["sensitive_only"],
            "since": form.cleaned_data["since"],
            "until": form.cleaned_data["until"],
        }
    return form, audit_events(partnership=request.partnership, **filters)


@admin_required
def log(request: HttpRequest) -> HttpResponse:
    form, events = _filtered(request)
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    return render(request, "audit/log.html", {"form": form, "page": page})


@admin_required
def log_csv(request: HttpRequest) -> HttpResponse:
    _form, events = _filtered(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="audit-log.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [
            "when",
            "action",
            "what",
            "who",
            "whose record",
            "on behalf of",
            "organisation",
            "sensitive",
        ]
    )
    for e in events.iterator(chunk_size=2000):
        writer.writerow(
            [
                e.at.isoformat(),
                e.action,
                e.label,
                e.actor.email if e.actor else "",
                e.person_id or "",
                e.on_behalf_of_id or "",
                e.organisation.name if e.organisation else "",
                e.sensitive,
            ]
        )
    return response
