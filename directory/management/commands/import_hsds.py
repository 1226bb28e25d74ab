from django.core.management.base import BaseCommand, CommandError

from directory.hsds_io import ImportFailed, import_package
from people.models import Partnership


class Command(BaseCommand):
    help = "Import an HSDS 3.0 tabular data package (a folder of CSV files), all or nothing."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--partnership", help="short name (slug); default: this instance's")

    def handle(self, *args, path, partnership=None, **options):
        p = (
            Partnership.objects.filter(slug=partnership).first()
            if partnership
            else Partnership.objects.current()
        )
        if p is None:
            raise CommandError("No such partnership.")
        try:
            report = import_package(path, partnership=p)
        except ImportFailed as failure:
            for problem in failure.report.errors:
                self.stderr.write(str(problem))
            raise CommandError(str(failure)) from failure
        for problem in report.warnings:
            self.stdout.write(f"warning: {problem}")
        for name in report.skipped_files:
            self.stdout.write(f"not imported (not stored by the directory): {name}")
        summary = ", ".join(f"{n} {t}" for t, n in report.counts.items())
        self.stdout.write(f"Imported {summary or 'nothing'}.")
