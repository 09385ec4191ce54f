"""Each page family registers its snippets, viewsets and admin menu items in its own
``admin`` module (``pages/<family>/admin.py``); importing them here, where Wagtail looks for
hooks, registers them once."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks

from pages.choosers import chooser_urls, files_a_page_may_use, pages_a_page_may_link_to
from pages.contact import admin as contact_admin  # noqa: F401
from pages.library import admin as library_admin  # noqa: F401
from pages.news import admin as news_admin  # noqa: F401
from pages.publications import admin as publications_admin  # noqa: F401
from portal.layout import PAGE_CONTENT_MODELS_HOOK


@hooks.register("register_admin_urls", order=-1)
def register_choosers_uploading_to_the_readers_collection():
    # order=-1: before Wagtail's viewsets, so that these views answer the chooser URLs.
    return chooser_urls()


@hooks.register("construct_page_chooser_queryset")
def offer_a_public_page_only_public_pages(pages, request):
    return pages_a_page_may_link_to(pages, request)


@hooks.register("construct_document_chooser_queryset")
def offer_a_public_page_only_public_documents(documents, request):
    return files_a_page_may_use(documents, request)


@hooks.register("construct_image_chooser_queryset")
def offer_a_public_page_only_public_images(images, request):
    return files_a_page_may_use(images, request)


@hooks.register("before_create_page")
def only_superusers_start_a_site(request, parent_page, page_class):
    """A page at the root of the tree is a new site's home page: officers, whose rights
    Wagtail grants from the root down, add pages inside the two sites only."""
    if parent_page.is_root() and not request.user.is_superuser:
        messages.error(request, _("Only an administrator can create a new site's home page."))
        return redirect("wagtailadmin_explore", parent_page.pk)
    return None


@hooks.register(PAGE_CONTENT_MODELS_HOOK)
def snippets_pages_show():
    """A change to these drops the cached layout and pages (portal.layout)."""
    from pages.models import ContactTopic, NewsCategory, PublicationCollection

    return [NewsCategory, PublicationCollection, ContactTopic]
