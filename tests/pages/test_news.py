"""News on both sites: model rules, filtered listing, feeds and who sees what, sharing and
findability tags, sitemap and robots, and SQL queries that do not grow with the news."""

import datetime
import json
import re
from html.parser import HTMLParser
from io import BytesIO, StringIO

import pytest
from defusedxml import ElementTree
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.db import IntegrityError, transaction
from django.template import Context, Template
from django.utils import timezone
from PIL import Image as PillowImage
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from pages.base.demo import restrict_to
from pages.models import (
    HomePage,
    IntranetHomePage,
    NewsArticlePage,
    NewsCategory,
    NewsIndexPage,
    StandardPage,
)
from pages.news import demo as news_demo
from pages.structured_data import json_ld_script
from portal.models import SiteIdentity, SocialAccounts
from tests.helpers.pages import add_page

Image = get_image_model()

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
TODAY = timezone.localdate()


# --- helpers ----------------------------------------------------------------------------------

def make_image(title, size=(1600, 900)):
    buffer = BytesIO()
    PillowImage.new("RGB", size, (0, 0, 145)).save(buffer, format="JPEG")
    image = Image(title=title, description=f"Texte alternatif de {title}")
    image.file = ImageFile(buffer, name=f"{title}.jpg")
    image.save()
    return image


def make_category(name, slug, language="fr"):
    return NewsCategory.objects.create(
        name=name, slug=slug, locale=Locale.objects.get(language_code=language)
    )


def add_index(parent, title="Actualités", slug="actualites", **fields):
    index_page = NewsIndexPage(title=title, slug=slug, **fields)
    parent.add_child(instance=index_page)
    index_page.save_revision().publish()
    return index_page


def add_article(index_page, title, slug, *, date=None, categories=(), tags=(), publish=True,
                **fields):
    article = NewsArticlePage(title=title, slug=slug, date=date or TODAY, **fields)
    article.categories = list(categories)
    article.tags.add(*tags)
    index_page.add_child(instance=article)
    revision = article.save_revision()
    if publish:
        revision.publish()
    else:
        article.live = False
        article.save()
    return article


def restrict_to_directorate(page, directorate):
    restrict_to(page, [directorate.staff_group])


def public_identity():
    return SiteIdentity.for_site(Site.objects.get(is_default_site=True))


def card_links(html):
    return re.findall(r'<h3 class="fr-card__title"><a href="([^"]+)"', html)


class HeadParser(HTMLParser):
    """The meta, link and JSON-LD elements of a page's head."""

    def __init__(self):
        super().__init__()
        self.meta = {}
        self.links = []
        self.json_ld = []
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            key = attrs.get("property") or attrs.get("name")
            self.meta.setdefault(key, []).append(attrs.get("content"))
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_json_ld = True

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_json_ld = False

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld.append(json.loads(data))

    def first(self, key):
        return self.meta.get(key, [None])[0]

    def link_hrefs(self, rel, **attrs):
        return [link["href"] for link in self.links if link.get("rel") == rel
                and all(link.get(name) == value for name, value in attrs.items())]


def head_of(response):
    assert response.status_code == 200
    parser = HeadParser()
    html = response.content.decode()
    parser.feed(html[:html.index("</head>")])
    return parser


@pytest.fixture
def news(public_home):
    """A public news index with three categories and articles over two years."""
    heritage = make_category("Patrimoine", "patrimoine")
    museums = make_category("Musées", "musees")
    creation = make_category("Création", "creation")
    index_page = add_index(public_home, summary="Les actualités de la DRAC.")
    add_article(index_page, "Journées du patrimoine", "jep", date=TODAY,
                categories=[heritage], tags=["JEP", "Monuments"], summary="800 lieux ouverts.")
    add_article(index_page, "Nuit des musées", "nuit-des-musees",
                date=TODAY - datetime.timedelta(days=30), categories=[museums],
                tags=["Jeune public"])
    add_article(index_page, "Résidences d’artistes", "residences",
                date=TODAY.replace(year=TODAY.year - 1), categories=[creation, heritage],
                tags=["Monuments"])
    return index_page


@pytest.fixture
def intranet_news(intranet_home, directorates):
    bretagne, _normandie = directorates
    index_page = add_index(intranet_home, "Actualités du réseau", "actualites-du-reseau")
    add_article(index_page, "Séminaire du réseau", "seminaire", tags=["Séminaire"])
    secret = add_article(index_page, "Note réservée à la Bretagne", "note-bretagne",
                         date=TODAY - datetime.timedelta(days=1), tags=["Déménagement"])
    restrict_to_directorate(secret, bretagne)
    return index_page


# --- model rules ------------------------------------------------------------------------------

def test_article_date_defaults_to_today():
    assert NewsArticlePage(title="Sans date", slug="sans-date").date == TODAY


def test_news_page_types_go_where_they_belong(public_home, intranet_home):
    assert NewsIndexPage.can_create_at(public_home)
    assert NewsIndexPage.can_create_at(intranet_home)
    section = add_page(public_home, "Rubrique", "rubrique")
    assert NewsIndexPage.can_create_at(section)
    index_page = add_index(public_home)
    assert NewsArticlePage.can_create_at(index_page)
    assert not NewsArticlePage.can_create_at(public_home)
    assert not NewsArticlePage.can_create_at(section)
    assert not StandardPage.can_create_at(index_page)
    article = add_article(index_page, "Une actualité", "une-actualite")
    assert not NewsArticlePage.can_create_at(article)


