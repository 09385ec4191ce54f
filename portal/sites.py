"""Which site a request or a page is on, where each site starts, and absolute addresses.

One installation serves two Wagtail sites, each a ``Site`` row kept in line with the settings
(``align_sites``): the public website on ``PUBLIC_HOST`` (the default site) and the network
intranet on ``INTRANET_HOST``. A site's pages are its home page, the home page's translations
and everything under them.

Deciding costs no query once Wagtail has cached its site root paths (it clears that cache
itself whenever a site or a site's home page changes), so lists and feeds may ask for every
page they show.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Site

from portal import layout

# --- Which site ---------------------------------------------------------------------------------


def is_intranet_hostname(hostname: str) -> bool:
    return (hostname or "").lower() == settings.INTRANET_HOSTNAME


def is_intranet_request(request) -> bool:
    """True when the request came to the intranet's host name."""
    return is_intranet_hostname(request.get_host().partition(":")[0])


def intranet_root_paths() -> tuple[str, ...]:
    """The ``url_path`` of the intranet home page in every language."""
    return tuple(
        root.root_path for root in Site.get_site_root_paths()
        if is_intranet_hostname(urlsplit(root.root_url).hostname)
    )


def is_intranet_page(page) -> bool:
    """True for the intranet's home pages and every page under them."""
    roots = intranet_root_paths()
    return bool(roots) and page.url_path.startswith(roots)


# --- Where each site starts ---------------------------------------------------------------------


def _site_on(hostname: str) -> Site | None:
    """The site of this host with its home page, kept in the layout cache (a site saved draws
    a new generation)."""
    return layout.cached(None, f"site:{hostname}", lambda: (
        Site.objects.filter(hostname=hostname).select_related("root_page").first()))


def public_site() -> Site | None:
    return _site_on(settings.PUBLIC_HOSTNAME)


def intranet_site() -> Site | None:
    return _site_on(settings.INTRANET_HOSTNAME)


def public_root():
    """The public website's home page in the default language, or None before setup."""
    site = public_site()
    return site.root_page if site else None


def intranet_root():
    """The intranet's home page in the default language, or None before setup."""
    site = intranet_site()
    return site.root_page if site else None


def _port(port: int | None) -> int:
    if port:
        return port
    return 443 if settings.USE_HTTPS else 80


def align_site(hostname: str, port: int | None, root_page, name: str, *, default: bool) -> Site:
    """The Site row of this home page, created if missing, with this host and name."""
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
def align_sites(public_home, intranet_home) -> tuple[Site, Site]:
    """Give the two home pages their Site rows, on the hosts the settings name."""
    public = align_site(settings.PUBLIC_HOSTNAME, settings.PUBLIC_PORT, public_home,
                        "Site public", default=True)
    intranet = align_site(settings.INTRANET_HOSTNAME, settings.INTRANET_PORT, intranet_home,
                          "Intranet", default=False)
    return public, intranet


# --- Absolute addresses -------------------------------------------------------------------------
# For e-mails and other texts read away from any request: built from the settings, which the
# Site rows follow, so they cost no query.


def public_url(path: str = "/") -> str:
    """An absolute address on the public website, such as ``public_url("/evenements/")``."""
    scheme = "https" if settings.USE_HTTPS else "http"
    return f"{scheme}://{settings.PUBLIC_HOST}{path}"


def intranet_url(path: str = "/") -> str:
    """An absolute address on the intranet, such as ``intranet_url("/annuaire/")``."""
    scheme = "https" if settings.USE_HTTPS else "http"
    return f"{scheme}://{settings.INTRANET_HOST}{path}"


def admin_url(path: str = "/admin/") -> str:
    """An absolute address in the Wagtail admin (``WAGTAILADMIN_BASE_URL``)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def admin_edit_url(instance) -> str:
    """The absolute address of the admin's edit view of a page, snippet or other object
    registered in the admin; "" for an object the admin does not edit."""
    path = AdminURLFinder().get_edit_url(instance)
    return admin_url(path) if path else ""
