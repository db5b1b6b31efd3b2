import json

from django.core.management.base import BaseCommand

from articles.exporting import export_records


class Command(BaseCommand):
    help = "Write every article as JSON Lines on stdout (one object per line; the contract is in the README)."

    def handle(self, *args, **options):
        for record in export_records():
            self.stdout.write(json.dumps(record, ensure_ascii=False))