def test_category_slug_is_unique_within_a_language_only(sites):
    make_category("Patrimoine", "patrimoine")
    make_category("Heritage", "patrimoine", language="en")  # another language: fine
    with pytest.raises(ValidationError):
        NewsCategory(name="Doublon", slug="patrimoine",
                     locale=Locale.objects.get(language_code="fr")).full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        make_category("Doublon", "patrimoine")


def test_categories_are_translated_per_language(sites):
    heritage = make_category("Patrimoine", "patrimoine")
    english = heritage.copy_for_translation(Locale.objects.get(language_code="en"))
    english.name, english.slug = "Heritage", "heritage"
    english.save()
    assert heritage.get_translation(english.locale) == english
    assert english.translation_key == heritage.translation_key


# --- the admin --------------------------------------------------------------------------------

def test_editors_manage_categories_as_snippets(admin_client):
    response = admin_client.get("/admin/snippets/pages/newscategory/")
    assert response.status_code == 200
    response = admin_client.post("/admin/snippets/pages/newscategory/add/?locale=fr",
                                 {"name": "Archives", "slug": "archives"})
    assert response.status_code == 302
    assert NewsCategory.objects.get(slug="archives").locale.language_code == "fr"
    response = admin_client.post("/admin/snippets/pages/newscategory/add/?locale=fr",
                                 {"name": "Archives bis", "slug": "archives"})
    assert response.status_code == 200
    assert "slug" in response.context["form"].errors
    assert NewsCategory.objects.filter(slug="archives").count() == 1


def test_article_form_offers_the_categories_of_its_own_language(admin_client, public_home):
    make_category("Patrimoine", "patrimoine")
    make_category("Heritage", "heritage", language="en")
    index_page = add_index(public_home)
    response = admin_client.get(f"/admin/pages/add/pages/newsarticlepage/{index_page.pk}/")
    assert response.status_code == 200
    choices = response.context["form"].fields["categories"].queryset
    assert [category.slug for category in choices] == ["patrimoine"]


def article_form_data(title, slug, *, related=(), categories=()):
    data = nested_form_data({
        "title": title, "slug": slug, "date": TODAY.isoformat(), "summary": "",
        "tags": "Patrimoine, JEP",
        "body": streamfield([("paragraph", rich_text("<p>Texte</p>"))]),
        "related_links": streamfield(
            [("link", {"page": page.pk, "url": "", "label": ""}) for page in related]
        ),
        "action-publish": "publish",
    })
    data["categories"] = [category.pk for category in categories]
    return data


def test_editor_publishes_an_article_from_the_admin(admin_client, public_home):
    heritage = make_category("Patrimoine", "patrimoine")
    index_page = add_index(public_home)
    response = admin_client.post(
        f"/admin/pages/add/pages/newsarticlepage/{index_page.pk}/",
        article_form_data("Nouvelle actualité", "nouvelle", categories=[heritage]),
    )
    assert response.status_code == 302
    article = NewsArticlePage.objects.get(slug="nouvelle")
    assert article.live and article.date == TODAY
    assert list(article.categories.all()) == [heritage]
    assert sorted(tag.name for tag in article.tags.all()) == ["JEP", "Patrimoine"]


def test_a_public_article_cannot_link_to_an_intranet_page(admin_client, public_home,
                                                          intranet_home):
    secret = add_page(intranet_home, "Note confidentielle", "note")
    index_page = add_index(public_home)
    response = admin_client.post(
        f"/admin/pages/add/pages/newsarticlepage/{index_page.pk}/",
        article_form_data("Fuite", "fuite", related=[secret]),
    )
    assert response.status_code == 200
    assert "« Note confidentielle »" in response.content.decode()
    assert not NewsArticlePage.objects.filter(slug="fuite").exists()


