"""News for both sites: an index page publishes its child articles, with categories, tags,
feeds and a filtered, paginated listing.

A news index under the public home publishes public news; one under the intranet home
publishes intranet news, where an article may be restricted to a directorate's staff.
"""

import datetime

from django import forms
from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Cast, ExtractYear
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from pages.base.forms import BasePageForm, TranslatableSnippetForm
from pages.base.models import BasePage, BodyPage, prefetch_card_images
from pages.blocks import LinkBlock
from portal.filters import ChoiceFilter, InvalidFilters, ListFilters, answer_invalid_filters
from portal.intranet import public_pages, visible_to
from portal.listing import paginate
from portal.sites import is_intranet_page
from portal.text import folded

NEWS_PER_PAGE = 10
FEED_LENGTH = 20


class NewsCategory(TranslatableMixin, models.Model):
    """A theme news articles are filed under (Heritage, Museums…), translated per locale."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"), max_length=100,
        help_text=_("Used in the address of the filtered news list."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    base_form_class = TranslatableSnippetForm

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("news category")
        verbose_name_plural = _("news categories")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


class NewsArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "pages.NewsArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


def listable_pages(queryset, request, *, intranet: bool):
    """Live pages a list or feed may show: on the intranet, what this user may open; on the
    public site, public pages only, whoever asks (a feed or list is the same for everyone)."""
    queryset = queryset.live()
    if intranet:
        return visible_to(queryset, request.user)
    return public_pages(queryset)


def visible_articles(index_page, request):
    """The articles of this news index that this request may list, newest first."""
    articles = NewsArticlePage.objects.child_of(index_page)
    return listable_pages(
        articles, request, intranet=is_intranet_page(index_page)
    ).order_by("-date", "-pk")


def prefetch_article_cards(articles):
    articles = list(articles)
    models.prefetch_related_objects(articles, "categories", "tags")
    prefetch_card_images(articles)
    return articles


def by_label(choices):
    """Choices in dictionary order: accents and capitals do not push a label to the end."""
    return sorted(choices, key=lambda choice: folded(str(choice[1])))


class NewsFilters(ListFilters):
    """The filters of a news list (its queryset: the articles it may show), offering only
    values that match some of them."""

    list_name = "news"
    paginated = True

    # One "All …" per filter: French says "Toutes les catégories" but "Tous les mots-clés".
    category = ChoiceFilter(label=_("Category"), field_name="categories__slug",
                            distinct=True, empty_label=_("All categories"))
    tag = ChoiceFilter(label=_("Tag"), field_name="tags__slug", distinct=True,
                       empty_label=_("All tags"))
    year = ChoiceFilter(label=_("Year"), field_name="date", lookup_expr="year",
                        empty_label=_("All years"))

    def __init__(self, data, queryset, **kwargs):
        super().__init__(data, queryset, **kwargs)
        # The categories, tags and years of the listed articles, in one query.
        articles = self.queryset.order_by()
        categories = (NewsCategory.objects.filter(news_articles__in=articles)
                      .order_by().annotate(kind=Value("category"))
                      .values_list("kind", "slug", "name"))
        tags = (Tag.objects.filter(pages_newsarticletag_items__content_object__in=articles)
                .order_by().annotate(kind=Value("tag")).values_list("kind", "slug", "name"))
        year = Cast(ExtractYear("date"), models.CharField())
        years = (articles.annotate(kind=Value("year"), year=year, year_label=year)
                 .values_list("kind", "year", "year_label"))
        choices = {"category": {}, "tag": {}, "year": {}}
        for kind, value, label in categories.union(tags, years):
            choices[kind][value] = label
        self.filters["category"].extra["choices"] = by_label(choices["category"].items())
        self.filters["tag"].extra["choices"] = by_label(choices["tag"].items())
        self.filters["year"].extra["choices"] = [
            (int(value), int(value)) for value in sorted(choices["year"], key=int, reverse=True)]


class NewsIndexPage(RoutablePageMixin, BasePage):
    """A list of news articles, with filters, RSS and Atom feeds."""

    page_description = _("The list of news articles, newest first, with filters and feeds.")

    parent_page_types = ["pages.HomePage", "pages.IntranetHomePage", "pages.StandardPage"]
    subpage_types = ["pages.NewsArticlePage"]
    template = "pages/news/news_index_page.html"

    class Meta:
        verbose_name = _("news index")

    def feed_links(self, request) -> list[dict]:
        """The feeds of this index, for <link rel="alternate"> and the visible links."""
        base = self.get_full_url(request)
        if not base:
            return []
        return [
            {"type": "application/rss+xml", "label": "RSS",
             "url": base + self.reverse_subpage("rss_feed").lstrip("/")},
            {"type": "application/atom+xml", "label": "Atom",
             "url": base + self.reverse_subpage("atom_feed").lstrip("/")},
        ]

    @path("")
    def index_route(self, request):
        filters = NewsFilters(request.GET, visible_articles(self, request), request=request)

        def render(page_obj):
            return self.render(request, context_overrides={
                "filters": filters,
                "page_obj": page_obj,
                "feeds": self.feed_links(request),
                "canonical_url": self.listing_canonical_url(request, page_obj),
            })

        try:
            page_obj = paginate(request, filters.qs, NEWS_PER_PAGE)
        except InvalidFilters as error:
            return answer_invalid_filters(request, error, render(None))
        page_obj.object_list = prefetch_article_cards(page_obj.object_list)
        return render(page_obj)

    def listing_canonical_url(self, request, page_obj) -> str:
        """Filtered lists point to the whole list; later pages of it keep their number."""
        url = self.get_full_url(request)
        if page_obj is not None and page_obj.number > 1 and not request.GET.keys() - {"page"}:
            url += f"?page={page_obj.number}"
        return url

    @path("rss/", name="rss_feed")
    def rss_feed(self, request):
        from pages.news.feeds import NewsRssFeed

        return NewsRssFeed(self)(request)

    @path("atom/", name="atom_feed")
    def atom_feed(self, request):
        from pages.news.feeds import NewsAtomFeed

        return NewsAtomFeed(self)(request)


class NewsArticleForm(BasePageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A page's categories come from its own language.
        if "categories" in self.fields and self.instance.locale_id:
            self.fields["categories"].queryset = NewsCategory.objects.filter(
                locale_id=self.instance.locale_id
            )


class NewsArticlePage(BodyPage):
    """A news article: dated, filed under categories and tags, with related links."""

    page_description = _("A news article, dated, with categories and tags; goes under a news list.")

    date = models.DateField(
        _("date"), default=timezone.localdate,
        help_text=_("Shown on the article and used to sort and filter the news."),
    )
    categories = ParentalManyToManyField(
        NewsCategory, verbose_name=_("categories"), blank=True, related_name="news_articles"
    )
    tags = ClusterTaggableManager(
        verbose_name=_("tags"), through=NewsArticleTag, blank=True,
        help_text=_("Keywords readers can follow to related news."),
    )
    related_links = StreamField(
        [("link", LinkBlock())], verbose_name=_("related links"), blank=True,
        help_text=_("Pages of this site or other sites to read next."),
    )

    parent_page_types = ["pages.NewsIndexPage"]
    subpage_types = []
    template = "pages/news/news_article_page.html"
    base_form_class = NewsArticleForm
    open_graph_type = "article"

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("listing_image"),
        MultiFieldPanel(
            [FieldPanel("categories", widget=forms.CheckboxSelectMultiple), FieldPanel("tags")],
            heading=_("Classification"),
        ),
        FieldPanel("body"),
        FieldPanel("related_links"),
    ]
    search_fields = [
        *BodyPage.search_fields,
        index.FilterField("date"),
        index.RelatedFields("categories", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    @cached_property
    def category_list(self) -> list[NewsCategory]:
        return list(self.categories.all())

    @cached_property
    def tag_list(self) -> list[Tag]:
        return list(self.tags.all())

    @cached_property
    def is_intranet(self) -> bool:
        return is_intranet_page(self)

    @property
    def published_at(self) -> datetime.datetime:
        """The article's date as a moment, for feeds and structured data."""
        return timezone.make_aware(datetime.datetime.combine(self.date, datetime.time.min))

    def open_graph_extra(self) -> list[tuple[str, str]]:
        properties = [("article:published_time", self.published_at.isoformat())]
        if self.last_published_at:
            properties.append(("article:modified_time", self.last_published_at.isoformat()))
        properties += [("article:section", category.name) for category in self.category_list]
        properties += [("article:tag", tag.name) for tag in self.tag_list]
        return properties

    def structured_data(self, request) -> dict:
        from pages.structured_data import news_article

        return news_article(self, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        index_page = self.get_parent()
        context.update({
            "index_page": index_page,
            "index_url": index_page.get_url(request),
            "related": self.visible_related_links(request),
            **self.neighbours(visible_articles(index_page, request)),
        })
        return context

    def neighbours(self, siblings) -> dict:
        """The next older and next more recent articles, in the list's order."""
        if self.pk is None:  # the preview of an article being written
            return {"previous_article": None, "next_article": None}
        older = Q(date__lt=self.date) | Q(date=self.date, pk__lt=self.pk)
        newer = Q(date__gt=self.date) | Q(date=self.date, pk__gt=self.pk)
        return {
            "previous_article": siblings.filter(older).first(),
            "next_article": siblings.filter(newer).order_by("date", "pk").first(),
        }

    def visible_related_links(self, request) -> list[dict]:
        """Related links a reader may follow: external ones, and the pages they may open."""
        from pages.base.models import visible_links

        return visible_links(self.related_links, request, intranet=self.is_intranet)
