"""Who may see the network intranet, and which intranet pages each member of staff may see.

The intranet is a whole host: every response it gives (pages, documents, images, feeds, any
view) needs a signed-in account holding the ``portal.access_intranet`` permission. Inside it,
pages are network-wide or restricted to groups (a directorate's staff group) through Wagtail's
own privacy setting, so editors use the admin's "Privacy" button.
"""

import time
from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import ngettext
from wagtail.models import (
    BaseViewRestriction,
    Page,
    PagePermissionTester,
    PageViewRestriction,
)

from portal import layout
from portal.sites import is_intranet_request

# Paths the intranet answers without a staff account: signing in, the files the login
# page itself needs, and robots.txt, which tells crawlers to keep out.
OPEN_PATH_PREFIXES = ("/accounts/", "/en/accounts/", "/static/", "/favicon.ico", "/robots.txt",
                      "/.well-known/security.txt")


def is_open_path(path: str) -> bool:
    return path.startswith(OPEN_PATH_PREFIXES)


LAST_ACTIVITY_KEY = "relais_intranet_last_activity"
# The time of the last request is written at most this often: not a session save per request.
ACTIVITY_RESOLUTION_SECONDS = 60


def sign_out_after_inactivity(request):
    """Sign out an intranet session idle for INTRANET_SESSION_IDLE_MINUTES, else note the
    activity. The intranet host has its own session cookie: the public site is not affected."""
    if not request.user.is_authenticated:
        return
    now = time.time()
    idle_minutes = settings.INTRANET_SESSION_IDLE_MINUTES
    last_activity = request.session.get(LAST_ACTIVITY_KEY)
    if last_activity is not None and now - last_activity > idle_minutes * 60:
        logout(request)
        messages.info(request, ngettext(
            "You were signed out after %(minutes)d minute without activity.",
            "You were signed out after %(minutes)d minutes without activity.",
            idle_minutes,
        ) % {"minutes": idle_minutes})
        return
    if last_activity is None or now - last_activity >= ACTIVITY_RESOLUTION_SECONDS:
        request.session[LAST_ACTIVITY_KEY] = now


class IntranetAccessMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.is_intranet = is_intranet_request(request)
        if request.is_intranet:
            sign_out_after_inactivity(request)
        if request.is_intranet and not is_open_path(request.path_info):
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path(), reverse("account_login"))
            if not user.can_access_intranet:
                raise PermissionDenied("This account is not a staff account.")
        return self.get_response(request)


def _group_ids(user) -> set[int]:
    if not hasattr(user, "_relais_group_ids"):
        user._relais_group_ids = set(user.groups.values_list("id", flat=True))
    return user._relais_group_ids


@dataclass(frozen=True)
class Restriction:
    """A page's privacy setting, as the lists and menus need it (kept in the layout cache)."""

    restriction_type: str
    path: str
    depth: int
    group_ids: frozenset[int]


def all_restrictions(request=None) -> list[Restriction]:
    """Every page restriction, read once per generation of the layout cache (portal.layout):
    listing pages and drawing menus reads none from the database."""
    return layout.cached(request, "restrictions", lambda: [
        Restriction(restriction.restriction_type, restriction.page.path,
                    restriction.page.depth,
                    frozenset(group.id for group in restriction.groups.all()))
        for restriction in PageViewRestriction.objects.select_related("page")
        .prefetch_related("groups")
    ])


def _passes(restriction, user, user_group_ids) -> bool:
    kind = restriction.restriction_type
    if kind == BaseViewRestriction.PASSWORD:
        # Password pages are not listed: the password form is the way in.
        return False
    if user.is_superuser or kind == BaseViewRestriction.NONE:
        return True
    if kind == BaseViewRestriction.LOGIN:
        return user.is_authenticated
    return bool(user_group_ids & restriction.group_ids)


def restrictions_denying(user):
    """The page restrictions this user does not pass, computed once per user object."""
    cached = getattr(user, "_relais_denied_restrictions", None)
    if cached is not None:
        return cached
    user_group_ids = _group_ids(user) if user.is_authenticated else set()
    denied = [r for r in all_restrictions() if not _passes(r, user, user_group_ids)]
    user._relais_denied_restrictions = denied
    return denied


def _under(restrictions) -> Q:
    """The pages under any of these restrictions (Q() matches every page when there is none,
    hence the callers' checks)."""
    condition = Q()
    for restriction in restrictions:
        condition |= Q(path__startswith=restriction.path, depth__gte=restriction.depth)
    return condition


