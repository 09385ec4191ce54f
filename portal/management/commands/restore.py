from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.backup import BackupError, restore


class Command(BaseCommand):
    help = ("Replace the database and the files of both stores with those of an archive "
            "written by `manage.py backup`.")

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="The .tar.gz archive to restore.")
        parser.add_argument("--yes", action="store_true",
                            help="Do not ask for confirmation (scripts).")

    def handle(self, archive: Path, yes: bool, **options):
        if not archive.is_file():
            raise CommandError(f"{archive} is not a file.")
        if not yes and input(
            "This replaces the whole database and every uploaded file. Type 'yes' to go on: "
        ).strip() != "yes":
            raise CommandError("Nothing was restored.")
        try:
            summary = restore(archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(
            f"Restored the backup of {summary.created}: the {summary.engine} database, "
            f"{summary.files['public']} public and {summary.files['restricted']} restricted "
            "files. Run `manage.py migrate` if this code is newer than the backup."))
