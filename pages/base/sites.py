"""The two home pages of one installation, and their Wagtail sites (``portal.sites``), kept in
line with PUBLIC_HOST and INTRANET_HOST."""

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site

from pages.base.models import HomePage, IntranetHomePage
from portal.sites import align_sites


def _remove_wagtail_welcome_page(root: Page) -> None:
    """Wagtail's migrations leave a plain "Welcome" page and a default site on it."""
    plain_pages = root.get_children().filter(
        content_type__app_label="wagtailcore", content_type__model="page"
    )
    for child in plain_pages:
        if child.slug == "home" and child.numchild == 0:
            Site.objects.filter(root_page=child).delete()
            child.delete()


def _ensure_locales() -> Locale:
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


def _ensure_home(root: Page, page_class, slug: str, title: str, locale: Locale):
    home = page_class.objects.filter(depth=2, locale=locale).first()
    if home is None:
        home = page_class(title=title, slug=slug, locale=locale)
        root.add_child(instance=home)
        home.save_revision().publish()
    return home


@transaction.atomic
def ensure_sites() -> tuple[Site, Site]:
    """Create the home pages and sites if missing and align the sites with the settings."""
    root = Page.get_first_root_node()
    _remove_wagtail_welcome_page(root)
    locale = _ensure_locales()
    public_home = _ensure_home(root, HomePage, "accueil", "Accueil", locale)
    intranet_home = _ensure_home(root, IntranetHomePage, "intranet", "Intranet du réseau", locale)
    return align_sites(public_home, intranet_home)