def _excluding(queryset, restrictions):
    return queryset.exclude(_under(restrictions)) if restrictions else queryset


def visible_to(queryset, user):
    """Filter a page queryset down to the pages this user may open, restrictions included.

    Unlike ``.public()``, which drops every restricted page for everyone, this keeps the
    pages whose restriction the user passes: a directorate's staff see their own pages.
    """
    return _excluding(queryset, restrictions_denying(user))


def public_pages(queryset):
    """Wagtail's ``.public()`` (no page under any restriction), from the cached restrictions:
    what a list or feed the same for everyone may show."""
    return _excluding(queryset, all_restrictions())


def restricted_pages(queryset):
    """Wagtail's ``.not_public()``, from the cached restrictions."""
    restrictions = all_restrictions()
    return queryset.filter(_under(restrictions)) if restrictions else queryset.none()


def visibility_key(user) -> str:
    """All that ``visible_to`` reads of a user, as a cache key part: two users with the same
    key see the same pages (the restrictions themselves are keyed by ``portal.layout``'s
    generation)."""
    if not user.is_authenticated:
        return "anonymous"
    if user.is_superuser:
        return "superuser"
    return "groups:" + ",".join(str(group_id) for group_id in sorted(_group_ids(user)))


def is_public_page(page) -> bool:
    """No restriction on this page nor above it (``public_pages`` for one loaded page), from
    the cached restrictions."""
    return not any(page.path.startswith(restriction.path) for restriction in all_restrictions())


def _alias_paths(request=None) -> frozenset[str]:
    """The paths of the alias pages (kept in the layout cache): they take the restrictions of
    the page they copy, which only Wagtail's own reading resolves."""
    return layout.cached(request, "alias-paths", lambda: frozenset(
        Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True)))


def may_be_restricted(page) -> bool:
    """False when the cached restrictions show none on this page or above it and neither it
    nor an ancestor is an alias: then no restriction applies and Wagtail need not read them
    (``BasePage.get_view_restrictions``)."""
    if page.pk is None or page.alias_of_id is not None:
        return True
    if any(page.path.startswith(restriction.path) for restriction in all_restrictions()):
        return True
    aliases = _alias_paths()
    return bool(aliases) and any(page.path[:end] in aliases
                                 for end in range(Page.steplen, len(page.path) + 1, Page.steplen))


def restricted_to_groups_of(user, pages) -> set[int]:
    """Ids of those pages whose own restriction names a group of this user (their
    directorate's spaces), from the cached restrictions and the user's cached groups."""
    if not user.is_authenticated:
        return set()
    group_ids = _group_ids(user)
    paths = {restriction.path for restriction in all_restrictions()
             if restriction.group_ids & group_ids}
    return {page.pk for page in pages if page.path in paths}


def user_is_denied_page(user, page) -> bool:
    """True when a signed-in user fails a group restriction on this page or an ancestor."""
    if not user.is_authenticated:
        return False
    return any(
        restriction.restriction_type == BaseViewRestriction.GROUPS
        and page.path.startswith(restriction.path)
        for restriction in restrictions_denying(user)
    )


class ReadersPagePermissionTester(PagePermissionTester):
    """Wagtail's page permissions, less every one on a page the user may not read.

    Editors and Moderators hold their page permissions on the whole tree; a page restricted to
    a directorate's staff must still stay out of reach of the other directorates' editors:
    its edit form, drafts, previews, revisions, comparisons, history and moderation. Pages
    return this tester from ``permissions_for_user`` (Wagtail's own override point), so each
    admin view that asks Wagtail "may this user edit or publish this page?" gets "no".
    """

    def __init__(self, user, page):
        super().__init__(user, page)
        self.denied = user_is_denied_page(user, page)
        if self.denied:
            self.permissions = set()

    # The permissions Wagtail grants besides the group's (workflow tasks, locks, revisions).
    def can_edit(self):
        return not self.denied and super().can_edit()

    def can_lock(self):
        return not self.denied and super().can_lock()

    def can_unlock(self):
        return not self.denied and super().can_unlock()

    def can_submit_for_moderation(self):
        return not self.denied and super().can_submit_for_moderation()

    def can_view_revisions(self):
        return not self.denied and super().can_view_revisions()
