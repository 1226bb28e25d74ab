from django.core.management.base import BaseCommand, CommandError

from directory.hsds_io import export_package
from people.models import Partnership


class Command(BaseCommand):
    help = "Export the directory as an HSDS 3.0 tabular data package (CSV + datapackage.json)."

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
        counts = export_package(path, partnership=p)
        self.stdout.write(f"Exported {sum(counts.values())} records to {path}.")
