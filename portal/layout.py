"""What every page shows around its content, computed once and kept in the cache until an
editor changes something.

Everything kept here (the page restrictions, the site settings, each site's menu, footer and
language links per language, and the anonymous page cache of ``portal.page_cache``) is keyed by
one site-wide *generation*, a token kept in the cache. Any change an editor can make to what a
visitor sees draws a new token, which drops all of it at once:

- a page published (the ``publish_scheduled`` command too: scheduled pages and embargoed
  releases go live through Wagtail's signals), unpublished, moved or deleted, or created
  live without being published (an import, a copy);
- a page's privacy (``PageViewRestriction`` and its groups), a site or a language;
- a site setting (identity, social accounts, footer links…), saved or deleted;
- a snippet or other model that pages show: apps name them through the Wagtail hook
  ``PAGE_CONTENT_MODELS_HOOK`` (a function returning the models), so that portal imports none.

A lost token (evicted, Redis flushed) is as good as a new one. All of it lives in the cache
alias ``settings.LAYOUT_CACHE``, which keeps nothing while Redis is down (``portal.cache``'s
"miss" fallback): a server's own copy would not know of a publication made through another
server, so each page is then made afresh. Entries also expire after
``settings.LAYOUT_CACHE_SECONDS``.
"""

import uuid

from django.conf import settings
from django.core.cache import caches
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail import hooks
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

GENERATION_KEY = "relais:generation"
PAGE_CONTENT_MODELS_HOOK = "relais_page_content_models"
_REQUEST_ATTRIBUTE = "_relais_generation"


def store():
    """The cache the layout and the anonymous page cache live in."""
    return caches[settings.LAYOUT_CACHE]


def generation(request=None) -> str:
    """The current token; read once per request when one is given."""
    if request is not None and hasattr(request, _REQUEST_ATTRIBUTE):
        return getattr(request, _REQUEST_ATTRIBUTE)
    cache = store()
    token = cache.get(GENERATION_KEY)
    if token is None:
        token = uuid.uuid4().hex
        if not cache.add(GENERATION_KEY, token, timeout=None):
            token = cache.get(GENERATION_KEY) or token
    if request is not None:
        setattr(request, _REQUEST_ATTRIBUTE, token)
    return token


def bump(**_signal_arguments):
    """Drop everything kept for the layout and the pages (a signal receiver)."""
    store().set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def cached(request, name: str, build):
    """``build()``, kept in the cache under ``name`` for the current generation (and on the
    request, so that a page asks the cache once per name)."""
    memo = request.__dict__.setdefault("_relais_layout", {}) if request is not None else {}
    if name in memo:
        return memo[name]
    key = f"relais:layout:{generation(request)}:{name}"
    value = store().get(key)
    if value is None:
        value = build()
        store().set(key, value, timeout=settings.LAYOUT_CACHE_SECONDS)
    memo[name] = value
    return value


def site_setting(model, request, site):
    """A site setting of this site, from the cache (``CachedSiteSetting.for_request``)."""
    return cached(request, f"setting:{model._meta.label_lower}:{site.pk}",
                  lambda: model.for_site(site))


def locales(request) -> list[tuple[int, str, str]]:
    """Every language of the content: ``(id, language code, display name)``."""
    return cached(request, "locales", lambda: [
        (locale.pk, locale.language_code, locale.get_display_name())
        for locale in Locale.objects.order_by("language_code")
    ])


def default_locale_id(request=None) -> int | None:
    """The id of the default language's locale (``settings.LANGUAGE_CODE``)."""
    return next((pk for pk, code, _name in locales(request)
                 if code == settings.LANGUAGE_CODE), None)


# --- What drops it ------------------------------------------------------------------------------


def _page_content_models() -> tuple[type, ...]:
    models = [PageViewRestriction, Site, Locale, get_image_model(), get_document_model()]
    for hook in hooks.get_hooks(PAGE_CONTENT_MODELS_HOOK):
        models.extend(hook())
    return tuple(models)


def _is_setting(model) -> bool:
    return issubclass(model, (BaseSiteSetting, BaseGenericSetting))


def _on_save_or_delete(sender, **kwargs):
    global _CONTENT_MODELS
    if kwargs.get("raw"):
        return
    if _CONTENT_MODELS is None:  # the hooks are read at the first save, once apps are loaded
        _CONTENT_MODELS = _page_content_models()
    if _is_setting(sender):
        # A setting's row is created with its defaults the first time a page reads it, which
        # changes nothing a visitor sees; the admin's form then updates that row.
        if not kwargs.get("created"):
            bump()
    elif issubclass(sender, _CONTENT_MODELS):
        bump()
    elif issubclass(sender, Page) and kwargs.get("created") and kwargs["instance"].live:
        # A page made live without being published (an import, the demo, a copy).
        bump()


def _on_page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        bump()


_CONTENT_MODELS: tuple[type, ...] | None = None


def connect_signals():
    """Called once the apps are ready (``PortalConfig.ready``)."""
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(bump, dispatch_uid=f"relais-layout-{id(signal)}")
    post_save.connect(_on_save_or_delete, dispatch_uid="relais-layout-save")
    post_delete.connect(_on_save_or_delete, dispatch_uid="relais-layout-delete")
    post_delete.connect(_on_page_deleted, dispatch_uid="relais-layout-page-delete")
    m2m_changed.connect(bump, sender=PageViewRestriction.groups.through,
                        dispatch_uid="relais-layout-restriction-groups")
