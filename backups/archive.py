"""Back up and restore what the site cannot rebuild: the database and the uploaded media. The search index
is left out on purpose: it is rebuilt from the database (`manage.py search_index rebuild`).

A backup is one directory, written under a temporary name and renamed when complete, so a crash never
leaves something that looks like a backup and is not:

    practice-exchange-20261128T101500Z/
        manifest.json        what, when, from which database, checksums, row counts
        database.dump        PostgreSQL (pg_dump custom format), or
        database.sqlite3     SQLite (an online, consistent copy)
        media.tar.gz         everything under MEDIA_ROOT

Restoring checks every checksum before touching anything, refuses a database that already has tables
unless forced, restores PostgreSQL in a single transaction, swaps an SQLite file atomically and keeps the
media it replaces beside the new copy."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.utils import timezone

FORMAT = 1
DATABASE_FILES = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}
MEDIA_FILE = "media.tar.gz"
MANIFEST = "manifest.json"


class BackupError(Exception):
    """The backup or restore could not be done; nothing was changed."""


@dataclass
class Manifest:
    created: str
    vendor: str
    database_file: str
    media_file: str = MEDIA_FILE
    format: int = FORMAT
    checksums: dict[str, str] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    @classmethod
    def read(cls, directory: Path) -> Manifest:
        try:
            data = json.loads((directory / MANIFEST).read_text())
            manifest = cls(**data)
        except FileNotFoundError as exc:
            raise BackupError(f"{directory} is not a backup: it has no {MANIFEST}") from exc
        except (ValueError, TypeError) as exc:
            raise BackupError(
                f"{directory / MANIFEST} is not a manifest this version can read: {exc}"
            ) from exc
        if manifest.format != FORMAT:
            raise BackupError(f"backup format {manifest.format} is not supported (expected {FORMAT})")
        return manifest


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _vendor(alias: str) -> str:
    vendor = connections[alias].vendor
    if vendor not in DATABASE_FILES:
        raise BackupError(f"backups support PostgreSQL and SQLite, not {vendor}")
    return vendor


def _pg_command(program: str, settings_dict: dict) -> tuple[list[str], dict]:
    executable = shutil.which(program)
    if executable is None:
        raise BackupError(f"{program} was not found: install the PostgreSQL client (postgresql-client)")
    args = [executable, "--no-owner", "--no-privileges"]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings_dict.get(key):
            args += [flag, str(settings_dict[key])]
    env = {**os.environ}
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    return args, env


def _run(args: list[str], env: dict) -> None:
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        raise BackupError(f"{Path(args[0]).name} failed: {done.stderr.strip() or done.stdout.strip()}")


def _row_counts(alias: str) -> dict[str, int]:
    from django.contrib.auth import get_user_model

    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    from practices.models import CaseStudyPage

    models = {
        "pages": Page,
        "case_studies": CaseStudyPage,
        "users": get_user_model(),
        "images": get_image_model(),
        "documents": get_document_model(),
    }
    return {name: model.objects.using(alias).count() for name, model in models.items()}


def create_backup(destination: Path, alias: str = "default") -> Path:
    vendor = _vendor(alias)
    destination.mkdir(parents=True, exist_ok=True)
    created = timezone.now()
    final = destination / f"practice-exchange-{created:%Y%m%dT%H%M%S%fZ}"
    work = Path(tempfile.mkdtemp(prefix=f".{final.name}-", dir=destination))
    try:
        manifest = Manifest(created=created.isoformat(), vendor=vendor, database_file=DATABASE_FILES[vendor])
        database = work / manifest.database_file
        if vendor == "postgresql":
            settings_dict = connections[alias].settings_dict
            args, env = _pg_command("pg_dump", settings_dict)
            _run([*args, "--format=custom", "--file", str(database), settings_dict["NAME"]], env)
        else:
            connection = connections[alias]
            connection.ensure_connection()
            target = sqlite3.connect(database)
            try:
                connection.connection.backup(target)  # consistent even while the site writes
            finally:
                target.close()
        media_root = Path(settings.MEDIA_ROOT)
        with tarfile.open(work / MEDIA_FILE, "w:gz") as archive:
            if media_root.is_dir():
                archive.add(media_root, arcname="media")
        manifest.counts = _row_counts(alias)
        manifest.checksums = {name: sha256(work / name) for name in (manifest.database_file, MEDIA_FILE)}
        (work / MANIFEST).write_text(json.dumps(asdict(manifest), indent=2))
        work.rename(final)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return final


def check_backup(source: Path) -> Manifest:
    """Read the manifest and verify every checksum; raises BackupError on any mismatch."""
    manifest = Manifest.read(source)
    for name, expected in manifest.checksums.items():
        path = source / name
        if not path.is_file():
            raise BackupError(f"{path} is missing")
        if sha256(path) != expected:
            raise BackupError(f"{path} does not match its checksum: the backup is damaged")
    return manifest


def _database_has_tables(alias: str) -> bool:
    connection = connections[alias]
    with connection.cursor() as cursor:
        return bool(connection.introspection.table_names(cursor))


def _extract_media(archive_path: Path, into: Path) -> Path:
    with tarfile.open(archive_path, "r:gz") as archive:
        # The "data" filter refuses absolute paths, links out of the tree and device files.
        archive.extractall(into, filter="data")
    return into / "media"


def restore_backup(source: Path, alias: str = "default", force: bool = False) -> Manifest:
    manifest = check_backup(source)
    vendor = _vendor(alias)
    if manifest.vendor != vendor:
        raise BackupError(f"this backup is of a {manifest.vendor} database; the site uses {vendor}")
    if _database_has_tables(alias) and not force:
        raise BackupError(
            "the database already has tables; restore into an empty database, or pass --force to replace it"
        )
    media_root = Path(settings.MEDIA_ROOT)
    media_root.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=media_root.parent))
    try:
        extracted = _extract_media(source / MEDIA_FILE, staging)
        connection = connections[alias]
        if vendor == "postgresql":
            settings_dict = connection.settings_dict
            connection.close()
            args, env = _pg_command("pg_restore", settings_dict)
            restore = [*args, "--clean", "--if-exists", "--single-transaction", "--exit-on-error"]
            _run([*restore, "--dbname", settings_dict["NAME"], str(source / manifest.database_file)], env)
        else:
            name = Path(connection.settings_dict["NAME"])
            connection.close()
            copy = name.with_name(f".{name.name}.restoring")
            shutil.copyfile(source / manifest.database_file, copy)
            os.replace(copy, name)  # atomic: readers see the old file or the new one
        if media_root.exists() and any(media_root.iterdir()):
            kept = media_root.with_name(f"{media_root.name}-before-restore-{timezone.now():%Y%m%dT%H%M%S}")
            media_root.rename(kept)
        elif media_root.exists():
            media_root.rmdir()
        if extracted.is_dir():
            extracted.rename(media_root)
        else:
            media_root.mkdir()
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return manifest
