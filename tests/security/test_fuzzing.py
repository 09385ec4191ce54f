"""Property-based tests (hypothesis) of every public form and every query parameter of every
public list (issue 7, "Then prove it").

For any input: never a 500; what a form accepts is stored as it was typed (Django trims the
ends of a text field; a subject becomes one line); what it refuses stores nothing; and no
answer echoes markup unescaped. The number of examples is the "relais" profile's
(tests/conftest.py); each example runs in a savepoint rolled back afterwards, with an empty
cache (the forms' rate limits).
"""

import datetime as dt
from contextlib import contextmanager
from urllib.parse import urlencode

import pytest
from django.db import transaction
from django.test import Client
from django.utils import timezone
from hypothesis import event, example, given
from hypothesis import strategies as st

from events.models import DirectorateEventPage, LocalEvent, Registration, Theme
from pages.contact.models import ContactPage, ContactTopic, Question
from pages.models import PublicationIndexPage, PublicationPage
from pages.publications.models import PaperCopyRequest
from portal.filters import LISTS
from portal.models import User
from tests.helpers.caches import clear_caches
from tests.helpers.lists import LIST_URLS, fill_lists
from tests.helpers.sites import INTRANET_HOST, PUBLIC_HOST

pytestmark = pytest.mark.django_db

MARKUP = "<script>alert(1)</script>"

# Any text a browser can send: every Unicode character but surrogates (not encodable) and
# NUL (refused by every text field, tried by tests/portal/test_public_lists.py).
CHARACTERS = st.characters(exclude_categories=("Cs",), exclude_characters="\x00")


def texts(max_size=40, min_size=0):
    plain = st.text(CHARACTERS, min_size=min_size, max_size=max_size)
    return st.one_of(plain, st.builds(lambda before, after: before + MARKUP + after,
                                      plain, plain))


def single_line(value: str) -> str:
    return " ".join(value.split())


