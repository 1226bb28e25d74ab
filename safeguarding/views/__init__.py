"""Safeguarding pages: staff pages for an organisation, and a member's own pages."""

from audit.services import audit_record


def record_view(request, action: str, *, target, person=None, organisation=None) -> None:
    """Staff looking at a safeguarding record: written to the audit log as sensitive."""
    if request.method == "GET":
        audit_record(
            action,
            actor=request.user,
            person=person,
            organisation=organisation,
            target=target,
            sensitive=True,
        )
