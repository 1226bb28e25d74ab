from django.core.management.base import BaseCommand

from audit.services import audit_record
from directory.services import check_links
from directory.tasks import fetch_status
from people.models import Partnership


class Command(BaseCommand):
    help = "Check every directory entry's website link and mark the broken ones."

    def handle(self, *args, **options):
        for partnership in Partnership.objects.all():
            counts = check_links(partnership=partnership, fetch=fetch_status)
            audit_record("directory.links.checked", partnership=partnership, data=counts)
            self.stdout.write(f"{partnership.slug}: {counts}")
