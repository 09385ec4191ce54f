from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.backup import BackupError, backup


class Command(BaseCommand):
    help = ("Back up the database and the files of both stores (public and restricted) "
            "into one archive, to restore with `manage.py restore`.")

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="Where to write the .tar.gz archive.")

    def handle(self, archive: Path, **options):
        if archive.exists():
            raise CommandError(f"{archive} already exists: choose a new file name.")
        try:
            summary = backup(archive)
        except BackupError as error:
            archive.unlink(missing_ok=True)
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(
            f"Backed up the {summary.engine} database, {summary.files['public']} public and "
            f"{summary.files['restricted']} restricted files into {archive}."))
