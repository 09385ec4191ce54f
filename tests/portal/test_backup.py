"""One command backs up the database and both file stores; one restores them. The round
trip runs on whichever database the suite runs on (SQLite, and PostgreSQL in CI)."""

import io
import tarfile

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import CommandError, call_command
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page

from tests.helpers.pages import add_page

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def _content_types_cached_again():
    # A restore empties the content-type cache, as it must. The next test's serialized
    # rollback then saves pages whose signals would create the content types it is about to
    # load: fill the cache from the restored rows first.
    yield
    ContentType.objects.get_for_models(*apps.get_models())


@pytest.fixture
def content(public_home):
    page = add_page(public_home, "Journées du patrimoine", "journees-du-patrimoine")
    note = storages["restricted"].save("documents/note-interne.pdf",
                                       ContentFile(b"%PDF-1.4 confidentiel"))
    poster = storages["default"].save("images/affiche.jpg", ContentFile(b"\xff\xd8affiche"))
    return page, note, poster


def read(alias, name):
    with storages[alias].open(name, "rb") as stored:
        return stored.read()


def test_round_trip_restores_database_and_both_stores(content, tmp_path):
    page, note, poster = content
    archive = tmp_path / "relais.tar.gz"
    call_command("backup", str(archive))

    # Everything changes after the backup: a page deleted, a page added, files lost or added.
    Page.objects.get(pk=page.pk).delete()
    add_page(page.get_parent(), "Brouillon perdu", "brouillon-perdu")
    storages["restricted"].delete(note)
    storages["default"].save("images/ajoutee-apres.jpg", ContentFile(b"\xff\xd8apres"))
    with storages["default"].open(poster, "wb") as stored:
        stored.write(b"\xff\xd8abimee")

    call_command("restore", str(archive), "--yes")

    restored = Page.objects.get(pk=page.pk)
    assert restored.title == "Journées du patrimoine" and restored.live
    assert not Page.objects.filter(slug="brouillon-perdu").exists()
    assert read("restricted", note) == b"%PDF-1.4 confidentiel"
    assert read("default", poster) == b"\xff\xd8affiche"
    assert not storages["default"].exists("images/ajoutee-apres.jpg")


def test_documents_keep_their_files_and_collection(sites, tmp_path):
    document = get_document_model()(title="Note de service",
                                    collection=Collection.get_first_root_node())
    document.file.save("note-de-service.pdf", ContentFile(b"%PDF-1.4 note"), save=False)
    document.save()
    archive = tmp_path / "relais.tar.gz"
    call_command("backup", str(archive))
    document.file.delete(save=False)
    document.delete()

    call_command("restore", str(archive), "--yes")

    restored = get_document_model().objects.get(title="Note de service")
    with restored.file.open("rb") as stored:
        assert stored.read() == b"%PDF-1.4 note"


def test_archive_lists_what_it_holds(content, tmp_path):
    archive = tmp_path / "relais.tar.gz"
    call_command("backup", str(archive))
    with tarfile.open(archive) as packed:
        names = packed.getnames()
    assert "manifest.json" in names
    assert "files/restricted/documents/note-interne.pdf" in names
    assert "files/public/images/affiche.jpg" in names
    assert any(name.startswith("database.") for name in names)


def test_backup_never_overwrites_an_archive(content, tmp_path):
    archive = tmp_path / "relais.tar.gz"
    archive.write_bytes(b"earlier backup")
    with pytest.raises(CommandError, match="already exists"):
        call_command("backup", str(archive))
    assert archive.read_bytes() == b"earlier backup"


def test_restore_refuses_a_file_that_is_not_a_backup(content, tmp_path):
    not_a_backup = tmp_path / "photos.tar.gz"
    with tarfile.open(not_a_backup, "w:gz") as packed:
        packed.add(__file__, arcname="files/public/x.py")
    with pytest.raises(CommandError, match="not a Relais backup"):
        call_command("restore", str(not_a_backup), "--yes")
    assert Page.objects.filter(slug="journees-du-patrimoine").exists()


def test_restore_refuses_entries_that_leave_the_store(content, tmp_path):
    archive = tmp_path / "relais.tar.gz"
    call_command("backup", str(archive))
    evil = tmp_path / "evil.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(evil, "w:gz") as target:
        for member in source:
            target.addfile(member, source.extractfile(member))
        outside = tarfile.TarInfo("files/public/../../../outside.txt")
        payload = b"escaped"
        outside.size = len(payload)
        target.addfile(outside, io.BytesIO(payload))
    with pytest.raises(CommandError, match="unsafe entry"):
        call_command("restore", str(evil), "--yes")
    assert not (tmp_path / "outside.txt").exists()


def test_restore_asks_before_replacing_everything(content, tmp_path, monkeypatch):
    archive = tmp_path / "relais.tar.gz"
    call_command("backup", str(archive))
    Page.objects.filter(slug="journees-du-patrimoine").delete()
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError, match="Nothing was restored"):
        call_command("restore", str(archive))
    assert not Page.objects.filter(slug="journees-du-patrimoine").exists()
