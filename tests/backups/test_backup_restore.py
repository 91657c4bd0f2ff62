"""The database is the source of truth: a site restored from `manage.py backup` into a fresh database, with
its index rebuilt, answers every search exactly as the original did, on the database backend and on each
engine. Driven through manage.py in subprocesses, as an operator would, on SQLite and (where DATABASE_URL
is PostgreSQL, as in CI) on fresh PostgreSQL databases."""

from __future__ import annotations

import json
import os
import shutil
import uuid
from pathlib import Path

import pytest

from backups.archive import MANIFEST, sha256
from reliability.site import Installation
from reliability.snapshot import describe
from search.backends.base import SearchQuery
from search.engines import get_engine

ENGINES = {
    name: url
    for name, url in (
        ("opensearch", os.environ.get("SEARCH_URL_OPENSEARCH", "")),
        ("elasticsearch", os.environ.get("SEARCH_URL_ELASTICSEARCH", "")),
    )
    if url
}
POSTGRES_URL = (
    os.environ.get("DATABASE_URL", "") if os.environ.get("DATABASE_URL", "").startswith("postg") else ""
)
pytestmark = pytest.mark.drill
SNAPSHOT = "from reliability.snapshot import main; main()"
UPLOAD_IMAGE = """
from io import BytesIO
from PIL import Image as Picture
from django.core.files.images import ImageFile
from wagtail.images.models import Image
data = BytesIO()
Picture.new("RGB", (40, 30), "teal").save(data, "PNG")
Image.objects.create(title="Backup proof", file=ImageFile(data, name="proof.png"))
print("ok")
"""


class Databases:
    """Fresh, empty databases of one vendor, dropped afterwards."""

    def __init__(self, vendor: str, workdir: Path):
        self.vendor, self.workdir, self.created = vendor, workdir, []

    def fresh(self, name: str) -> str:
        if self.vendor == "sqlite":
            return f"sqlite:///{self.workdir / name}.sqlite3"
        import psycopg

        database = f"px_{name}_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{database}"')
        self.created.append(database)
        return POSTGRES_URL.rsplit("/", 1)[0] + "/" + database

    def drop(self):
        if not self.created:
            return
        import psycopg

        with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
            for database in self.created:
                connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def media_checksums(root: Path) -> dict[str, str]:
    return {str(path.relative_to(root)): sha256(path) for path in sorted(root.rglob("*")) if path.is_file()}


def rebuild_everywhere(site: Installation) -> None:
    for url in ENGINES.values():
        site.manage("search_index", "rebuild", SEARCH_URL=url)


def snapshot(site: Installation) -> dict:
    engines = ",".join(f"{name}={url}" for name, url in ENGINES.items())
    return json.loads(site.shell(SNAPSHOT, SNAPSHOT_ENGINES=engines))


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def original(request, tmp_path_factory):
    """The demo site with its accounts, reading lists and an uploaded image, indexed on every engine, and
    a backup of it."""
    if request.param == "postgresql" and not POSTGRES_URL:
        pytest.skip("DATABASE_URL is not PostgreSQL")
    workdir = tmp_path_factory.mktemp(f"backup-{request.param}")
    databases = Databases(request.param, workdir)
    index = f"test-px-backup-{uuid.uuid4().hex[:8]}"
    site = Installation(workdir / "original", databases.fresh("original"), index=index)
    try:
        site.manage("migrate", "--noinput")
        site.manage("load_demo")
        site.shell(UPLOAD_IMAGE)
        rebuild_everywhere(site)
        before = snapshot(site)
        backup = Path(
            site.manage("backup", "--dest", str(workdir / "backups")).stdout.strip().splitlines()[-1]
        )
        yield {"site": site, "databases": databases, "snapshot": before, "backup": backup, "index": index}
    finally:
        databases.drop()
        for url in ENGINES.values():
            engine = get_engine(url)
            # By name: wildcard deletes are refused by default on Elasticsearch.
            for name in engine.call("indices.get", index=f"{index}*"):
                engine.call("indices.delete", index=name)


def test_the_backup_holds_the_database_and_media_with_checksums(original):
    manifest = json.loads((original["backup"] / MANIFEST).read_text())
    assert set(manifest["checksums"]) == {manifest["database_file"], "media.tar.gz"}
    assert manifest["counts"]["case_studies"] == original["snapshot"]["rows"]["practices.CaseStudyPage"]
    assert manifest["counts"]["images"] >= 1
    assert original["site"].manage("restore", str(original["backup"]), "--check").returncode == 0


def test_a_restored_site_answers_every_search_as_the_original(original, tmp_path):
    databases = original["databases"]
    restored = Installation(tmp_path, databases.fresh("restored"), index=original["index"] + "-restored")
    out = restored.manage("restore", str(original["backup"])).stdout
    assert "Restored" in out
    rebuild_everywhere(restored)
    after = snapshot(restored)
    assert after["rows"] == original["snapshot"]["rows"]
    assert set(after["search"]) == {"database", *ENGINES}
    for backend, answers in original["snapshot"]["search"].items():
        assert after["search"][backend] == answers, backend
    # The searches are not trivially empty: the comparison means something.
    everything = original["snapshot"]["search"]["database"][describe(SearchQuery())]
    assert everything["total"] == original["snapshot"]["rows"]["practices.CaseStudyPage"] > 20
    original_media = media_checksums(original["site"].workdir / "media")
    assert any(name.endswith("proof.png") for name in original_media)
    assert media_checksums(tmp_path / "media") == original_media


def test_a_damaged_backup_is_refused_and_nothing_is_touched(original, tmp_path):
    damaged = tmp_path / "damaged"
    shutil.copytree(original["backup"], damaged)
    manifest = json.loads((damaged / MANIFEST).read_text())
    database_file = damaged / manifest["database_file"]
    data = bytearray(database_file.read_bytes())
    data[len(data) // 2] ^= 0xFF
    database_file.write_bytes(bytes(data))
    target = Installation(tmp_path / "site", original["databases"].fresh("damaged"))
    done = target.manage("restore", str(damaged), check=False)
    assert done.returncode != 0
    assert "does not match its checksum" in done.stderr
    # The target database is still empty and no media directory appeared.
    tables = target.shell(
        "from django.db import connection; print(len(connection.introspection.table_names()))"
    )
    assert tables == "0"
    assert not (tmp_path / "site" / "media").exists()


def test_restoring_over_a_site_with_data_needs_force(original, tmp_path):
    site = original["site"]
    done = site.manage("restore", str(original["backup"]), check=False)
    assert done.returncode != 0
    assert "already has tables" in done.stderr
    assert snapshot(site)["rows"] == original["snapshot"]["rows"]
    # With --force the backup replaces it, and the media it replaced is kept beside it.
    assert "Restored" in site.manage("restore", str(original["backup"]), "--force").stdout
    assert snapshot(site) == original["snapshot"]
    assert list(site.workdir.glob("media-before-restore-*"))


def test_not_a_backup_gets_a_clear_message(original, tmp_path):
    done = original["site"].manage("restore", str(tmp_path), check=False)
    assert done.returncode != 0
    assert "is not a backup" in done.stderr
