from django.core.management.base import BaseCommand, CommandError

from directory.postcodes import PostcodeImportFailed, import_postcodes, read_lookup


class Command(BaseCommand):
    help = "Load postcode centroids and area codes from an ONS Postcode Directory CSV."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--hscp-lookup",
            help="CSV with council_code,partnership_code for health and social care partnerships",
        )

    def handle(self, *args, file, hscp_lookup=None, **options):
        lookup = read_lookup(hscp_lookup) if hscp_lookup else None
        try:
            report = import_postcodes(file, lookup=lookup)
        except PostcodeImportFailed as failure:
            for error in failure.report.errors:
                self.stderr.write(error)
            raise CommandError(str(failure)) from failure
        except OSError as exc:
            raise CommandError(f"Cannot read {file}: {exc}") from exc
        self.stdout.write(f"Loaded {report.loaded} postcodes; skipped {report.skipped}.")
