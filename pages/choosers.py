"""Uploads from a page's document or image chooser land in the collection the page's readers
have: the intranet collection for an intranet page, a directorate's collection for a page
restricted to that directorate's staff. Editors can still pick another collection.

The choosers opened from a public page offer only what the public site may show: its own
pages (none of the intranet's), and documents and images of public collections.

Wagtail's upload form knows nothing of the page being edited; the chooser is opened from
the page editor, whose address the browser sends as the Referer. The chooser view is
Wagtail's own, subclassed to give its upload form that initial collection, and answered on
Wagtail's URL (see wagtail_hooks).
"""

import copy
import re
from urllib.parse import urlparse

from django.urls import path
from wagtail.documents.views.chooser import viewset as document_chooser
from wagtail.images.views.chooser import viewset as image_chooser
from wagtail.models import BaseViewRestriction, Page, PageViewRestriction
from wagtail.permissions import policy_registry

from portal.media import restricted_collection_paths
from portal.models import Directorate, IntranetSettings
from portal.sites import intranet_root_paths, is_intranet_page

# The page editor: /admin/pages/<id>/edit/, or /admin/pages/add/<app>/<model>/<parent id>/.
EDITED_PAGE = re.compile(r"^/admin/pages/(?:(\d+)/edit|add/[^/]+/[^/]+/(\d+))/")


def page_being_edited(request):
    """The page (or, for a new page, its parent) whose editor opened this chooser."""
    match = EDITED_PAGE.match(urlparse(request.headers.get("Referer", "")).path)
    if match is None:
        return None
    return Page.objects.filter(pk=match[1] or match[2]).only("path", "url_path").first()


def readers_collection(page):
    """The collection whose readers match the page's: None for a public page."""
    if not is_intranet_page(page):
        return None
    restricted_groups = PageViewRestriction.objects.filter(
        page__in=page.get_ancestors(inclusive=True),
        restriction_type=BaseViewRestriction.GROUPS,
    ).values("groups")
    directorates = list(Directorate.objects.filter(staff_group__in=restricted_groups,
                                                   collection__isnull=False)[:2])
    if len(directorates) == 1:
        return directorates[0].collection
    return IntranetSettings.load().intranet_collection


def opened_from_a_public_page(request) -> bool:
    page = page_being_edited(request)
    return page is not None and not is_intranet_page(page)


def pages_a_page_may_link_to(pages, request):
    """A public page's page chooser: the public site's pages only."""
    if opened_from_a_public_page(request):
        for root in Page.objects.filter(url_path__in=intranet_root_paths()):
            pages = pages.not_descendant_of(root, inclusive=True)
    return pages


def files_a_page_may_use(items, request):
    """A public page's document and image choosers: public collections only."""
    if opened_from_a_public_page(request):
        for collection_path in restricted_collection_paths():
            items = items.exclude(collection__path__startswith=collection_path)
    return items


class UploadToReadersCollection:
    def get_creation_form_kwargs(self):
        kwargs = super().get_creation_form_kwargs()
        page = page_being_edited(self.request)
        collection = readers_collection(page) if page else None
        policy = policy_registry.get_by_type(self.model_class)
        if collection and collection in policy.collections_user_has_permission_for(
                self.request.user, "add"):
            kwargs["initial"] = {"collection": collection.pk}
        return kwargs


def choose_view_uploading_to_readers_collection(chooser_viewset):
    """The viewset's choose view (same options and URL names), with the upload default."""
    viewset = copy.copy(chooser_viewset)
    view_class = chooser_viewset.choose_view_class
    viewset.choose_view_class = type(view_class.__name__, (UploadToReadersCollection,
                                                           view_class), {})
    return viewset.choose_view


def chooser_urls():
    """Answered before Wagtail's own chooser URLs, which these replace (register_admin_urls)."""
    return [
        path(f"{chooser.url_prefix}/", choose_view_uploading_to_readers_collection(chooser))
        for chooser in (document_chooser, image_chooser)
    ]
