"""Who may do what in the directory."""

from people.models import CASEWORK_ROLES, STAFF_ROLES, Role


def is_editor(roles) -> bool:
    return roles.is_admin or roles.has(Role.DIRECTORY_EDITOR)


def can_signpost(roles) -> bool:
    """Practitioners, brokers and editors build shortlists for people."""
    return roles.is_admin or any(roles.has(r) for r in CASEWORK_ROLES)


def can_claim(roles) -> bool:
    return bool(roles.organisations(*STAFF_ROLES))


def can_keep(roles, service) -> bool:
    """Editors, and staff of the organisation that claimed the entry, keep it current."""
    if is_editor(roles):
        return True
    owner_id = getattr(getattr(service, "profile", None), "owner_id", None)
    return owner_id is not None and owner_id in roles.organisations(*STAFF_ROLES)
