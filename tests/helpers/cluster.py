"""Real servers on loopback for the cluster test and the benchmarks: app servers (gunicorn),
an S3-compatible object store (moto in server mode), a throw-away database.

The database is PostgreSQL when one answers on 127.0.0.1:5432 (trust authentication), else a
SQLite file in WAL mode (the settings' default), which several processes may share. Either is
copied from a template migrated once per set of migrations, so that a run costs a copy rather
than a full ``migrate``.
"""

import contextlib
import hashlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
POSTGRES_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
TEMPLATE_PREFIX = "relais_cluster_template_"
REDIS_URL = "redis://127.0.0.1:6379/0"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_serving(url: str, process: subprocess.Popen | None = None, timeout=90,
                       headers=None) -> None:
    """Wait until ``url`` answers anything over HTTP (an error status counts)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{process.args} stopped with code {process.returncode}")
        try:
            urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=5)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"nothing answered at {url} within {timeout} s")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def migrations_fingerprint() -> str:
    """Changes whenever a migration of any installed app changes (ours or a package's)."""
    from django.apps import apps

    digest = hashlib.sha256()
    for config in sorted(apps.get_app_configs(), key=lambda config: config.label):
        folder = Path(config.path) / "migrations"
        for path in sorted(folder.glob("*.py")) if folder.is_dir() else ():
            digest.update(f"{config.label}/{path.name}".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def postgres_available() -> bool:
    try:
        import psycopg

        with psycopg.connect(POSTGRES_ADMIN_URL, connect_timeout=2):
            return True
    except Exception:  # any failure means: use SQLite
        return False


def manage(*arguments, env: dict, timeout=900) -> str:
    result = subprocess.run([sys.executable, "manage.py", *arguments], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=timeout, check=False)
    if result.returncode:
        raise RuntimeError(f"manage.py {' '.join(arguments)} failed:\n{result.stderr}")
    return result.stdout


def app_environment(database_url: str, **variables) -> dict:
    """The environment of an app process: the embedded default, with these values."""
    keep = {key: value for key, value in os.environ.items()
            if key in {"PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "VIRTUAL_ENV"}}
    return {**keep, "DATABASE_URL": database_url, "DEBUG": "false", "PYTHONPATH": str(ROOT),
            "DJANGO_SETTINGS_MODULE": "portal.settings", **variables}


@contextlib.contextmanager
def throwaway_database():
    """Yield the URL of a migrated, empty database of its own; drop it afterwards."""
    fingerprint = migrations_fingerprint()
    if postgres_available():
        import psycopg

        template = f"{TEMPLATE_PREFIX}{fingerprint}"
        name = f"relais_cluster_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as admin:
            exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                                   [template]).fetchone()
            if not exists:
                building = f"{template}_{uuid.uuid4().hex[:6]}"
                admin.execute(f'CREATE DATABASE "{building}"')
                manage("migrate", "--noinput", "-v0", env=app_environment(
                    f"postgresql://postgres@127.0.0.1:5432/{building}"))
                # Older templates (other migrations) go; the new one appears complete or not.
                for (old,) in admin.execute("SELECT datname FROM pg_database WHERE datname "
                                            "LIKE %s", [f"{TEMPLATE_PREFIX}%"]).fetchall():
                    if old != building:
                        admin.execute(f'DROP DATABASE IF EXISTS "{old}" WITH (FORCE)')
                admin.execute(f'ALTER DATABASE "{building}" RENAME TO "{template}"')
            admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        try:
            yield f"postgresql://postgres@127.0.0.1:5432/{name}"
        finally:
            with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        return
    template = Path(tempfile.gettempdir()) / f"relais-cluster-{fingerprint}.sqlite3"
    if not template.exists():
        building = template.with_suffix(f".{uuid.uuid4().hex[:6]}")
        manage("migrate", "--noinput", "-v0", env=app_environment(f"sqlite:///{building}"))
        manage("shell", "-c", "from django.db import connection; "
               "connection.cursor().execute('PRAGMA wal_checkpoint(TRUNCATE)')",
               env=app_environment(f"sqlite:///{building}"))
        building.replace(template)
    folder = Path(tempfile.mkdtemp(prefix="relais-cluster-"))
    shutil.copyfile(template, folder / "db.sqlite3")
    try:
        yield f"sqlite:///{folder / 'db.sqlite3'}"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def start_gunicorn(env: dict, port: int, workers=1, settings="portal.settings",
                   log=subprocess.DEVNULL) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "portal.wsgi:application", "--bind",
         f"127.0.0.1:{port}", "--workers", str(workers), "--timeout", "60",
         "--graceful-timeout", "5"],
        cwd=ROOT, env={**env, "DJANGO_SETTINGS_MODULE": settings},
        stdout=log, stderr=subprocess.STDOUT if log is not subprocess.DEVNULL else log)


@contextlib.contextmanager
def object_store(bucket: str):
    """moto's S3 server on a free loopback port, with an empty bucket; yields its URL."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p",
                                str(port)], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(url, process, timeout=60)
        s3_client(url).create_bucket(Bucket=bucket)
        yield url
    finally:
        stop(process)


def s3_client(url: str):
    import boto3

    return boto3.client("s3", endpoint_url=url, region_name="us-east-1",
                        aws_access_key_id="testing", aws_secret_access_key="testing")


def s3_environment(url: str, bucket: str) -> dict:
    return {"S3_BUCKET": bucket, "S3_ENDPOINT_URL": url, "S3_REGION": "us-east-1",
            "S3_ACCESS_KEY_ID": "testing", "S3_SECRET_ACCESS_KEY": "testing",
            "S3_ADDRESSING_STYLE": "path"}
