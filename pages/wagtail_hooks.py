"""Each page family registers its snippets, viewsets and admin menu items in its own
``admin`` module (``pages/<family>/admin.py``); importing them here, where Wagtail looks for
hooks, registers them once."""

from pages.contact import admin as contact_admin  # noqa: F401
from pages.news import admin as news_admin  # noqa: F401
from pages.publications import admin as publications_admin  # noqa: F401
