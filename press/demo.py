"""Demo: the pressroom with a release, an embargoed release and a press kit, a few outlets,
journalists and lists, and the editor account made a press officer. Running it twice
duplicates nothing."""

import datetime as dt

from django.contrib.auth.models import Group
from django.utils import timezone

from events.models import Region
from pages.base.demo import translate
from pages.base.sites import ensure_sites
from portal.models import User
from press.models import (
    Beat,
    ContactList,
    Journalist,
    LegalBasis,
    Outlet,
    OutletType,
    PressReleasePage,
    Scope,
)
from press.setup import GROUP, ensure_pressroom

PRESS_OFFICER_EMAIL = "editrice@relais.localhost"
CONTACT = {"contact_name": "Claire Morvan", "contact_phone": "02 99 29 67 67",
           "contact_email": "presse@relais.localhost"}


def load_contacts():
    if Journalist.objects.exists():
        return
    bretagne = Region.objects.filter(slug="bretagne").first()
    heritage, _created = Beat.objects.get_or_create(name="Patrimoine")
    museums, _created = Beat.objects.get_or_create(name="Musées")
    regional = ContactList.objects.create(name="Presse quotidienne régionale")
    outlets = [
        Outlet.objects.create(name="Ouest-France", outlet_type=OutletType.PRINT,
                              scope=Scope.REGIONAL, region=bretagne,
                              website="https://www.ouest-france.fr"),
        Outlet.objects.create(name="Le Télégramme", outlet_type=OutletType.PRINT,
                              scope=Scope.REGIONAL, region=bretagne),
        Outlet.objects.create(name="France 3 Bretagne", outlet_type=OutletType.TV,
                              scope=Scope.REGIONAL, region=bretagne),
    ]
    people = [("Yann", "Le Goff", 0, heritage), ("Katell", "Riou", 1, museums),
              ("Erwan", "Kerhervé", 2, heritage)]
    for first, last, outlet, beat in people:
        journalist = Journalist.objects.create(
            first_name=first, last_name=last, outlet=outlets[outlet],
            email=f"{first.lower()}.{last.lower().replace(' ', '')}@presse.example",
            role="Journaliste culture", source="Démo", legal_basis=LegalBasis.LEGITIMATE_INTEREST)
        journalist.beats.add(beat)
        regional.members.add(journalist)


def load_releases(room):
    if PressReleasePage.objects.child_of(room).exists():
        return
    release = PressReleasePage(
        title="Journées européennes du patrimoine 2026 : le programme en Bretagne",
        slug="jep-2026-programme-bretagne", date=dt.date(2026, 8, 28),
        summary="Plus de 900 lieux ouverts les 19 et 20 septembre.",
        body=[("paragraph", "<p>La direction régionale présente le programme des Journées "
                            "européennes du patrimoine en Bretagne.</p>")],
        **CONTACT)
    room.add_child(instance=release)
    release.save_revision().publish()
    embargoed = PressReleasePage(
        title="Label « Patrimoine d'intérêt régional » : les lauréats 2026",
        slug="laureats-patrimoine-2026", live=False, embargo=timezone.now() + dt.timedelta(days=7),
        summary="Sous embargo : visible ici une fois l'embargo levé.",
        body=[("paragraph", "<p>Les lauréats sont…</p>")], joint_with_prefecture=True,
        prefecture_contact_name="Service de communication de la préfecture",
        prefecture_contact_email="pref-communication@prefecture.example", **CONTACT)
    room.add_child(instance=embargoed)
    embargoed.go_live_at = embargoed.embargo
    embargoed.save_revision().publish()


def load(stdout):
    public_site, _intranet_site = ensure_sites()
    home = public_site.root_page.specific
    room = ensure_pressroom(home)
    officer = User.objects.filter(email=PRESS_OFFICER_EMAIL).first()
    if officer is not None:
        officer.groups.add(Group.objects.get(name=GROUP))
    load_contacts()
    load_releases(room)
    english_room = translate(room, "en", title="Pressroom")
    release = PressReleasePage.objects.child_of(room).filter(embargo=None).first()
    if release is not None:
        translate(release, "en", title="European Heritage Days 2026: the programme in "
                                       "Brittany")
    stdout.write(f"English pressroom: {english_room.url}")
    stdout.write(f"Pressroom ready: {room.url_path} ({Journalist.objects.count()} contacts).")
