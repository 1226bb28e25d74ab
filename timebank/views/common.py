"""What every time bank page needs: the bank, who is looking, and what they may do."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied

from people.models import Person

from ..access import account_for, bank_for, can_manage_settings, is_broker
from ..models import Account, TimeBank


@dataclass
class Here:
    bank: TimeBank
    broker: bool
    subject: Person | None
    account: Account | None  # the subject's own account, if they are a member

    @property
    def context(self) -> dict:
        return {"bank": self.bank, "is_broker": self.broker, "my_account": self.account}


def here(request, slug: str, *, broker: bool = False, member: bool = False) -> Here:
    """The bank in the URL and the viewer's place in it; 403 if they have none."""
    bank = bank_for(request, slug)
    roles = request.roles
    brokering = is_broker(roles, bank)
    subject = request.subject
    account = account_for(subject, bank)
    if broker and not brokering:
        raise PermissionDenied
    if member and account is None:
        raise PermissionDenied
    if not (brokering or account is not None or can_manage_settings(roles, bank)):
        raise PermissionDenied
    return Here(bank=bank, broker=brokering, subject=subject, account=account)
