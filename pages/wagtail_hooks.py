"""Each page family registers its snippets, viewsets and admin menu items in its own
``admin`` module (``pages/<family>/admin.py``); importing them here, where Wagtail looks for
hooks, registers them once."""

from wagtail import hooks

from pages.choosers import chooser_urls
from pages.contact import admin as contact_admin  # noqa: F401
from pages.library import admin as library_admin  # noqa: F401
from pages.news import admin as news_admin  # noqa: F401
from pages.publications import admin as publications_admin  # noqa: F401


@hooks.register("register_admin_urls", order=-1)
def register_choosers_uploading_to_the_readers_collection():
    # order=-1: before Wagtail's viewsets, so that these views answer the chooser URLs.
    return chooser_urls()
