"""Back up a whole installation into one archive, and restore it on a fresh machine.

The archive is a gzipped tar: ``manifest.json``, the database in its engine's own format
(SQLite's online backup, or ``pg_dump``'s custom format for PostgreSQL) and the files of both
stores, ``files/public/…`` and ``files/restricted/…``. Files are read and written through
Django's storages, not folders, so the same commands work whatever backend a store uses.

A restore replaces everything: the database, then each store's files (files that are not in
the archive are removed). It refuses an archive of another database engine or format.
"""

import datetime as dt
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.files.base import File
from django.core.files.storage import storages
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from portal.database import refresh_statistics

ARCHIVE_FORMAT = 1
MANIFEST = "manifest.json"
# Archive folder → storage alias.
STORES = {"public": "default", "restricted": "restricted"}
DUMP_NAMES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why, for the operator."""


@dataclass
class Summary:
    engine: str
    created: str
    files: dict


def engine_name() -> str:
    vendor = connection.vendor
    if vendor not in DUMP_NAMES:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {vendor}.")
    return vendor


# --- Database -------------------------------------------------------------------------------


def postgres_environment() -> dict:
    """libpq's variables for the database Django uses, so no password reaches a command line."""
    params = connection.get_connection_params()
    variables = {"PGDATABASE": params.get("dbname") or connection.settings_dict["NAME"],
                 "PGHOST": params.get("host"), "PGPORT": params.get("port"),
                 "PGUSER": params.get("user"), "PGPASSWORD": params.get("password")}
    return {**os.environ, **{key: str(value) for key, value in variables.items() if value}}


def run_postgres_tool(arguments: list[str]) -> None:
    if shutil.which(arguments[0]) is None:
        raise BackupError(f"{arguments[0]} is not installed (Debian: postgresql-client).")
    result = subprocess.run(arguments, env=postgres_environment(), capture_output=True,
                            text=True, check=False)
    if result.returncode:
        raise BackupError(f"{arguments[0]} failed: {result.stderr.strip()}")


def dump_database(engine: str, target: Path) -> None:
    connection.ensure_connection()
    if engine == "sqlite":
        # The online backup API copies a consistent snapshot even while the site writes.
        copy = sqlite3.connect(target)
        try:
            connection.connection.backup(copy)
        finally:
            copy.close()
    else:
        run_postgres_tool(["pg_dump", "--format=custom", "--no-owner", "--no-privileges",
                           f"--file={target}"])


def load_database(engine: str, source: Path) -> None:
    if engine == "sqlite":
        connection.ensure_connection()
        copy = sqlite3.connect(source)
        try:
            copy.backup(connection.connection)
        finally:
            copy.close()
    else:
        connection.close()  # pg_restore drops tables: hold no lock on them
        run_postgres_tool(["pg_restore", "--clean", "--if-exists", "--no-owner",
                           "--no-privileges", "--single-transaction",
                           f"--dbname={postgres_environment()['PGDATABASE']}", str(source)])


def latest_migrations() -> dict:
    latest = {}
    for app, name in MigrationRecorder.Migration.objects.values_list("app", "name"):
        latest[app] = max(latest.get(app, name), name)
    return dict(sorted(latest.items()))


# --- Files ----------------------------------------------------------------------------------


def stored_names(storage, folder: str = ""):
    """Every file name of a storage, walking its folders."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # a store nothing was ever uploaded to
        return
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for sub in folders:
        yield from stored_names(storage, f"{folder}/{sub}" if folder else sub)


def empty_store(storage) -> None:
    for name in list(stored_names(storage)):
        storage.delete(name)


def archive_name_to_store(member: tarfile.TarInfo) -> tuple[str, str] | None:
    """(storage alias, file name) for a file of the archive, None for anything else; refuses
    names that would leave the store."""
    path = PurePosixPath(member.name)
    if len(path.parts) < 3 or path.parts[0] != "files" or path.parts[1] not in STORES:
        return None
    name = PurePosixPath(*path.parts[2:])
    if not member.isfile() or name.is_absolute() or ".." in name.parts:
        raise BackupError(f"The archive holds an unsafe entry: {member.name}")
    return STORES[path.parts[1]], str(name)


# --- Backup and restore ---------------------------------------------------------------------


def backup(destination: Path) -> Summary:
    engine = engine_name()
    counts = {}
    with tempfile.TemporaryDirectory() as work, tarfile.open(destination, "w:gz") as archive:
        dump = Path(work) / DUMP_NAMES[engine]
        dump_database(engine, dump)
        archive.add(dump, arcname=DUMP_NAMES[engine])
        for folder, alias in STORES.items():
            storage, counts[folder] = storages[alias], 0
            for name in stored_names(storage):
                with storage.open(name, "rb") as stored:
                    info = tarfile.TarInfo(f"files/{folder}/{name}")
                    info.size = storage.size(name)
                    info.mtime = int(dt.datetime.now(dt.UTC).timestamp())
                    archive.addfile(info, stored)
                counts[folder] += 1
        summary = Summary(engine=engine, created=dt.datetime.now(dt.UTC).isoformat(),
                          files=counts)
        manifest = json.dumps({"format": ARCHIVE_FORMAT, "engine": engine,
                               "created": summary.created, "files": counts,
                               "migrations": latest_migrations()}, indent=2).encode()
        info = tarfile.TarInfo(MANIFEST)
        info.size = len(manifest)
        archive.addfile(info, io.BytesIO(manifest))
    return summary


def read_manifest(archive: tarfile.TarFile) -> dict:
    try:
        manifest = json.load(archive.extractfile(MANIFEST))
    except (KeyError, ValueError) as error:
        raise BackupError("This file is not a Relais backup (no readable manifest).") from error
    if manifest.get("format") != ARCHIVE_FORMAT:
        raise BackupError(f"Backup format {manifest.get('format')} is not supported "
                          f"(this version reads format {ARCHIVE_FORMAT}).")
    return manifest


def open_archive(source: Path) -> tarfile.TarFile:
    try:
        return tarfile.open(source, "r:gz")
    except (OSError, tarfile.TarError) as error:
        raise BackupError(f"Cannot read {source}: {error}") from error


def restore(source: Path) -> Summary:
    engine = engine_name()
    with open_archive(source) as archive, tempfile.TemporaryDirectory() as work:
        manifest = read_manifest(archive)
        if manifest["engine"] != engine:
            raise BackupError(f"This backup holds a {manifest['engine']} database; this "
                              f"installation uses {engine}.")
        dump = Path(work) / DUMP_NAMES[engine]
        with archive.extractfile(DUMP_NAMES[engine]) as packed, dump.open("wb") as unpacked:
            shutil.copyfileobj(packed, unpacked)
        load_database(engine, dump)
        refresh_statistics()  # pg_restore leaves the planner without statistics
        for alias in STORES.values():
            empty_store(storages[alias])
        counts = dict.fromkeys(STORES, 0)
        for member in archive:
            target = archive_name_to_store(member)
            if target is None:
                continue
            alias, name = target
            saved = storages[alias].save(name, File(archive.extractfile(member)))
            if saved != name:
                raise BackupError(f"{name} could not be restored under its own name.")
            counts[member.name.split("/")[1]] += 1
    # Cached pages, sites and settings describe the replaced database.
    for alias in caches:
        caches[alias].clear()
    ContentType.objects.clear_cache()
    return Summary(engine=engine, created=manifest["created"], files=counts)