def test_editors_preview_an_article_before_it_exists(admin_client, public_home, news):
    heritage = NewsCategory.objects.get(slug="patrimoine")
    preview_url = f"/admin/pages/add/pages/newsarticlepage/{news.pk}/preview/"
    data = article_form_data("Aperçu d’une actualité", "apercu", categories=[heritage])
    response = admin_client.post(preview_url, data)
    assert response.json()["is_valid"]
    response = admin_client.get(preview_url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Aperçu d’une actualité</h1>" in html
    assert '<a class="fr-tag" href="/actualites/?category=patrimoine"' in html


def test_editors_preview_a_news_index(admin_client, news):
    preview_url = f"/admin/pages/{news.pk}/edit/preview/"
    data = nested_form_data({"title": "Actualités (aperçu)", "slug": "actualites", "summary": ""})
    assert admin_client.post(preview_url, data).json()["is_valid"]
    response = admin_client.get(preview_url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Actualités (aperçu)</h1>" in html
    assert len(card_links(html)) == 3


# --- the listing ------------------------------------------------------------------------------

def test_index_lists_live_articles_newest_first(public_client, news):
    add_article(news, "Brouillon", "brouillon", publish=False)
    response = public_client.get("/actualites/")
    html = response.content.decode()
    assert card_links(html) == ["/actualites/jep/", "/actualites/nuit-des-musees/",
                                "/actualites/residences/"]
    assert f'<time datetime="{TODAY.isoformat()}">' in html
    assert '<p class="fr-badge fr-badge--sm fr-badge--blue-cumulus">Musées</p>' in html
    assert response.context["page_obj"].paginator.count == 3


@pytest.mark.parametrize("query,expected", [
    ("?category=patrimoine", ["/actualites/jep/", "/actualites/residences/"]),
    ("?category=musees", ["/actualites/nuit-des-musees/"]),
    ("?tag=monuments", ["/actualites/jep/", "/actualites/residences/"]),
    (f"?year={TODAY.year - 1}", ["/actualites/residences/"]),
    (f"?category=patrimoine&year={TODAY.year}", ["/actualites/jep/"]),
    ("?category=&tag=&year=", ["/actualites/jep/", "/actualites/nuit-des-musees/",
                               "/actualites/residences/"]),
])
def test_index_filters_by_category_tag_and_year(public_client, news, query, expected):
    response = public_client.get("/actualites/" + query)
    assert response.status_code == 200
    assert card_links(response.content.decode()) == expected


def test_filter_form_offers_only_values_with_news(public_client, news, public_home):
    make_category("Archives", "archives")  # no article: not offered
    form = public_client.get("/actualites/").context["filters"].form
    assert [value for value, _label in form.fields["category"].choices] == [
        "", "creation", "musees", "patrimoine"]
    assert [value for value, _label in form.fields["year"].choices] == [
        "", TODAY.year, TODAY.year - 1]
    assert {value for value, _label in form.fields["tag"].choices} == {
        "", "jep", "monuments", "jeune-public"}


@pytest.mark.parametrize("query,field", [
    ("?category=inconnue", "category"),
    ("?category=archives", "category"),  # exists, but no article in it
    ("?tag=%3Cscript%3E", "tag"),
    ("?year=abc", "year"),
    ("?year=1999", "year"),
    ("?year=99999999999999999999", "year"),
])
def test_invalid_filters_give_a_400_with_a_message_on_the_field(public_client, news, query,
                                                                field):
    make_category("Archives", "archives")
    response = public_client.get("/actualites/" + query)
    assert response.status_code == 400
    assert field in response.context["filters"].form.errors
    html = response.content.decode()
    assert "fr-alert fr-alert--error" in html
    assert "fr-select--error" in html and f'id="id_{field}-messages"' in html
    assert "<script>" not in html
    assert card_links(html) == []


def test_filters_that_match_nothing_say_so(public_client, news):
    response = public_client.get(f"/en/actualites/?category=musees&year={TODAY.year - 1}")
    assert response.status_code == 200
    html = response.content.decode()
    assert card_links(html) == []
    assert "No news matches these filters" in html


def test_an_empty_index_says_there_is_no_news_yet(public_client, public_home):
    add_index(public_home)
    html = public_client.get("/en/actualites/").content.decode()
    assert "No news yet" in html


def test_pagination_keeps_the_filters(public_client, public_home):
    heritage = make_category("Patrimoine", "patrimoine")
    index_page = add_index(public_home)
    for number in range(14):
        add_article(index_page, f"Actualité {number}", f"actualite-{number}",
                    date=TODAY - datetime.timedelta(days=number), categories=[heritage])
    add_article(index_page, "Hors catégorie", "hors-categorie")
    first = public_client.get("/actualites/?category=patrimoine")
    html = first.content.decode()
    assert len(card_links(html)) == 10
    assert 'href="?category=patrimoine&amp;page=2"' in html
    second = public_client.get("/actualites/?category=patrimoine&page=2")
    assert card_links(second.content.decode()) == [
        f"/actualites/actualite-{number}/" for number in range(10, 14)]
    # A page number out of range or garbage still gives a real page.
    for page in ("99", "abc", "-1"):
        response = public_client.get(f"/actualites/?category=patrimoine&page={page}")
        assert response.status_code == 200
        assert card_links(response.content.decode())


def test_public_index_lists_public_articles_only(public_client, news, directorates,
                                                 staff_bretagne):
    private = add_article(news, "Réservé aux agents", "reserve")
    PageViewRestriction.objects.create(page=private,
                                       restriction_type=PageViewRestriction.LOGIN)
    public_client.force_login(staff_bretagne)  # signed in or not, the public list is public
    html = public_client.get("/actualites/").content.decode()
    assert "/actualites/reserve/" not in card_links(html)
    assert len(card_links(html)) == 3


def test_intranet_index_lists_restricted_articles_to_their_directorate_only(
    intranet_client, intranet_news, staff_bretagne, staff_normandie
):
    intranet_client.force_login(staff_bretagne)
    links = card_links(intranet_client.get("/actualites-du-reseau/").content.decode())
    assert links == ["/actualites-du-reseau/seminaire/", "/actualites-du-reseau/note-bretagne/"]
    intranet_client.force_login(staff_normandie)
    response = intranet_client.get("/actualites-du-reseau/")
    assert card_links(response.content.decode()) == ["/actualites-du-reseau/seminaire/"]
    # Not even its tags show through the filters.
    assert [value for value, _label in response.context["filters"].form.fields["tag"].choices
            ] == ["", "séminaire"]
    assert "Déménagement" not in response.content.decode()
    assert intranet_client.get("/actualites-du-reseau/?tag=déménagement").status_code == 400
    assert intranet_client.get("/actualites-du-reseau/note-bretagne/").status_code == 403


# --- the article ------------------------------------------------------------------------------

def test_article_shows_date_categories_and_tags_linking_to_the_filtered_list(public_client,
                                                                              news):
    response = public_client.get("/actualites/jep/")
    html = response.content.decode()
    assert "<h1" in html and "Journées du patrimoine</h1>" in html
    assert f'<time datetime="{TODAY.isoformat()}">' in html
    assert '<a class="fr-tag" href="/actualites/?category=patrimoine"' in html
    assert '<a class="fr-tag fr-tag--sm" href="/actualites/?tag=monuments"' in html
    # The links lead to a list that works.
    assert card_links(public_client.get("/actualites/?tag=monuments").content.decode())


def test_article_links_to_the_previous_and_next_news(public_client, news):
    html = public_client.get("/actualites/nuit-des-musees/").content.decode()
    assert 'href="/actualites/jep/" rel="next"' in html
    assert 'href="/actualites/residences/" rel="prev"' in html
    html = public_client.get("/actualites/jep/").content.decode()
    assert 'rel="next"' not in html


def test_related_links_show_only_pages_the_reader_may_open(
    intranet_client, intranet_home, intranet_news, directorates, staff_normandie,
    staff_bretagne
):
    bretagne_space = add_page(intranet_home, "Espace Bretagne", "espace-bretagne")
    restrict_to_directorate(bretagne_space, directorates[0])
    network = add_page(intranet_home, "Vie du réseau", "vie-du-reseau")
    article = NewsArticlePage.objects.get(slug="seminaire")
    article.related_links = [
        ("link", {"page": network, "url": "", "label": ""}),
        ("link", {"page": bretagne_space, "url": "", "label": ""}),
        ("link", {"page": None, "url": "https://www.culture.gouv.fr", "label": "Ministère"}),
    ]
    article.save_revision().publish()
    intranet_client.force_login(staff_normandie)
    html = intranet_client.get("/actualites-du-reseau/seminaire/").content.decode()
    assert '<a class="fr-link" href="/vie-du-reseau/">Vie du réseau</a>' in html
    assert 'href="https://www.culture.gouv.fr" rel="noopener">Ministère</a>' in html
    assert "Espace Bretagne" not in html
    intranet_client.force_login(staff_bretagne)
    html = intranet_client.get("/actualites-du-reseau/seminaire/").content.decode()
    assert '<a class="fr-link" href="/espace-bretagne/">Espace Bretagne</a>' in html


# --- feeds ------------------------------------------------------------------------------------

def feed_links(response, kind):
    assert response.status_code == 200
    tree = ElementTree.fromstring(response.content)
    if kind == "rss":
        assert response["Content-Type"].startswith("application/rss+xml")
        return [item.findtext("link") for item in tree.iter("item")]
    assert response["Content-Type"].startswith("application/atom+xml")
    return [entry.find(f"{ATOM}link").get("href") for entry in tree.iter(f"{ATOM}entry")]


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_public_feed_lists_live_public_articles_of_its_own_index(public_client, public_home,
                                                                  news, kind):
    add_article(news, "Brouillon", "brouillon", publish=False)
    private = add_article(news, "Réservé", "reserve")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    other = add_index(public_home, "Presse", "presse")
    add_article(other, "Communiqué", "communique")
    links = feed_links(public_client.get(f"/actualites/{kind}/"), kind)
    assert links == ["http://localhost:8000/actualites/jep/",
                     "http://localhost:8000/actualites/nuit-des-musees/",
                     "http://localhost:8000/actualites/residences/"]


def test_rss_feed_items_carry_title_summary_date_and_categories(public_client, news):
    tree = ElementTree.fromstring(public_client.get("/actualites/rss/").content)
    channel = tree.find("channel")
    assert channel.findtext("link") == "http://localhost:8000/actualites/"
    assert channel.findtext("language") == "fr"
    item = channel.find("item")
    assert item.findtext("title") == "Journées du patrimoine"
    assert item.findtext("description") == "800 lieux ouverts."
    assert item.findtext("pubDate").startswith(TODAY.strftime("%a, %d %b %Y"))
    assert [category.text for category in item.iter("category")] == ["Patrimoine"]


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feed_items_carry_their_summary_and_image(public_client, news, kind):
    article = NewsArticlePage.objects.get(slug="jep")
    article.listing_image = make_image("Vitrail")
    article.save_revision().publish()
    tree = ElementTree.fromstring(public_client.get(f"/actualites/{kind}/").content)
    if kind == "rss":
        item = tree.find("channel").find("item")
        summary = item.findtext("description")
        enclosure = item.find("enclosure")
        url, mime = enclosure.get("url"), enclosure.get("type")
        assert int(enclosure.get("length")) > 0
    else:
        item = tree.find(f"{ATOM}entry")
        summary = item.findtext(f"{ATOM}summary")
        (enclosure,) = [link for link in item.findall(f"{ATOM}link")
                        if link.get("rel") == "enclosure"]
        url, mime = enclosure.get("href"), enclosure.get("type")
    assert summary == "800 lieux ouverts."
    assert url.startswith("http://localhost:8000/media/") and mime == "image/jpeg"


def test_atom_feed_points_to_itself(public_client, news):
    tree = ElementTree.fromstring(public_client.get("/actualites/atom/").content)
    self_link = [link.get("href") for link in tree.findall(f"{ATOM}link")
                 if link.get("rel") == "self"]
    assert self_link == ["http://localhost:8000/actualites/atom/"]


def test_index_links_its_feeds_in_the_head_and_the_page(public_client, news):
    response = public_client.get("/actualites/")
    head = head_of(response)
    assert head.link_hrefs("alternate", type="application/rss+xml") == [
        "http://localhost:8000/actualites/rss/"]
    assert head.link_hrefs("alternate", type="application/atom+xml") == [
        "http://localhost:8000/actualites/atom/"]
    assert 'class="fr-link fr-icon-rss-line fr-link--icon-left" ' \
           'href="http://localhost:8000/actualites/rss/"' in response.content.decode()


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_intranet_feed_lists_what_each_member_of_staff_may_see(
    intranet_client, intranet_news, staff_bretagne, staff_normandie, kind
):
    intranet_client.force_login(staff_bretagne)
    assert feed_links(intranet_client.get(f"/actualites-du-reseau/{kind}/"), kind) == [
        "http://intranet.localhost:8000/actualites-du-reseau/seminaire/",
        "http://intranet.localhost:8000/actualites-du-reseau/note-bretagne/",
    ]
    intranet_client.force_login(staff_normandie)
    response = intranet_client.get(f"/actualites-du-reseau/{kind}/")
    assert feed_links(response, kind) == [
        "http://intranet.localhost:8000/actualites-du-reseau/seminaire/"]
    assert "Note réservée" not in response.content.decode()


def test_intranet_feed_needs_a_staff_account_and_is_not_on_the_public_host(
    intranet_client, public_client, intranet_news, partner
):
    response = intranet_client.get("/actualites-du-reseau/rss/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    intranet_client.force_login(partner)
    assert intranet_client.get("/actualites-du-reseau/rss/").status_code == 403
    for path in ("/actualites-du-reseau/rss/", "/intranet/actualites-du-reseau/rss/"):
        assert public_client.get(path).status_code == 404


def test_english_index_has_english_feeds(public_client, news):
    english = Locale.objects.get(language_code="en")
    home_en = news.get_parent().specific.copy_for_translation(english)
    home_en.save_revision().publish()
    index_en = news.copy_for_translation(english)
    index_en.title, index_en.slug = "News", "news"
    index_en.save_revision().publish()
    tree = ElementTree.fromstring(public_client.get("/en/news/rss/").content)
    assert tree.find("channel").findtext("language") == "en"
    assert tree.find("channel").findtext("link") == "http://localhost:8000/en/news/"


# --- sharing and findability tags -------------------------------------------------------------

def test_article_has_open_graph_and_twitter_tags_with_a_1200x630_image(public_client, news):
    article = NewsArticlePage.objects.get(slug="jep")
    article.listing_image = make_image("Affiche JEP")
    article.save_revision().publish()
    head = head_of(public_client.get("/actualites/jep/"))
    assert head.first("og:type") == "article"
    assert head.first("og:title") == "Journées du patrimoine"
    assert head.first("og:description") == "800 lieux ouverts."
    assert head.first("og:url") == "http://localhost:8000/actualites/jep/"
    assert head.first("og:locale") == "fr_FR"
    assert head.first("og:site_name") == public_identity().directorate_name
    image_url = head.first("og:image")
    assert image_url.startswith("http://localhost:8000/media/")
    assert ".fill-1200x630" in image_url
    assert (head.first("og:image:width"), head.first("og:image:height")) == ("1200", "630")
    assert head.first("og:image:alt") == "Texte alternatif de Affiche JEP"
    assert head.first("twitter:card") == "summary_large_image"
    assert head.first("twitter:image") == image_url
    assert head.first("twitter:title") == "Journées du patrimoine"
    assert head.first("article:published_time").startswith(TODAY.isoformat())
    assert head.meta["article:tag"] == ["JEP", "Monuments"]
    rendition = article.listing_image.renditions.get(filter_spec="fill-1200x630")
    assert (rendition.width, rendition.height) == (1200, 630)


def test_social_fields_override_what_is_shared(public_client, news):
    article = NewsArticlePage.objects.get(slug="jep")
    article.social_title = "Le patrimoine vous ouvre ses portes"
    article.social_image = make_image("Visuel réseaux")
    article.listing_image = make_image("Vignette")
    article.save_revision().publish()
    head = head_of(public_client.get("/actualites/jep/"))
    assert head.first("og:title") == "Le patrimoine vous ouvre ses portes"
    assert head.first("og:image:alt") == "Texte alternatif de Visuel réseaux"


def test_every_page_has_a_canonical_url_and_sharing_tags(
    public_client, intranet_client, public_home, intranet_home, news, staff_bretagne
):
    add_page(public_home, "Patrimoine", "patrimoine")
    add_page(intranet_home, "Vie du réseau", "vie-du-reseau")
    intranet_client.force_login(staff_bretagne)
    for client, path, base in [
        (public_client, "/", "http://localhost:8000"),
        (public_client, "/patrimoine/", "http://localhost:8000"),
        (public_client, "/actualites/", "http://localhost:8000"),
        (public_client, "/actualites/jep/", "http://localhost:8000"),
        (intranet_client, "/", "http://intranet.localhost:8000"),
        (intranet_client, "/vie-du-reseau/", "http://intranet.localhost:8000"),
    ]:
        head = head_of(client.get(path))
        assert head.link_hrefs("canonical") == [base + path], path
        assert head.first("og:url") == base + path
        assert head.first("og:title") and head.first("twitter:card"), path


def test_filtered_lists_are_canonically_the_whole_list(public_client, public_home):
    index_page = add_index(public_home)
    for number in range(12):
        add_article(index_page, f"Actualité {number}", f"actualite-{number}")
    head = head_of(public_client.get("/actualites/?year=" + str(TODAY.year)))
    assert head.link_hrefs("canonical") == ["http://localhost:8000/actualites/"]
    head = head_of(public_client.get("/actualites/?page=2"))
    assert head.link_hrefs("canonical") == ["http://localhost:8000/actualites/?page=2"]


def test_translations_are_announced_with_hreflang(public_client, public_home, news):
    english = Locale.objects.get(language_code="en")
    public_home.copy_for_translation(english).save_revision().publish()
    index_en = news.copy_for_translation(english)
    index_en.slug = "news"
    index_en.save_revision().publish()
    head = head_of(public_client.get("/actualites/"))
    alternates = {link["hreflang"]: link["href"] for link in head.links
                  if link.get("rel") == "alternate" and "hreflang" in link}
    assert alternates == {"fr": "http://localhost:8000/actualites/",
                          "en": "http://localhost:8000/en/news/",
                          "x-default": "http://localhost:8000/actualites/"}
    assert head.meta["og:locale:alternate"] == ["en_GB"]
    english_head = head_of(public_client.get("/en/news/"))
    assert english_head.first("og:locale") == "en_GB"
    assert english_head.link_hrefs("canonical") == ["http://localhost:8000/en/news/"]
    # A page without translation announces none.
    lone = head_of(public_client.get("/actualites/jep/"))
    assert not [link for link in lone.links if "hreflang" in link]


def test_a_french_page_shown_under_the_english_prefix_says_it_is_french(public_client, news):
    head = head_of(public_client.get("/en/actualites/jep/"))
    assert head.first("og:locale") == "fr_FR"
    assert head.link_hrefs("canonical") == ["http://localhost:8000/actualites/jep/"]


def test_home_page_describes_the_directorate_in_json_ld(public_client, sites):
    identity = SiteIdentity.for_site(sites[0])
    identity.directorate_name = "Direction régionale des affaires culturelles de Bretagne"
    identity.postal_address = "Hôtel de Blossac\n6 rue du Chapitre\n35044 Rennes"
    identity.phone = "02 99 29 67 67"
    identity.save()
    social = SocialAccounts.for_site(sites[0])
    social.mastodon = "https://social.example.org/@drac"
    social.linkedin = "https://www.linkedin.com/company/drac"
    social.save()
    [organization] = head_of(public_client.get("/")).json_ld
    assert organization["@context"] == "https://schema.org"
    assert organization["@type"] == "GovernmentOrganization"
    assert organization["name"] == identity.directorate_name
    assert organization["url"] == "http://localhost:8000/"
    assert organization["telephone"] == "02 99 29 67 67"
    assert organization["address"]["streetAddress"] == (
        "Hôtel de Blossac, 6 rue du Chapitre, 35044 Rennes")
    assert organization["sameAs"] == ["https://social.example.org/@drac",
                                      "https://www.linkedin.com/company/drac"]


def test_article_is_described_as_a_news_article_in_json_ld(public_client, news):
    article = NewsArticlePage.objects.get(slug="jep")
    article.listing_image = make_image("Affiche JEP")
    article.save_revision().publish()
    [data] = head_of(public_client.get("/actualites/jep/")).json_ld
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Journées du patrimoine"
    assert data["url"] == data["mainEntityOfPage"] == "http://localhost:8000/actualites/jep/"
    assert data["datePublished"].startswith(TODAY.isoformat())
    assert data["inLanguage"] == "fr"
    assert data["publisher"]["name"] == public_identity().directorate_name
    assert data["articleSection"] == ["Patrimoine"]
    assert data["keywords"] == "JEP, Monuments"
    assert data["image"][0].startswith("http://localhost:8000/media/")
    assert "fill-1200x630" in data["image"][0]


def test_pages_without_structured_data_have_no_json_ld(public_client, public_home):
    add_page(public_home, "Patrimoine", "patrimoine")
    assert head_of(public_client.get("/patrimoine/")).json_ld == []


def test_json_ld_cannot_break_out_of_its_script_element():
    html = str(json_ld_script({"name": "</script><script>alert(1)</script> & <!--"}))
    assert html.startswith('<script type="application/ld+json">')
    assert html.count("</script>") == 1 and "<!--" not in html
    body = html.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert json.loads(body) == {"name": "</script><script>alert(1)</script> & <!--"}
    assert json_ld_script(None) == ""


def test_json_ld_template_tag_renders_any_data_for_other_page_families():
    html = Template("{% load seo_tags %}{% json_ld data %}").render(Context({"data": {
        "@context": "https://schema.org", "@type": "Book", "name": "Guide <des> jardins",
        "datePublished": datetime.date(2025, 6, 1)}}))
    assert html == ('<script type="application/ld+json">{"@context": "https://schema.org", '
                    '"@type": "Book", "name": "Guide \\u003Cdes\\u003E jardins", '
                    '"datePublished": "2025-06-01"}</script>')


def test_share_links_load_no_third_party_script(public_client, news):
    html = public_client.get("/actualites/jep/").content.decode()
    share = html[html.index('<div class="fr-share'):].split("</div>")[0]
    for css_class, host in [("fr-btn--facebook", "https://www.facebook.com/sharer.php?u="),
                            ("fr-btn--twitter-x", "https://x.com/intent/tweet?url="),
                            ("fr-btn--linkedin", "https://www.linkedin.com/sharing/"),
                            ("fr-btn--bluesky", "https://bsky.app/intent/compose?text=")]:
        assert re.search(rf'class="{css_class} fr-btn" href="{re.escape(host)}[^"]*'
                         r'http%3A%2F%2Flocalhost%3A8000%2Factualites%2Fjep%2F', share)
    assert 'class="fr-btn--mail fr-btn" href="mailto:?subject=' in share
    assert 'data-relais-copy="http://localhost:8000/actualites/jep/"' in share
    scripts = re.findall(r"<script\b[^>]*>", html)
    external = [tag for tag in scripts if 'src="http' in tag or 'src="//' in tag]
    assert external == []
    assert '<script src="/static/pages/share.js" defer>' in scripts
    assert "onclick" not in share


def test_intranet_articles_are_shared_by_e_mail_only(intranet_client, intranet_news,
                                                     staff_bretagne):
    intranet_client.force_login(staff_bretagne)
    html = intranet_client.get("/actualites-du-reseau/seminaire/").content.decode()
    share = html[html.index('<div class="fr-share'):].split("</div>")[0]
    assert "fr-btn--mail" in share and "fr-btn--copy" in share
    assert "facebook" not in share and "linkedin" not in share


def test_error_pages_still_render(public_client, sites):
    response = public_client.get("/nulle-part/")
    assert response.status_code == 404
    assert '<link rel="canonical"' not in response.content.decode()


# --- sitemap and robots -----------------------------------------------------------------------

def sitemap_locations(response):
    assert response.status_code == 200
    tree = ElementTree.fromstring(response.content)
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    return [url.findtext(f"{namespace}loc") for url in tree.iter(f"{namespace}url")]


def test_sitemap_lists_live_public_pages_only(public_client, public_home, intranet_home, news,
                                              staff_bretagne):
    add_page(public_home, "Patrimoine", "patrimoine")
    draft = StandardPage(title="Brouillon", slug="brouillon", live=False)
    public_home.add_child(instance=draft)
    private = add_page(public_home, "Espace partenaires", "partenaires")
    add_page(private, "Dossier partenaires", "dossier")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    add_page(intranet_home, "Vie du réseau", "vie-du-reseau")
    intranet_index = add_index(intranet_home, "Actualités du réseau", "actualites-du-reseau")
    add_article(intranet_index, "Séminaire", "seminaire")
    english = Locale.objects.get(language_code="en")
    public_home.copy_for_translation(english).save_revision().publish()
    intranet_home.copy_for_translation(english).save_revision().publish()

    public_client.force_login(staff_bretagne)  # what a signed-in visitor may see is not listed
    locations = sitemap_locations(public_client.get("/sitemap.xml"))
    assert locations == [
        "http://localhost:8000/",
        "http://localhost:8000/actualites/",
        "http://localhost:8000/actualites/jep/",
        "http://localhost:8000/actualites/nuit-des-musees/",
        "http://localhost:8000/actualites/residences/",
        "http://localhost:8000/patrimoine/",
        "http://localhost:8000/en/",
    ]


def test_sitemap_is_not_served_on_the_intranet(intranet_client, intranet_home, staff_bretagne):
    response = intranet_client.get("/sitemap.xml")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    intranet_client.force_login(staff_bretagne)
    assert intranet_client.get("/sitemap.xml").status_code == 404


def test_robots_txt_lets_crawlers_in_the_public_site_with_its_sitemap(public_client, sites):
    response = public_client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines and "Allow: /" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /" not in lines
    assert "Sitemap: http://localhost:8000/sitemap.xml" in lines


def test_robots_txt_keeps_crawlers_out_of_the_intranet(intranet_client, sites):
    # Crawlers are anonymous: they must get the answer, not the login page.
    response = intranet_client.get("/robots.txt")
    assert response.status_code == 200
    lines = response.content.decode().splitlines()
    assert lines == ["User-agent: *", "Disallow: /"]


# --- SQL queries ------------------------------------------------------------------------------

def fill_index(index_page, count, categories):
    for number in range(count):
        add_article(
            index_page, f"Actualité {number}", f"actualite-{number}",
            date=TODAY - datetime.timedelta(days=number * 20),
            categories=[categories[number % len(categories)]],
            tags=[f"Mot {number % 7}", "Commun"],
            listing_image=make_image(f"Image {number}", size=(640, 360)),
            summary=f"Résumé {number}",
        )


@pytest.fixture
def categories(sites):
    return [make_category(f"Catégorie {number}", f"categorie-{number}") for number in range(4)]


@pytest.mark.parametrize("count", [5, 50])
def test_news_index_queries_do_not_grow_with_the_news(
    public_client, public_home, categories, count, django_assert_max_num_queries
):
    index_page = add_index(public_home)
    fill_index(index_page, count, categories)
    public_client.get("/actualites/")  # warm the site-root cache and create the renditions
    with django_assert_max_num_queries(30):
        response = public_client.get("/actualites/?tag=commun")
    assert len(card_links(response.content.decode())) == min(count, 10)


@pytest.mark.parametrize("count", [5, 50])
def test_intranet_news_index_queries_do_not_grow_with_the_news(
    intranet_client, intranet_home, categories, staff_bretagne, directorates, count,
    django_assert_max_num_queries
):
    index_page = add_index(intranet_home, "Actualités du réseau", "actualites-du-reseau")
    fill_index(index_page, count, categories)
    for article in NewsArticlePage.objects.child_of(index_page)[:count // 5]:
        restrict_to_directorate(article, directorates[number_of(article) % 2])
    intranet_client.force_login(staff_bretagne)
    intranet_client.get("/actualites-du-reseau/")
    with django_assert_max_num_queries(34):
        response = intranet_client.get("/actualites-du-reseau/")
    assert card_links(response.content.decode())


def number_of(article):
    return int(article.slug.rsplit("-", 1)[1])


@pytest.mark.parametrize("count", [5, 50])
def test_news_article_queries_do_not_grow_with_the_news_or_its_links(
    public_client, public_home, categories, count, django_assert_max_num_queries
):
    index_page = add_index(public_home)
    fill_index(index_page, count, categories)
    article = NewsArticlePage.objects.get(slug=f"actualite-{count // 2}")
    article.related_links = [
        ("link", {"page": other, "url": "", "label": ""})
        for other in NewsArticlePage.objects.exclude(pk=article.pk)
    ] + [("link", {"page": None, "url": "https://www.culture.gouv.fr", "label": "Ministère"})]
    article.body = [("paragraph", RichText(f"<p>Paragraphe {number}</p>"))
                    for number in range(count)]
    article.save_revision().publish()
    url = f"/actualites/actualite-{count // 2}/"
    public_client.get(url)
    with django_assert_max_num_queries(32):
        response = public_client.get(url)
    assert response.content.decode().count('<li><a class="fr-link" href="/actualites/') == count - 1


@pytest.mark.parametrize("count", [5, 50])
def test_feed_queries_do_not_grow_with_the_news(
    public_client, public_home, categories, count, django_assert_max_num_queries
):
    index_page = add_index(public_home)
    fill_index(index_page, count, categories)
    public_client.get("/actualites/rss/")
    with django_assert_max_num_queries(13):  # the listing images, for the enclosures
        response = public_client.get("/actualites/rss/")
    assert len(feed_links(response, "rss")) == min(count, 20)


# --- demo -------------------------------------------------------------------------------------

def test_news_demo_fills_both_sites_and_running_it_twice_duplicates_nothing(
    public_home, intranet_home, directorates
):
    news_demo.load(public_home, intranet_home, StringIO())
    counts = (Page.objects.count(), NewsCategory.objects.count(), Image.objects.count(),
              PageViewRestriction.objects.count())
    news_demo.load(public_home, intranet_home, StringIO())
    assert (Page.objects.count(), NewsCategory.objects.count(), Image.objects.count(),
            PageViewRestriction.objects.count()) == counts

    public_index = NewsIndexPage.objects.get(slug="actualites", locale__language_code="fr")
    assert public_index.show_in_menus
    articles = NewsArticlePage.objects.child_of(public_index).live()
    assert articles.count() >= 12
    assert len({article.date.year for article in articles}) >= 2
    assert all(article.listing_image_id and article.categories.exists() for article in articles)
    english = NewsArticlePage.objects.filter(locale__language_code="en")
    assert english.count() >= 2
    assert all(category.locale.language_code == "en"
               for article in english for category in article.categories.all())
    english_tags = {name for article in english for name in article.tags.names()}
    assert english_tags == {"European Heritage Days", "Historic monuments",
                            "Night of Museums", "Young audiences"}

    intranet_index = NewsIndexPage.objects.get(slug="actualites-du-reseau")
    assert intranet_index.get_parent().specific_class is IntranetHomePage
    restricted = [article for article in NewsArticlePage.objects.child_of(intranet_index)
                  if article.get_view_restrictions().exists()]
    assert len(restricted) == 1
    assert list(restricted[0].get_view_restrictions()[0].groups.all()) == [
        directorates[0].staff_group]
    assert HomePage.objects.filter(pk=public_index.get_parent().pk).exists()


def test_english_news_filter_lists_the_tags_of_english_articles_only(public_client, news):
    english = Locale.objects.get(language_code="en")
    news.get_parent().specific.copy_for_translation(english).save_revision().publish()
    index_en = news.copy_for_translation(english)
    index_en.title, index_en.slug = "News", "news"
    index_en.save_revision().publish()
    article = NewsArticlePage.objects.get(slug="jep")
    article_en = article.copy_for_translation(english)
    article_en.title, article_en.slug = "Heritage Days", "heritage-days"
    article_en.tags.set(["European Heritage Days"])
    article_en.save_revision().publish()
    html = public_client.get("/en/news/").content.decode()
    tag_select = html.split('name="tag"', 1)[1].split("</select>", 1)[0]
    assert re.findall(r'<option value="[^"]+">([^<]+)</option>', tag_select) == [
        "European Heritage Days"]
    french = public_client.get("/actualites/").content.decode()
    assert "European Heritage Days" not in french.split('name="tag"', 1)[1].split("</select>")[0]
