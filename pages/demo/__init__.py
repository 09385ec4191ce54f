"""Demo pages for both sites: the home pages and content pages first, then each page family's
demo (``pages/<family>/demo.py``), in this order. ``files`` and ``images`` make the demo's
documents and pictures."""

from pages.base import demo as base
from pages.contact import demo as contact
from pages.faq import demo as faq
from pages.library import demo as library
from pages.multimedia import demo as multimedia
from pages.news import demo as news
from pages.publications import demo as publications

# Each has a load(public_home, intranet_home, stdout) function. The FAQ links to the contact
# page, so it comes after it.
FAMILIES = [publications, multimedia, contact, faq, news, library]


def load(stdout):
    public_home, intranet_home = base.load(stdout)
    for family in FAMILIES:
        family.load(public_home, intranet_home, stdout)
    base.compose(public_home, intranet_home)
    stdout.write("Demo pages ready.")
