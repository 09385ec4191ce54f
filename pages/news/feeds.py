"""RSS and Atom feeds of a news index. They list exactly what the index's list shows to the
same request: public articles on the public site, what the member of staff may open on the
intranet (whose middleware already requires a staff account for every response)."""

import mimetypes

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed

from pages.base.models import CARD_IMAGE_FILTER, prefetch_card_images
from pages.news.models import FEED_LENGTH, visible_articles
from portal.models import SiteIdentity


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index_page):
        self.index_page = index_page
        self.request = None

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return self.index_page

    def title(self, index_page):
        identity = SiteIdentity.for_request(self.request)
        return f"{index_page.title} — {identity.directorate_name}"

    def link(self, index_page):
        return index_page.get_full_url(self.request)

    def feed_url(self, index_page):
        return self.request.build_absolute_uri(self.request.path)

    def description(self, index_page):
        return index_page.summary or index_page.title

    subtitle = description

    def items(self, index_page):
        articles = visible_articles(index_page, self.request).defer_streamfields()
        articles = list(articles.prefetch_related("categories")[:FEED_LENGTH])
        prefetch_card_images(articles)
        return articles

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.summary

    def item_link(self, article):
        return article.get_full_url(self.request)

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.last_published_at or article.published_at

    def item_enclosures(self, article):
        """The article's listing image, as feed readers show it beside the summary."""
        if article.listing_image is None:
            return []
        rendition = article.listing_image.get_rendition(CARD_IMAGE_FILTER)
        mime_type = mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg"
        return [Enclosure(self.request.build_absolute_uri(rendition.url),
                          str(rendition.file.size), mime_type)]

    def item_categories(self, article):
        return [category.name for category in article.categories.all()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
