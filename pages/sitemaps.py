"""The sitemap of the public website: its live, public pages in every language."""

from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site


class PublicSitemap(Sitemap):
    def get_wagtail_site(self):
        # Always the public site, whatever host asked: the intranet never has a sitemap.
        return Site.objects.select_related("root_page").get(is_default_site=True)

    def items(self):
        roots = list(self.get_wagtail_site().root_page.get_translations(inclusive=True).live())
        if not roots:
            return Page.objects.none()
        in_public_trees = reduce(or_, (Q(path__startswith=root.path) for root in roots))
        return (
            Page.objects.filter(in_public_trees)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
