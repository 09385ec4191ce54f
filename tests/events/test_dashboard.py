"""The admin's dashboard shows each officer what waits for them: a page to review, a local
event of their region, a new question, an e-mail that did not leave, a page about to
expire; each with its count, the oldest first, a click from its screen."""

import datetime as dt
from html import unescape

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale

from events.models import EventStatus
from events.officers import OFFICER_GROUP
from pages.contact.models import Question, QuestionStatus
from portal.outbox.models import EmailStatus, OutgoingEmail
from portal.roles import EDITORS, MODERATORS
from tests.helpers.accounts import activate_totp
from tests.helpers.events import make_event, venue_in
from tests.helpers.pages import add_page

pytestmark = pytest.mark.django_db


def dashboard_of(user) -> str:
    client = Client(HTTP_HOST=settings.PUBLIC_HOST)
    client.force_login(user)
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    return unescape(response.content.decode())


def question(subject, **fields):
    item = Question(name="Anne", email="anne@example.org", subject=subject, message="…",
                    locale=Locale.get_default(), **fields)
    item.save()
    return item


@pytest.fixture
def moderator(make_user, directorates):
    user = make_user("moderateur@example.org", MODERATORS, OFFICER_GROUP,
                     directorates[0].staff_group)
    activate_totp(user)
    return user


@pytest.fixture
def waiting(public_home, edition, organiser, make_user, bretagne):
    author = make_user("redactrice@example.org", EDITORS)
    page = add_page(public_home, "Patrimoine", "patrimoine")
    page.save_revision(user=author)
    page.get_workflow().start(page, author)
    submitted = timezone.now() - dt.timedelta(days=3)
    event = make_event(edition, organiser, title="Visite de la chapelle",
                       status=EventStatus.SUBMITTED, submitted_at=submitted)
    make_event(edition, organiser, venue=venue_in("14118", commune="Caen", postcode="14000"),
               title="Visite normande", status=EventStatus.SUBMITTED, submitted_at=submitted)
    old = question("Fouilles à Rennes")
    Question.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=9))
    question("Horaires des archives")
    question("Déjà traitée", status=QuestionStatus.ANSWERED)
    OutgoingEmail.objects.create(from_email="relais@example.org", to="x@example.org",
                                 subject="Votre question Q-1", body="…",
                                 status=EmailStatus.GIVEN_UP)
    expiring = add_page(public_home, "Appel à projets", "appel",
                        expire_at=timezone.now() + dt.timedelta(days=5))
    return {"page": page, "event": event, "expiring": expiring}


def panel(html, panel_id) -> str:
    start = html.index(f'id="{panel_id}')
    return html[start:html.index("</section>", start)]


def test_the_moderators_dashboard_lists_what_waits_for_them(moderator, waiting,
                                                             django_assert_max_num_queries):
    with django_assert_max_num_queries(80):
        html = dashboard_of(moderator)
    assert "Patrimoine" in panel(html, "awaiting-review")
    events = panel(html, "events_to_moderate")
    # Their region's only, linked to the event's screen, waiting for three days.
    assert "Visite de la chapelle (Bretagne)" in events and "Visite normande" not in events
    assert f'/admin/snippets/events/localevent/edit/{waiting["event"].pk}/' in events
    assert "3" in events.split("Visite de la chapelle", 1)[1][:200]
    questions = panel(html, "new_questions")
    assert "Fouilles à Rennes" in questions and "Horaires des archives" in questions
    assert "Déjà traitée" not in questions
    # The oldest first, and a link to the list of the new ones.
    assert questions.index("Fouilles à Rennes") < questions.index("Horaires des archives")
    assert "/admin/snippets/pages/question/?status=new" in questions
    assert "Votre question Q-1" in panel(html, "failed_emails")
    assert "Appel à projets" in panel(html, "expiring_pages")


def test_an_editor_sees_no_events_panel_and_empty_panels_say_so(make_user, sites):
    editor = make_user("editrice@example.org", EDITORS)
    activate_totp(editor)
    html = dashboard_of(editor)
    assert 'id="events_to_moderate' not in html
    questions = panel(html, "new_questions")
    assert "0" in questions and "/admin/snippets/pages/question/?status=new" in questions
