"""The sitemap of the public website: its live, public pages in every language, and what
other apps add through ``SITEMAPS_HOOK``."""

from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail import hooks
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from portal.intranet import public_pages
from portal.sites import public_root

# Apps list what they show besides pages (local events…) with a function registered under
# this Wagtail hook: ``() -> dict`` of section name to a Django ``Sitemap`` class.
SITEMAPS_HOOK = "relais_sitemaps"


class PublicSitemap(Sitemap):
    def items(self):
        # Always the public site, whatever host asked: the intranet never has a sitemap.
        home = public_root()
        roots = list(home.get_translations(inclusive=True).live()) if home else []
        if not roots:
            return Page.objects.none()
        in_public_trees = reduce(or_, (Q(path__startswith=root.path) for root in roots))
        return (
            public_pages(Page.objects.filter(in_public_trees).live())
            .order_by("path")
            .defer_streamfields()
            .specific()
        )


def public_sitemaps() -> dict:
    sitemaps = {"pages": PublicSitemap}
    for hook in hooks.get_hooks(SITEMAPS_HOOK):
        sitemaps.update(hook())
    return sitemaps
