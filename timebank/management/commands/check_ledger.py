"""Verify every invariant of the time bank ledger; exit non-zero naming what is wrong."""

import time

from django.core.management.base import BaseCommand, CommandError

from timebank.integrity import ledger_problems


class Command(BaseCommand):
    help = "Check that the time bank ledger balances, account by account."

    def handle(self, *args, **options):
        started = time.perf_counter()
        problems = ledger_problems()
        seconds = time.perf_counter() - started
        if problems:
            for problem in problems:
                self.stderr.write(str(problem))
            raise CommandError(f"{len(problems)} ledger problem(s) found in {seconds:.2f}s")
        self.stdout.write(f"The ledger balances ({seconds:.2f}s).")
