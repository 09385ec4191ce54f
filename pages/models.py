"""Page types, one module per family. Each module's models are imported here so that
Django and Wagtail find them."""

from pages.models.base import (  # noqa: F401
    CARD_IMAGE_FILTER,
    BasePage,
    BodyPage,
    HomePage,
    IntranetHomePage,
    StandardPage,
    prefetch_card_images,
)
from pages.models.contact import ContactPage, ContactTopic, Question, QuestionEmail  # noqa: F401
from pages.models.faq import FAQPage  # noqa: F401
from pages.models.multimedia import MultimediaFolderPage  # noqa: F401
from pages.models.news import NewsArticlePage, NewsCategory, NewsIndexPage  # noqa: F401
from pages.models.publications import (  # noqa: F401
    DownloadCount,
    PaperCopyRequest,
    PublicationCollection,
    PublicationIndexPage,
    PublicationPage,
)
