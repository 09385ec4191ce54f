"""Press relations as officers set them up: the pressroom, releases published (or scheduled
for their embargo) as the admin does, journalists with the RGPD fields filled in."""

import datetime as dt

from django.utils import timezone

from press.models import Journalist, LegalBasis, Outlet, PressKitPage, PressReleasePage
from press.models.contacts import PRESS_OFFICERS
from press.setup import ensure_pressroom
from tests.helpers.accounts import activate_totp, create_user

CONTACT = {"contact_name": "Claire Morvan", "contact_phone": "02 99 29 67 67",
           "contact_email": "presse@drac.example"}


def make_room(home):
    return ensure_pressroom(home, privacy_notice_url="https://www.example.org/donnees/")


def add_release(room, title="Le programme des JEP", slug=None, *, embargo=None,
                date=None, page_class=PressReleasePage, **fields):
    """A release published as the admin's form publishes it: scheduled at its embargo."""
    page = page_class(title=title, slug=slug or title.lower().replace(" ", "-"),
                      date=date or timezone.localdate(), embargo=embargo, live=False,
                      **{"body": [("paragraph", f"<p>Texte de {title}.</p>")], **CONTACT,
                         **fields})
    if embargo and embargo > timezone.now():
        page.go_live_at = embargo
    room.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def add_kit(room, title="Dossier de presse", **fields):
    return add_release(room, title, page_class=PressKitPage, **fields)


def make_journalist(last_name="Le Goff", email="yann.legoff@presse.example", outlet=None,
                    **fields):
    if isinstance(outlet, str):
        outlet = Outlet.objects.get_or_create(name=outlet)[0]
    return Journalist.objects.create(
        first_name=fields.pop("first_name", "Yann"), last_name=last_name, email=email,
        outlet=outlet, source=fields.pop("source", "Salon du livre"),
        legal_basis=fields.pop("legal_basis", LegalBasis.LEGITIMATE_INTEREST), **fields)


def press_officer(email="attachee.presse@example.org"):
    user = create_user(email, PRESS_OFFICERS, first_name="Claire")
    activate_totp(user)
    return user


def in_the_past(days=1):
    return timezone.now() - dt.timedelta(days=days)


def in_the_future(days=1):
    return timezone.now() + dt.timedelta(days=days)
