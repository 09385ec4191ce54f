"""Error pages in the State design system.

400 and 500 render without the request context: the host may be the bad input itself, and a
500 must not depend on the database.
"""

from django.http import (
    HttpResponseBadRequest,
    HttpResponseForbidden,
    HttpResponseNotFound,
    HttpResponseServerError,
)
from django.template import loader

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
