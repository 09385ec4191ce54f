"""The anonymous page cache of the public site, and the ``Cache-Control`` of every page.

A page an anonymous visitor gets on the public host is kept in the layout's cache
(``portal.layout.store``: Redis in production, nothing while Redis is down, local memory in
the embedded default) and served from it, without a query, to the next
anonymous visitor asking the same host, language, path and query string. Every entry is keyed
by the layout's generation (``portal.layout``): publishing, unpublishing, moving or deleting a
page, a scheduled page going live, changing a page's privacy, a setting or a snippet pages show
draws a new generation, and every page is made again. Entries also expire after
``PAGE_CACHE_SECONDS``.

Only what is the same for every anonymous visitor is kept. Never served from or stored in the
cache:

- requests other than GET, on the intranet host, or that carry a session or messages cookie
  (whoever is signed in, or has a message waiting, gets their own page);
- responses that are not a whole 200 HTML page, that set a cookie, that hold a CSRF token (a
  page with a form: it is made for each visitor, so anonymous forms keep working), that
  carry a message, that changed the session, or that a view marked private or ``never_cache``
  (search results).

Kept pages say ``Cache-Control: public, max-age=PAGE_CACHE_MAX_AGE`` with ``Vary: Cookie``, so
a reverse proxy may keep them too (Wagtail's frontend cache purges it on publish when
configured); every other HTML page says ``private, no-store``.
"""

import hashlib

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers

from portal import layout
from portal.sites import is_intranet_request

HIT_HEADER = "X-Relais-Cache"
NOT_SHARED = ("private", "no-store", "no-cache")


def _may_share(request) -> bool:
    """True when this request may get, and make, the page every anonymous visitor gets."""
    cookies = request.COOKIES
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in cookies
        and CookieStorage.cookie_name not in cookies
        and not is_intranet_request(request)
    )


def _cache_key(request) -> str:
    query = "&".join(sorted(request.META.get("QUERY_STRING", "").split("&")))
    # The address hashed: a key of fixed length, whatever the visitor puts in the query string.
    address = hashlib.sha256(f"{request.path}?{query}".encode()).hexdigest()
    return (f"relais:page:{layout.generation(request)}:{request.get_host().lower()}:"
            f"{translation.get_language()}:{address}")


def _is_shareable(request, response) -> bool:
    cache_control = response.get("Cache-Control", "")
    messages = getattr(request, "_messages", None)
    session = getattr(request, "session", None)
    return (
        response.status_code == 200
        and not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not any(word in cache_control for word in NOT_SHARED)
        and not (messages is not None and len(messages))
        and not (session is not None and session.modified)
    )


class AnonymousPageCacheMiddleware:
    """After the session and language middleware: the language is known, and nothing the
    page cache answers reaches CSRF, authentication or messages."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        share = _may_share(request)
        store = share and settings.PAGE_CACHE_SECONDS > 0
        if store:
            response = layout.store().get(_cache_key(request))
            if response is not None:
                response[HIT_HEADER] = "hit"
                return response
        response = self.get_response(request)
        if share and _is_shareable(request, response):
            patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_MAX_AGE)
            patch_vary_headers(response, ["Cookie"])
            if store:  # template responses are rendered by now
                response[HIT_HEADER] = "miss"
                layout.store().set(_cache_key(request), response,
                                   timeout=settings.PAGE_CACHE_SECONDS)
        elif (response.get("Content-Type", "").startswith("text/html")
              and not response.has_header("Cache-Control")):
            patch_cache_control(response, private=True, no_store=True)
        return response
