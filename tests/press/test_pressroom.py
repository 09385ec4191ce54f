"""The public pressroom: releases and kits, and their embargo on every surface (page, list,
feed, sitemap, search index, kit zip); filters, the named press contact, joint releases."""

import datetime as dt
import io
import time
import zipfile
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.utils import timezone
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale

from press.models import KitAttachment, KitImage, PressReleasePage
from tests.helpers.press import add_kit, add_release, in_the_future, in_the_past

pytestmark = pytest.mark.django_db


def surfaces(client, room):
    """Everything the public site shows of the pressroom, as one text."""
    return "".join(client.get(url).content.decode() for url in (
        room.url, room.url + "rss/", "/sitemap.xml", "/"))


def test_nothing_of_an_embargoed_release_shows_before_its_embargo(public_client, room):
    add_release(room, "Communiqué public", slug="public")
    secret = add_release(room, "Les lauréats secrets", slug="laureats",
                         embargo=in_the_future(2), summary="Sous embargo")
    text = surfaces(public_client, room)
    assert "Communiqué public" in text
    assert "lauréats secrets" not in text and "laureats" not in text
    assert public_client.get(room.url + "laureats/").status_code == 404
    assert not secret.live
    assert not PressReleasePage.get_indexed_objects().filter(pk=secret.pk).exists()


def test_the_release_appears_everywhere_once_its_embargo_is_over(public_client, room):
    secret = add_release(room, "Les lauréats", slug="laureats",
                         embargo=timezone.now() + dt.timedelta(seconds=2))
    assert not secret.live
    time.sleep(2.1)  # the embargo passes; the scheduled publication (cron) runs
    call_command("publish_scheduled")
    secret.refresh_from_db()
    assert secret.live
    text = surfaces(public_client, room)
    assert "Les lauréats" in text and "laureats" in text
    assert public_client.get(room.url + "laureats/").status_code == 200
    assert PressReleasePage.get_indexed_objects().filter(pk=secret.pk).exists()


def test_a_live_release_whose_embargo_is_set_later_disappears_at_once(public_client, room):
    release = add_release(room, "Avancé par erreur", slug="erreur")
    PressReleasePage.objects.filter(pk=release.pk).update(embargo=in_the_future())
    assert public_client.get(room.url + "erreur/").status_code == 404
    assert "Avancé par erreur" not in surfaces(public_client, room)
    release.refresh_from_db()
    assert release.get_sitemap_urls() == []


def test_an_embargoed_kit_and_its_zip_stay_hidden(public_client, room):
    kit = add_kit(room, "Dossier secret", slug="dossier", embargo=in_the_future())
    assert public_client.get(room.url + "dossier/").status_code == 404
    assert public_client.get(room.url + "dossier/telecharger/").status_code == 404
    assert "Dossier secret" not in surfaces(public_client, room)
    assert not kit.live


def test_the_embargo_form_schedules_the_publication(admin_client, room):
    from press.models.pages import EmbargoPageForm  # the admin's form of releases

    assert PressReleasePage.base_form_class is EmbargoPageForm
    embargo = in_the_future(3)
    page = PressReleasePage(title="t", embargo=embargo)
    form_class = PressReleasePage.get_edit_handler().get_form_class()
    form = form_class(instance=page, parent_page=room, for_user=None)
    form.cleaned_data = {"embargo": embargo, "go_live_at": None}
    assert form.clean()["go_live_at"] == embargo


def test_every_release_names_a_press_contact_and_a_joint_one_the_prefectures(room):
    release = PressReleasePage(title="Sans contact", slug="sans-contact", body=[])
    with pytest.raises(ValidationError) as error:
        release.full_clean()
    assert {"contact_name", "contact_phone", "contact_email"} <= set(error.value.message_dict)
    joint = PressReleasePage(title="Conjoint", slug="conjoint", joint_with_prefecture=True,
                             contact_name="C", contact_phone="01", contact_email="c@x.fr",
                             body=[("paragraph", "<p>x</p>")], path="x", depth=3)
    with pytest.raises(ValidationError) as error:
        joint.full_clean()
    assert "prefecture_contact_email" in error.value.message_dict


def test_a_release_page_shows_its_contact_and_the_prefectures(public_client, room):
    add_release(room, "Conjoint", slug="conjoint", joint_with_prefecture=True,
                prefecture_contact_name="SIDPC", prefecture_contact_email="pref@interieur.example")
    text = public_client.get(room.url + "conjoint/").content.decode()
    assert "Claire Morvan" in text and "02 99 29 67 67" in text
    assert "pref@interieur.example" in text


def test_the_pressroom_filters_by_subject_year_and_joint_and_refuses_bad_values(public_client,
                                                                                room):
    from press.models import Beat

    heritage = Beat.objects.create(name="Patrimoine")
    release = add_release(room, "Patrimoine 2025", slug="p2025",
                          date=in_the_past(400).date())
    release.subjects.add(heritage)
    release.save_revision().publish()
    add_release(room, "Autre", slug="autre", joint_with_prefecture=True,
                prefecture_contact_name="P", prefecture_contact_email="p@pref.example")
    text = public_client.get(room.url + f"?subject={heritage.pk}").content.decode()
    assert "Patrimoine 2025" in text and ">Autre<" not in text
    text = public_client.get(room.url + "?joint=1").content.decode()
    assert ">Autre<" in text and "Patrimoine 2025" not in text
    response = public_client.get(room.url + "?year=1890")
    assert response.status_code == 400


def test_the_english_pressroom_lives_under_en(public_client, room):
    locale = Locale.objects.get(language_code="en")
    room.get_parent().specific.copy_for_translation(locale).save_revision().publish()
    english = room.copy_for_translation(locale)
    english.title = "Pressroom"
    english.save_revision().publish()
    response = public_client.get("/en/presse/")
    assert response.status_code == 200 and "Pressroom" in response.content.decode()


def make_image(title):
    buffer = BytesIO()
    PillowImage.new("RGB", (640, 480), (0, 0, 145)).save(buffer, format="JPEG")
    image = get_image_model()(title=title, description=f"Texte alternatif de {title}")
    image.file = ImageFile(buffer, name=f"{title}.jpg")
    image.save()
    return image


def make_document(title, name, data):
    document = get_document_model()(title=title)
    document.file.save(name, ContentFile(data), save=False)
    document.save()
    return document


def test_a_kit_downloads_as_one_zip_with_documents_photos_and_credits(public_client, room):
    kit = add_kit(room, "Dossier JEP", slug="dossier-jep")
    KitAttachment.objects.create(page=kit, document=make_document(
        "Programme", "programme.pdf", b"%PDF-1.4 programme"))
    KitImage.objects.create(page=kit, image=make_image("cathedrale"),
                            credit="DRAC Bretagne / J. Dupont", caption="La cathédrale")
    page = public_client.get(room.url + "dossier-jep/").content.decode()
    assert "DRAC Bretagne / J. Dupont" in page and "640 × 480" in page
    response = public_client.get(room.url + "dossier-jep/telecharger/")
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    names = archive.namelist()
    assert any(name.startswith("documents/programme") for name in names)
    assert any(name.startswith("photos/cathedrale") for name in names)
    credits = archive.read("credits.txt").decode()
    assert "© DRAC Bretagne / J. Dupont — La cathédrale" in credits
    assert archive.read(next(n for n in names if n.startswith("documents/"))) == (
        b"%PDF-1.4 programme")