@contextmanager
def rolled_back():
    clear_caches()
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def assert_escaped(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert MARKUP.encode() not in body


def assert_answered(response, *accepted):
    assert response.status_code in accepted, response.status_code
    assert_escaped(response)
    # Shown by --hypothesis-show-statistics: how many examples each answer got.
    event(f"answered {response.status_code}")


# Mostly addresses Django takes (so that the "stored as typed" half is tried), then
# hypothesis's own and any text.
USUAL_EMAILS = st.builds("{}@{}.fr".format, st.from_regex(r"[a-z0-9][a-z0-9._+-]{0,15}",
                                                          fullmatch=True),
                         st.from_regex(r"[a-z][a-z0-9-]{0,10}[a-z]", fullmatch=True))
EMAILS = st.one_of(USUAL_EMAILS, USUAL_EMAILS, st.emails(), texts(30))
VALID = st.just("valid")


# --- Public forms ---------------------------------------------------------------------------

@pytest.fixture
def contact_page(public_home):
    page = ContactPage(title="Nous contacter", slug="nous-contacter", retention_months=12)
    public_home.add_child(instance=page)
    page.save_revision().publish()
    topic = ContactTopic.objects.create(name="Monuments", email="crmh@example.org",
                                        locale=public_home.locale)
    return page, topic


@example(subject=f"Travaux {MARKUP}\n sur une chapelle", message=f" {MARKUP}\nMerci ",
         name="Anne Le Bihan", email="anne@example.org", organisation="", visitor_type="public")
@given(subject=texts(min_size=1), message=texts(200, min_size=1), name=texts(min_size=1),
       email=EMAILS,
       organisation=texts(), visitor_type=st.sampled_from(["public", "partner", "x" + MARKUP]))
def test_contact_question(contact_page, subject, message, name, email, organisation,
                          visitor_type):
    page, topic = contact_page
    data = {"topic": topic.pk, "subject": subject, "message": message, "name": name,
            "email": email, "organisation": organisation, "visitor_type": visitor_type,
            "consent": "on", "website": ""}
    with rolled_back():
        response = Client(HTTP_HOST=PUBLIC_HOST).post(page.url, data)
        assert_answered(response, 200, 302)
        if response.status_code == 200:
            assert not Question.objects.exists()
            return
        question = Question.objects.get()
        assert (question.subject, question.message, question.name, question.organisation,
                question.visitor_type) == (single_line(subject), message.strip(), name.strip(),
                                           organisation.strip(), visitor_type)
        assert question.email == email.strip()


@pytest.fixture
def publication(public_home):
    index = PublicationIndexPage(title="Publications", slug="publications")
    public_home.add_child(instance=index)
    index.save_revision().publish()
    page = PublicationPage(title="Magazine", slug="magazine", publication_type="magazine",
                           publication_format="both", paper_copies_available=30,
                           contact_email="diffusion@example.org")
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


@example(quantity="3", name=MARKUP, organisation="Médiathèque", email="g@example.org",
         postal_address="12 rue de la Tour d’Auvergne\n29800 Landerneau", message=MARKUP)
@given(quantity=st.one_of(st.integers(1, 5).map(str), st.integers(-5, 50).map(str), texts(10)),
       name=texts(min_size=1),
       organisation=texts(), email=EMAILS, postal_address=texts(120, min_size=1),
       message=texts(120))
def test_paper_copy_request(publication, quantity, name, organisation, email, postal_address,
                            message):
    data = {"quantity": quantity, "name": name, "organisation": organisation, "email": email,
            "postal_address": postal_address, "message": message, "website": ""}
    with rolled_back():
        response = Client(HTTP_HOST=PUBLIC_HOST).post(publication.url, data)
        assert_answered(response, 200, 302)
        if response.status_code == 200:
            assert not PaperCopyRequest.objects.exists()
            return
        stored = PaperCopyRequest.objects.get()
        assert (stored.quantity, stored.name, stored.organisation, stored.email,
                stored.postal_address, stored.message) == (
            int(quantity), name.strip(), organisation.strip(), email.strip(),
            postal_address.strip(), message.strip())


@pytest.fixture
def conference(public_home):
    start = timezone.now() + dt.timedelta(days=30)
    page = DirectorateEventPage(title="Conférence", slug="conference", start=start,
                                end=start + dt.timedelta(hours=2), location="Rennes",
                                registration_enabled=True, capacity=50)
    public_home.add_child(instance=page)
    page.save_revision().publish()
    return page


@example(name=MARKUP, email="awa@example.org", organisation=" Mairie ")
@given(name=texts(min_size=1), email=EMAILS, organisation=texts())
def test_registration(conference, name, email, organisation):
    data = {"name": name, "email": email, "organisation": organisation, "website": ""}
    with rolled_back():
        response = Client(HTTP_HOST=PUBLIC_HOST).post(conference.url, data)
        assert_answered(response, 200, 302)
        if response.status_code == 200:
            assert not Registration.objects.exists()
            return
        stored = Registration.objects.get()
        assert (stored.name, stored.email, stored.organisation) == (
            name.strip(), email.strip(), organisation.strip())


@pytest.fixture
def organiser_client(public_home, make_user):
    from events.seeding import ensure_national_event

    edition = ensure_national_event(public_home, 2026)
    client = Client(HTTP_HOST=PUBLIC_HOST)
    client.force_login(make_user("organisatrice@example.org"))
    return client, edition


NUMBERS = st.one_of(st.integers(-(10**30), 10**30).map(str), st.sampled_from(["²", "٣", " 1"]),
                    texts(8))


@example(title=MARKUP, description="Visite", organisation="", contact_phone="",
         edition="valid", themes=["valid"])
@given(title=texts(min_size=1), description=texts(200, min_size=1), organisation=texts(),
       contact_phone=texts(20), edition=st.one_of(VALID, VALID, NUMBERS),
       themes=st.lists(st.one_of(VALID, VALID, VALID, NUMBERS), max_size=2))
def test_event_proposal(organiser_client, title, description, organisation, contact_phone,
                        edition, themes):
    client, national_event = organiser_client
    theme = Theme.objects.order_by("pk").first()
    data = {"edition": national_event.pk if edition == "valid" else edition, "title": title,
            "description": description, "organisation": organisation,
            "contact_phone": contact_phone, "image_alt": "",
            "themes": [theme.pk if value == "valid" else value for value in themes]}
    with rolled_back():
        response = client.post("/evenements/proposer/", data)
        assert_answered(response, 200, 302)
        if response.status_code == 200:
            assert not LocalEvent.objects.exists()
            return
        event = LocalEvent.objects.get()
        assert (event.edition_id, event.title, event.description, event.organisation,
                event.contact_phone) == (national_event.pk, title.strip(), description.strip(),
                                         organisation.strip(), contact_phone.strip())
        assert set(event.themes.values_list("pk", flat=True)) == (
            {theme.pk} if themes else set())


@example(email=f"{MARKUP}@example.org", password="un-mot-de-passe-solide-2026")
@example(email="Anne.Le-Bihan@Example.org", password="un-mot-de-passe-solide-2026")
@given(email=EMAILS, password=st.one_of(texts(30), st.just("un-mot-de-passe-solide-2026")))
def test_sign_up(sites, email, password):
    data = {"email": email, "password1": password, "password2": password}
    with rolled_back():
        response = Client(HTTP_HOST=PUBLIC_HOST).post("/accounts/signup/", data)
        assert_answered(response, 200, 302)
        if response.status_code == 200:
            assert not User.objects.exists()
            return
        user = User.objects.get()
        assert user.email.lower() == email.strip().lower()
        assert user.check_password(password)


# --- Every query parameter of every list ------------------------------------------------------

@pytest.fixture
def list_clients(public_home, intranet_home, make_user, staff_bretagne):
    fill_lists(public_home, make_user("organisatrice@example.org"))
    intranet = Client(HTTP_HOST=INTRANET_HOST)
    intranet.force_login(staff_bretagne)
    return {PUBLIC_HOST: Client(HTTP_HOST=PUBLIC_HOST), INTRANET_HOST: intranet}


VALUES = st.one_of(
    texts(30),
    st.dates().map(dt.date.isoformat),
    st.integers(-(10**30), 10**30).map(str),
    st.sampled_from(["bretagne", "35", "35238", "Rennes", "patrimoine", "motor", "required",
                     "none", "1", "0", "on", "2026", "²", "9999-12-31", "0001-01-01"]),
)


@pytest.mark.parametrize("name,host,url", [
    (name, host, url) for name, urls in LIST_URLS.items() for host, url in urls])
def test_list_parameters(list_clients, name, host, url):
    parameters = sorted(LISTS[name].parameters())
    queries = st.dictionaries(st.sampled_from([*parameters, "utm_source"]),
                              st.lists(VALUES, min_size=1, max_size=2), max_size=4)

    @given(query=queries)
    def check(query):
        clear_caches()
        response = list_clients[host].get(f"{url}?{urlencode(query, doseq=True)}")
        assert_answered(response, 200, 400)

    check()
