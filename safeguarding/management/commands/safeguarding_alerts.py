from django.core.management.base import BaseCommand

from safeguarding.alerts import overdue_alerts_send


class Command(BaseCommand):
    help = "Tell brokers about visits whose check-out is overdue (each visit once)."

    def handle(self, *args, **options):
        sent = overdue_alerts_send()
        self.stdout.write(f"Overdue check-outs alerted: {sent}")
