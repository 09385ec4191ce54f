"""The two home pages: the public one composed by editors, the intranet one built around
each agent's directorate, both with the network's or directorate's identity."""

import re

import pytest
from wagtail.models import PageViewRestriction

from pages.models import HomeFeaturedPublication
from portal.models import FooterLinks, SiteIdentity
from tests.helpers.pages import add_news, add_page, add_publications

pytestmark = pytest.mark.django_db


def card_titles(html, section_id):
    section = html.split(f'id="{section_id}"', 1)[1].split("</section>", 1)[0]
    return re.findall(r'class="fr-(?:card|tile)__title"><a href="[^"]*"[^>]*>([^<]+)</a>', section)


def test_public_home_shows_the_hero_news_publications_and_quick_links(public_client,
                                                                      public_home):
    _news_index, articles = add_news(public_home, 6)
    _index, publications = add_publications(public_home, 5)
    procedures = add_page(public_home, "Démarches et aides", "demarches")
    public_home.hero_title = "La culture partout en région"
    public_home.hero_text = "Patrimoines, création, transmission."
    public_home.hero_link, public_home.hero_link_label = procedures, "Nos démarches"
    public_home.featured_article = articles[1]
    public_home.quick_links = [
        ("link", {"page": procedures, "url": "", "label": ""}),
        ("link", {"page": None, "url": "https://www.culture.gouv.fr", "label": "Ministère"}),
    ]
    public_home.save_revision().publish()
    HomeFeaturedPublication.objects.create(page=public_home, publication=publications[0],
                                           sort_order=0)

    html = public_client.get("/").content.decode()
    assert re.search(r"<h1[^>]*>La culture partout en région</h1>", html)
    assert 'href="/demarches/">Nos démarches</a>' in html
    # The chosen article first, then the most recent ones.
    assert card_titles(html, "a-la-une") == ["Article 1", "Article 5", "Article 4"]
    assert 'href="/actualites/"' in html
    assert card_titles(html, "publications") == ["Publication 0"]
    assert card_titles(html, "acces-rapides") == ["Démarches et aides", "Ministère"]


def test_public_home_falls_back_to_the_latest_publications(public_client, public_home):
    add_publications(public_home, 5)
    html = public_client.get("/").content.decode()
    assert card_titles(html, "publications") == ["Publication 4", "Publication 3",
                                                  "Publication 2"]


def test_featured_publications_keep_their_order_even_without_one(public_client, public_home):
    _index, publications = add_publications(public_home, 5)
    HomeFeaturedPublication.objects.create(page=public_home, publication=publications[3])
    HomeFeaturedPublication.objects.create(page=public_home, publication=publications[1],
                                           sort_order=0)
    html = public_client.get("/").content.decode()
    assert card_titles(html, "publications") == ["Publication 1", "Publication 3"]


def test_legal_pages_are_in_the_footer_only(public_client, public_home, sites):
    legal = add_page(public_home, "Mentions légales", "mentions-legales")
    footer = FooterLinks.for_site(sites[0])
    footer.legal_notice_page = legal
    footer.save()
    html = public_client.get("/").content.decode()
    main, footer_html = html.split('<main', 1)[1].split("</main>", 1)
    assert "Mentions légales" not in main
    assert "Mentions légales" in footer_html


def test_home_news_leave_out_drafts_and_intranet_news(public_client, public_home,
                                                      intranet_home):
    add_news(public_home, 1)
    add_news(intranet_home, 2, slug="reseau", start=50)
    _index, drafts = add_news(public_home, 1, start=90)
    drafts[0].unpublish()
    html = public_client.get("/").content.decode()
    assert card_titles(html, "a-la-une") == ["Article 0"]


def test_follow_us_block_is_inside_the_footer(public_client, sites):
    from portal.models import SocialAccounts

    social = SocialAccounts.for_site(sites[0])
    social.mastodon = "https://social.example.org/@drac"
    social.save()
    html = public_client.get("/").content.decode()
    footer = html.split('<footer', 1)[1].split("</footer>", 1)[0]
    assert "fr-follow" in footer and "social.example.org" in footer


# --- intranet ---------------------------------------------------------------------------------

@pytest.fixture
def spaces(intranet_home, directorates):
    add_page(intranet_home, "Vie du réseau", "vie-du-reseau")
    spaces = []
    for directorate in directorates:
        space = add_page(intranet_home, f"Espace {directorate.short_name}",
                         f"espace-{directorate.slug}")
        restriction = PageViewRestriction.objects.create(
            page=space, restriction_type=PageViewRestriction.GROUPS)
        restriction.groups.set([directorate.staff_group])
        spaces.append(space)
    return spaces


@pytest.fixture
def intranet_news(intranet_home, directorates):
    add_news(intranet_home, 3, slug="reseau")
    for number, directorate in enumerate(directorates):
        _index, (article,) = add_news(intranet_home, 1, slug="reseau", start=10 + number,
                                      )
        article.title = f"Note {directorate.short_name}"
        article.save_revision().publish()
        restriction = PageViewRestriction.objects.create(
            page=article, restriction_type=PageViewRestriction.GROUPS)
        restriction.groups.set([directorate.staff_group])


@pytest.mark.parametrize(("agent", "own", "other"), [
    ("staff_bretagne", "DRAC Bretagne", "DRAC Normandie"),
    ("staff_normandie", "DRAC Normandie", "DRAC Bretagne"),
])
def test_each_agent_sees_their_directorate_first_and_the_network_identity(
    request, intranet_client, sites, spaces, intranet_news, agent, own, other
):
    identity = SiteIdentity.for_site(sites[1])
    identity.directorate_name = "Réseau des DRAC"
    identity.save()
    intranet_client.force_login(request.getfixturevalue(agent))
    html = intranet_client.get("/").content.decode()
    header = html.split('role="banner"', 1)[1].split("</header>", 1)[0]
    assert "Réseau des DRAC" in header and "DRAC Bretagne" not in header
    assert card_titles(html, "mon-espace") == [f"Espace {own}"]
    assert html.index(f"Espace {own}") < html.index("Vie du réseau")
    assert f"Espace {other}" not in html
    assert card_titles(html, "actualites-reseau") == ["Article 2", "Article 1", "Article 0"]
    assert card_titles(html, "actualites-direction") == [f"Note {own}"]
    # The news index is the link under the news, not a space.
    assert '<a href="/reseau/">Actualités</a>' not in html and 'href="/reseau/"' in html
    assert f"News of {own}" in html or f"Actualités de la {own}" in html \
        or f"{own}" in html.split('id="directorate-news"', 1)[1].split("</h2>", 1)[0]


def test_intranet_home_lists_quick_links(intranet_client, intranet_home, staff_bretagne):
    tools = add_page(intranet_home, "Outils", "outils")
    intranet_home.quick_links = [("link", {"page": tools, "url": "", "label": "Nos outils"})]
    intranet_home.save_revision().publish()
    intranet_client.force_login(staff_bretagne)
    html = intranet_client.get("/").content.decode()
    assert card_titles(html, "acces-rapides") == ["Nos outils"]


def test_callout_title_follows_the_page_heading_levels(public_client, public_home):
    from wagtail.rich_text import RichText

    public_home.body = [("callout", {"title": "À noter", "text": RichText("<p>Texte</p>"),
                                     "link": None, "link_label": ""})]
    public_home.save_revision().publish()
    html = public_client.get("/").content.decode()
    assert re.search(r'<h2 class="fr-callout__title">À noter</h2>', html)
