"""Build the fictional Glenbrae partnership. Safe to run again: each app adds
only what is missing. Prints the demo logins."""

import importlib

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings

from core.demo.context import DEMO_PASSWORD, DemoContext

QUIET_EMAIL = "django.core.mail.backends.locmem.EmailBackend"


def demo_modules() -> list:
    found = []
    for config in apps.get_app_configs():
        try:
            module = importlib.import_module(f"{config.name}.demo")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.demo":
                raise
            continue
        if hasattr(module, "seed"):
            found.append(module)
    return sorted(found, key=lambda m: getattr(m, "ORDER", 100))


class Command(BaseCommand):
    help = "Load the demo partnership, Glenbrae (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Do not print the logins.")

    def handle(self, *args, quiet: bool = False, **options):
        ctx = DemoContext(partnership=None)
        # The demo's notices (introductions, letters) stay in the outbox rather
        # than printing dozens of emails on the console; they are sent when
        # each seeder's transaction commits, so the quiet backend spans them all.
        with override_settings(EMAIL_BACKEND=QUIET_EMAIL):
            for module in demo_modules():
                with transaction.atomic():
                    added = module.seed(ctx)
                name = module.__name__.rsplit(".", 1)[0]
                self.stdout.write(f"  {name}: {added or 'already loaded'}")
        if not quiet:
            self._print_logins(ctx)

    def _print_logins(self, ctx: DemoContext) -> None:
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Demo partnership: " + str(ctx.partnership)))
        self.stdout.write(f"Every demo login has the password: {DEMO_PASSWORD}")
        width = max(len(email) for _, email, _ in ctx.logins)
        role_width = max(len(role) for role, _, _ in ctx.logins)
        for role, email, who in ctx.logins:
            self.stdout.write(f"  {email:<{width}}  {role:<{role_width}}  {who}")
        for note in ctx.notes:
            self.stdout.write(f"  {note}")
