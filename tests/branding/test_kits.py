"""National-event kits: for approved partners and for organisers with a published event of
that edition; files checked at upload."""

import pytest
from django.core.files.base import ContentFile

from branding.checks import validate_kit_file
from branding.models import KitItem
from events.models import EventStatus
from events.seeding import ensure_national_event
from tests.helpers.branding import pdf_bytes, upload
from tests.helpers.events import make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition(sites):
    return ensure_national_event(sites[0].root_page.specific)


@pytest.fixture
def poster(edition):
    item = KitItem(national_event=edition, kind="poster", title="Affiche A3")
    item.file.save("affiche.pdf", ContentFile(pdf_bytes()), save=False)
    item.save()
    return item


def test_approved_partners_download_the_kit(public_client, approved_partner, poster, edition):
    public_client.force_login(approved_partner)
    page = public_client.get(f"/logos/kits/{edition.pk}/")
    assert "Affiche A3" in page.content.decode()
    response = public_client.get(f"/logos/kits/fichier/{poster.pk}/")
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert poster.size == len(pdf_bytes())


def test_organisers_need_a_published_event_of_the_edition(public_client, make_user, poster,
                                                          edition):
    organiser = make_user("orga@example.org")
    public_client.force_login(organiser)
    assert public_client.get(f"/logos/kits/fichier/{poster.pk}/").status_code == 403
    submitted = make_event(edition, organiser, status=EventStatus.SUBMITTED, live=False)
    assert public_client.get(f"/logos/kits/{edition.pk}/").status_code == 403
    submitted.delete()
    make_event(edition, organiser)
    assert public_client.get(f"/logos/kits/fichier/{poster.pk}/").status_code == 200


def test_anonymous_visitors_are_asked_to_sign_in(public_client, poster):
    response = public_client.get(f"/logos/kits/fichier/{poster.pk}/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(("name", "data", "code"), [
    ("kit.exe", b"MZ", "kit_format"),
    ("affiche.pdf", b"GIF89a", "file_signature"),
    ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>', "svg_script"),
])
def test_kit_files_are_checked(name, data, code):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refusal:
        validate_kit_file(upload(name, data))
    assert refusal.value.code == code
