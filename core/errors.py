"""Domain errors: raised by services, shown to people in plain English."""


class DomainError(Exception):
    """A rule of the domain was broken; `code` is for machines, `message` for people."""

    code = "domain_error"

    def __init__(self, message: str, *, code: str | None = None, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        if code:
            self.code = code

    def __str__(self) -> str:
        return str(self.message)


class PermissionDenied(DomainError):
    code = "permission_denied"


class ConsentMissing(DomainError):
    code = "consent_missing"
