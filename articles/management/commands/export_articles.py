import json

from articles.exporting import export_records
from articles.management.archive_command import ArchiveCommand


class Command(ArchiveCommand):
    help = "Write every article as JSON Lines on stdout (one object per line; the contract is in the README)."

    def handle(self, *args, **options):
        for record in export_records():
            self.stdout.write(json.dumps(record, ensure_ascii=False))
