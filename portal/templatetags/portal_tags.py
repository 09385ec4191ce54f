from django import template
from django.utils.translation import gettext

from portal import navigation

register = template.Library()


@register.inclusion_tag("portal/includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    links = []
    if context.get("may_browse_site", True):
        links = navigation.main_menu_links(request, context.get("page"))
    return {"links": links, "home_url": _home_url(request)}


@register.inclusion_tag("portal/includes/breadcrumb.html", takes_context=True)
def breadcrumb(context, current_title="", parent=None):
    """The DSFR breadcrumb (django-dsfr's component) from the site's home to this page, or
    to a view that is not a page through ``parent``, the page it belongs under."""
    request = context["request"]
    page = context.get("page")
    links = navigation.breadcrumb_links(request, page) if page else []
    if parent is not None:
        links = [*navigation.breadcrumb_links(request, parent),
                 navigation.Link(parent.title, parent.get_url(request))]
    return {"self": {
        "id": "breadcrumb",
        "root_dir": _home_url(request),
        "links": links,
        "current": current_title or (page.title if page else ""),
    }}


@register.simple_tag
def skip_links() -> list[dict]:
    """The skip links at the top of every page, for django-dsfr's ``dsfr_skiplinks``."""
    return [
        {"link": "#content", "label": gettext("Content")},
        {"link": "#main-navigation", "label": gettext("Main menu")},
        {"link": "#footer", "label": gettext("Footer")},
    ]


@register.inclusion_tag("portal/includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context["request"]
    links = navigation.language_links(request, context.get("page"))
    current = next((link for link in links if link.active), None)
    return {"links": links, "current": current}


@register.simple_tag(takes_context=True)
def home_url(context):
    return _home_url(context["request"])


def _home_url(request):
    root = navigation.localized_site_root(request)
    return root.get_url(request) if root else "/"


@register.inclusion_tag("portal/includes/footer_bottom_links.html", takes_context=True)
def footer_bottom_links(context):
    return {"links": navigation.footer_links(context["request"])}
