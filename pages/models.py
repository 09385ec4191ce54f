"""Page types, one folder per family (``pages/<family>/models.py``). Each family's models are
imported here so that Django and Wagtail find them under the ``pages`` app."""

from pages.base.models import (  # noqa: F401
    CARD_IMAGE_FILTER,
    BasePage,
    BodyPage,
    HomeFeaturedPublication,
    HomePage,
    IntranetHomePage,
    StandardPage,
    prefetch_card_images,
)
from pages.contact.models import ContactPage, ContactTopic, Question  # noqa: F401
from pages.faq.models import FAQPage  # noqa: F401
from pages.library.models import (  # noqa: F401
    LibraryIndexPage,
    ReferenceDocument,
    ReferenceDocumentVersion,
)
from pages.multimedia.models import MultimediaFolderPage  # noqa: F401
from pages.news.models import NewsArticlePage, NewsCategory, NewsIndexPage  # noqa: F401
from pages.publications.models import (  # noqa: F401
    DownloadCount,
    PaperCopyRequest,
    PublicationCollection,
    PublicationIndexPage,
    PublicationPage,
)
