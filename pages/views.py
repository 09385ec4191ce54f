"""robots.txt and sitemap.xml: search engines index the public website, never the intranet."""

from django.http import Http404, HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from pages.sitemaps import public_sitemaps

ROBOTS_PUBLIC = """User-agent: *
Allow: /
Disallow: /admin/
Disallow: /accounts/
Disallow: /en/accounts/

Sitemap: {sitemap_url}
"""
ROBOTS_INTRANET = """User-agent: *
Disallow: /
"""


@cache_control(max_age=3600)
def robots_txt(request):
    if request.is_intranet:
        text = ROBOTS_INTRANET
    else:
        text = ROBOTS_PUBLIC.format(sitemap_url=request.build_absolute_uri(reverse("sitemap")))
    return HttpResponse(text, content_type="text/plain; charset=utf-8")


def sitemap(request):
    if request.is_intranet:
        raise Http404("The intranet has no sitemap.")
    return wagtail_sitemap(request, sitemaps=public_sitemaps())
