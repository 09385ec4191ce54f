"""An organiser signs up and proposes an event, a regional officer approves it in the admin,
and a visitor finds it in the region's programme with a filter and adds it to a calendar."""

import re

import icalendar
import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from playwright.sync_api import expect

from events.models import EventStatus, LocalEvent, Region
from events.officers import OFFICER_GROUP
from events.seeding import ensure_national_event, ensure_regional_pages
from tests.helpers.accounts import PASSWORD, activate_totp, current_totp_code
from tests.helpers.events import make_event

pytestmark = [pytest.mark.browser,
              pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITLE = "Visite des toits de la chapelle Saint-Yves"


@pytest.fixture
def edition(sites):
    page = ensure_national_event(sites[0].root_page.specific, 2026)
    ensure_regional_pages(page, Region.objects.filter(slug="bretagne"))
    return page


@pytest.fixture
def officer(make_user, directorates):
    group = Group.objects.get(name=OFFICER_GROUP)
    # Transactional tests re-create permission rows after a flush: tie them again.
    group.permissions.add(*Permission.objects.filter(
        content_type__app_label="events", codename__in=["view_localevent", "change_localevent"]))
    user = make_user("officier.bretagne@example.org", directorates[0].staff_group, group)
    return user, activate_totp(user)


def sign_up_and_confirm(page, urls):
    # English pages: the labels are the source strings, whatever the French catalogue says.
    page.goto(urls["public"] + "/en/accounts/signup/")
    page.locator("input[name=email]").fill("anne.organisatrice@example.org")
    page.locator("input[name=password1]").fill(PASSWORD)
    page.locator("input[name=password2]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link.replace("http://localhost:8000", urls["public"]))
    page.locator("main form button[type=submit]").click()


def propose_event(page, urls):
    page.goto(urls["public"] + "/en/evenements/proposer/")
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Description").fill("Une visite exceptionnelle des charpentes.")
    page.get_by_role("button", name="Save and continue").click()

    page.get_by_label("Name of the place").fill("Chapelle Saint-Yves")
    page.get_by_label("Street address").fill("2 rue Saint-Yves")
    # The commune: a few letters typed, then picked from the list of our reference data.
    commune = page.get_by_role("combobox", name="Commune")
    commune.press_sequentially("renn")
    page.get_by_role("option", name="Rennes (35000) — Ille-et-Vilaine (35)").click()
    expect(commune).to_have_value("Rennes")
    expect(page.get_by_role("textbox", name="Postcode")).to_have_value("35000")
    expect(page.locator("#venue-commune-found")).to_contain_text("35238")
    expect(page.get_by_label("Latitude")).to_have_count(0)  # the address is enough
    # On site or online: one group of radio buttons, each drawn beside its label.
    attendance = page.get_by_role("group", name="Attendance")
    expect(attendance.get_by_role("radio")).to_have_count(3)
    for label in attendance.locator("label.fr-label").all():
        expect(label).to_be_visible()
        assert label.evaluate("label => getComputedStyle(label, '::before').content") != "none"
    expect(page.get_by_label("On site", exact=True)).to_be_checked()
    page.get_by_text("On site and online", exact=True).click()
    expect(page.get_by_label("On site and online")).to_be_checked()
    page.get_by_label("Online link").fill("https://visio.example.org/chapelle")
    page.get_by_role("button", name="Save and continue").click()

    page.get_by_label("Start").first.fill("2026-09-19T10:00")
    page.get_by_label("End").first.fill("2026-09-19T12:00")
    page.get_by_role("button", name="Save and continue").click()

    page.get_by_text("Booking required").click()
    page.get_by_label("Booking phone").fill("02 99 00 00 00")
    page.get_by_role("button", name="Save and continue").click()

    page.get_by_role("button", name="Submit for moderation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My events")
    row = page.get_by_role("row").filter(has_text=TITLE)
    expect(row).to_contain_text("Awaiting moderation")


def approve_in_admin(page, urls, officer, title=TITLE, change=None):
    user, secret = officer
    page.context.clear_cookies()
    page.goto(urls["public"] + "/admin/snippets/events/localevent/")
    page.locator("input[name=login]").fill(user.email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.locator("input[name=code]").fill(current_totp_code(secret))
    page.locator("main form button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/admin/snippets/events/localevent/"))
    row = page.get_by_role("row").filter(has_text=title)
    row.locator("button.w-dropdown__toggle").click()  # the row's "more options" menu
    page.locator("a[href^='/admin/events/'][href$='/approve/']").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(title)
    if change:  # the officer compares the published version and the change
        expect(page.locator("td.comparison .addition").first).to_have_text(change)
    page.locator("main form[method=post] button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/snippets/events/localevent/$"))


def test_organiser_submits_officer_approves_visitor_finds_and_downloads(
    page, urls, edition, officer
):
    sign_up_and_confirm(page, urls)
    propose_event(page, urls)
    approve_in_admin(page, urls, officer)
    assert LocalEvent.objects.get(title=TITLE).status == EventStatus.APPROVED

    page.context.clear_cookies()
    page.goto(urls["public"] + f"/{edition.slug}/bretagne/")
    page.locator("select[name=department]").select_option("35")
    page.locator("#programme form button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"department=35"))
    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    with page.expect_download() as download_info:
        page.locator("a[href$='/calendrier.ics']").click()
    calendar = icalendar.Calendar.from_ical(download_info.value.path().read_bytes())
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == TITLE


def test_organiser_changes_a_published_event_officer_compares_then_approves(
    page, new_page, urls, edition, officer, make_user
):
    organiser = make_user("anne.organisatrice@example.org")
    event = make_event(edition, organiser, title=TITLE)
    changed = "Visite nocturne des toits de la chapelle Saint-Yves"
    page.goto(urls["public"] + "/en/accounts/login/")
    page.locator("input[name=login]").fill(organiser.email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.goto(urls["public"] + f"/en/evenements/mes-evenements/{event.pk}/evenement/")
    page.get_by_label("Title").fill(changed)
    page.get_by_role("button", name="Save and continue").click()
    page.goto(urls["public"] + f"/en/evenements/mes-evenements/{event.pk}/recapitulatif/")
    expect(page.locator(".relais-review")).to_contain_text(changed)
    page.get_by_role("button", name="Submit for moderation").click()
    row = page.get_by_role("row").filter(has_text=TITLE)
    expect(row).to_contain_text("Changes awaiting moderation")
    expect(row).to_contain_text(changed)

    visitor = new_page()
    visitor.goto(urls["public"] + f"/en/evenements/{event.pk}/")
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)

    page.context.clear_cookies()
    approve_in_admin(page, urls, officer, title=TITLE, change="nocturne ")
    visitor.reload()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(changed)
