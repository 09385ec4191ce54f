"""Error pages in the State design system.

400 and 500 render without the request context: the host may be the bad input itself, and a
500 must not depend on the database.
"""

from datetime import timedelta

from django.conf import settings
from django.http import (
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseForbidden,
    HttpResponseNotFound,
    HttpResponseServerError,
)
from django.template import loader
from django.utils import timezone
from django.views.decorators.http import require_GET

from portal.accounts import ADMIN_PREFIX, can_reach_admin


def bad_request(request, exception=None):
    return HttpResponseBadRequest(loader.render_to_string("errors/400.html"))


def server_error(request):
    return HttpResponseServerError(loader.render_to_string("errors/500.html"))


def permission_denied(request, exception=None):
    admin_denied = request.path_info.startswith(ADMIN_PREFIX) and not can_reach_admin(request.user)
    context = {"admin_denied": admin_denied}
    return HttpResponseForbidden(
        loader.render_to_string("errors/403.html", context, request=request)
    )


def page_not_found(request, exception=None):
    return HttpResponseNotFound(loader.render_to_string("errors/404.html", request=request))


@require_GET
def security_txt(request):
    """RFC 9116: who to write to about a vulnerability, on both hosts. "Expires" is required;
    a year ahead, as the file is generated from the settings and always current."""
    contact = settings.SECURITY_CONTACT
    if "://" not in contact:
        contact = f"mailto:{contact}"
    expires = (timezone.now() + timedelta(days=365)).replace(microsecond=0)
    lines = [
        f"Contact: {contact}",
        f"Expires: {expires.isoformat().replace('+00:00', 'Z')}",
        "Preferred-Languages: fr, en",
        f"Canonical: {request.build_absolute_uri('/.well-known/security.txt')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
