"""The two Wagtail sites of one installation, kept in line with PUBLIC_HOST and INTRANET_HOST."""

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site

from pages.models import HomePage, IntranetHomePage


def _port(port: int | None) -> int:
    if port:
        return port
    return 443 if settings.USE_HTTPS else 80


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


def _ensure_site(hostname: str, port: int | None, root_page: Page, name: str, *, default: bool):
    site = Site.objects.filter(root_page=root_page).first() or Site(root_page=root_page)
    site.hostname = hostname
    site.port = _port(port)
    site.site_name = name
    site.is_default_site = default
    if default:
        Site.objects.exclude(pk=site.pk).filter(is_default_site=True).update(is_default_site=False)
    site.save()
    return site


@transaction.atomic
def ensure_sites() -> tuple[Site, Site]:
    """Create the home pages and sites if missing and align the sites with the settings."""
    root = Page.get_first_root_node()
    _remove_wagtail_welcome_page(root)
    locale = _ensure_locales()
    public_home = _ensure_home(root, HomePage, "accueil", "Accueil", locale)
    intranet_home = _ensure_home(root, IntranetHomePage, "intranet", "Intranet du réseau", locale)
    public = _ensure_site(settings.PUBLIC_HOSTNAME, settings.PUBLIC_PORT, public_home,
                          "Site public", default=True)
    intranet = _ensure_site(settings.INTRANET_HOSTNAME, settings.INTRANET_PORT, intranet_home,
                            "Intranet", default=False)
    return public, intranet
