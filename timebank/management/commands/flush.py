"""Django's flush, which may also empty the time bank ledger (see timebank.dbguard)."""

from django.core.management.commands.flush import Command as FlushCommand

from timebank.dbguard import unlocked_for_flush


class Command(FlushCommand):
    def handle(self, **options):
        with unlocked_for_flush():
            return super().handle(**options)
