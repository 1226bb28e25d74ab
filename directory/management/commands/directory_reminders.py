from django.core.management.base import BaseCommand

from directory.tasks import send_directory_reminders


class Command(BaseCommand):
    help = "Remind owners of directory entries due a check; sink entries unchecked after reminders."

    def handle(self, *args, **options):
        result = send_directory_reminders.enqueue()
        self.stdout.write(f"Reminders: {result.return_value if result.is_finished else 'queued'}")
