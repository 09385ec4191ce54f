from django.urls import reverse
from django.utils.http import urlencode
from wagtail.models import Site

from portal.intranet import is_open_path
from portal.sites import is_intranet_request, public_url


def login_url_coming_back(request) -> str:
    """The sign-in link of the header, which brings the visitor back to where they were."""
    login = reverse("account_login")
    if is_open_path(request.path_info):
        # Already on an account page: keep the destination it was given, if any.
        target = request.GET.get("next", "")
    else:
        target = request.get_full_path()
    return f"{login}?{urlencode({'next': target})}" if target else login


def portal(request):
    """What every template needs to draw the header: which site, and may this visitor see it."""
    is_intranet = getattr(request, "is_intranet", None)
    if is_intranet is None:
        is_intranet = is_intranet_request(request)
    user = getattr(request, "user", None)
    may_browse = not is_intranet or bool(
        user and user.is_authenticated and user.can_access_intranet
    )
    site = Site.find_for_request(request)
    return {
        "is_intranet": is_intranet,
        "may_browse_site": may_browse,
        "current_site": site,
        "public_site_url": public_url("/"),
        "login_url": login_url_coming_back(request),
    }
