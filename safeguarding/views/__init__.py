"""Safeguarding pages: staff pages for an organisation, and a member's own pages."""

from audit.services import audit_record
from core.errors import DomainError


def apply(form, call) -> bool:
    """Run a service; show a domain error on the form instead of failing."""
    try:
        call()
    except DomainError as error:
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return False
    return True


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
