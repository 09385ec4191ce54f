"""The database side of search: every entry of the index as a row (what the database search
answers from, with or without Elasticsearch), and the synonyms editors manage."""

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from search import text
from search.registry import EVERYONE, GROUPS, STAFF, Entry


def group_keys(groups) -> str:
    """Group ids as one text the database can filter with ``contains``: ``"|3|7|"``."""
    return "|" + "".join(f"{int(group)}|" for group in sorted(set(groups))) if groups else ""


class SearchEntry(index.Indexed, models.Model):
    """One entry of the index (``search.registry.Entry``), searched by Wagtail's database
    search (SQLite FTS5, PostgreSQL full-text search) when Elasticsearch is not configured
    or does not answer. Written by the indexing task, never by hand."""

    VISIBILITIES = [(EVERYONE, _("everyone")), (STAFF, _("staff")), (GROUPS, _("groups"))]

    key = models.CharField(max_length=100, unique=True)
    type = models.CharField(max_length=40)
    site = models.CharField(max_length=10)
    language = models.CharField(max_length=10, blank=True)
    heading = models.CharField(max_length=500)  # the title, as shown
    # The words of the title as the database search reads them, between spaces
    # (" abbaye beauport "): ranks the entries whose title has the words typed first.
    title_stems = models.CharField(max_length=1000, blank=True)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    tags = models.TextField(blank=True)
    url = models.CharField(max_length=1000)
    section = models.CharField(max_length=255, blank=True)
    visibility = models.CharField(max_length=10, choices=VISIBILITIES)
    group_keys = models.CharField(max_length=500, blank=True)
    directorate = models.CharField(max_length=100, blank=True)
    region = models.CharField(max_length=100, blank=True)
    department = models.CharField(max_length=100, blank=True)
    date = models.DateTimeField(null=True, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    start = models.DateTimeField(null=True, blank=True)
    end = models.DateTimeField(null=True, blank=True)
    indexed_at = models.DateTimeField(auto_now=True)
    # Written to the database but not (yet) to Elasticsearch, which was down: pushed again by
    # ``search_index sync`` (and by any later update of the entry).
    elasticsearch_pending = models.BooleanField(default=False)

    # The database search reads the words in the form search.text gives them (folded, light
    # stems, no stop words); "title" is what Wagtail's database backends rank highest.
    search_fields = [
        index.SearchField("title", boost=5),
        index.SearchField("stems"),
        index.AutocompleteField("autocomplete"),
        index.FilterField("key"),
        index.FilterField("type"),
        index.FilterField("site"),
        index.FilterField("language"),
        index.FilterField("visibility"),
        index.FilterField("group_keys"),
        index.FilterField("directorate"),
        index.FilterField("region"),
        index.FilterField("department"),
        index.FilterField("year"),
        index.FilterField("date"),
    ]
    # Indexed by the search app's task only, into the database backend only.
    search_auto_update = False

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        indexes = [models.Index(fields=["site", "language", "visibility"])]

    def __str__(self):
        return self.heading

    @property
    def title(self) -> str:
        return self.title_stems.strip()

    @property
    def stems(self) -> str:
        return " ".join(text.stems(" ".join((self.tags, self.summary, self.body))))

    @property
    def autocomplete(self) -> str:
        return " ".join(text.words(self.heading))

    @classmethod
    def values_from(cls, entry: Entry) -> dict:
        return {
            "type": entry.type, "site": entry.site, "language": entry.language,
            "heading": entry.title[:500],
            "title_stems": f" {text.stem_text(entry.title)} "[:1000],
            "summary": entry.summary, "body": entry.body,
            "tags": " ".join(entry.tags), "url": entry.url[:1000], "section": entry.section[:255],
            "visibility": entry.visibility, "group_keys": group_keys(entry.groups),
            "directorate": entry.directorate[:100], "region": entry.region[:100],
            "department": entry.department[:100],
            "date": _moment(entry.date), "year": entry.year,
            "start": _moment(entry.start), "end": _moment(entry.end),
        }


def _moment(value):
    """Dates stored as moments: midnight in the current time zone."""
    if value is None or isinstance(value, dt.datetime):
        return value
    return timezone.make_aware(dt.datetime.combine(value, dt.time()))


# --- What visitors search --------------------------------------------------------------------

class QuerySiteDay(models.Model):
    """How often a query (search_promotions' ``Query``, which also counts it per day in
    ``QueryDailyHits``) was searched on one site on one day, how often it found nothing, and
    how many results it found the last time. Nothing about who searched."""

    SITES = [("public", _("Public website")), ("intranet", _("Intranet"))]

    query = models.ForeignKey("wagtailsearchpromotions.Query", verbose_name=_("query"),
                              on_delete=models.CASCADE, related_name="site_days")
    site = models.CharField(_("site"), max_length=10, choices=SITES)
    date = models.DateField(_("date"))
    searches = models.PositiveIntegerField(_("searches"), default=0)
    without_results = models.PositiveIntegerField(_("searches without results"), default=0)
    last_results = models.PositiveIntegerField(_("results of the last search"), default=0)

    class Meta:
        verbose_name = _("searches of a query")
        verbose_name_plural = _("searches of the queries")
        constraints = [models.UniqueConstraint(fields=["query", "site", "date"],
                                               name="search_one_count_per_query_site_day")]

    def __str__(self):
        return f"{self.query} ({self.site}, {self.date})"


# --- Synonyms ---------------------------------------------------------------------------------

# A synonym rule is words separated by commas; the characters the rules' own syntax (Solr's)
# gives a meaning to are refused rather than escaped.
FORBIDDEN_IN_SYNONYMS = re.compile(r"[=>#\\]")


class Synonym(models.Model):
    """Words that mean the same thing in a search ("JEP" = "Journées européennes du
    patrimoine"). Searching any of them finds the others; a change takes effect at once,
    without rebuilding the index."""

    terms = models.CharField(
        _("equivalent terms"), max_length=500,
        help_text=_("Two or more words or expressions separated by commas, for example: "
                    "JEP, Journées européennes du patrimoine."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [FieldPanel("terms")]

    class Meta:
        verbose_name = _("synonym")
        verbose_name_plural = _("synonyms")
        ordering = ["terms"]

    def __str__(self):
        return ", ".join(self.term_list)

    @property
    def term_list(self) -> list[str]:
        return [" ".join(term.split()) for term in self.terms.split(",") if term.strip()]

    def clean(self):
        if FORBIDDEN_IN_SYNONYMS.search(self.terms):
            raise ValidationError({"terms": _("Use only words separated by commas.")})
        if len(set(map(str.casefold, self.term_list))) < 2:
            raise ValidationError({"terms": _("Give at least two different terms.")})
        self.terms = ", ".join(self.term_list)

    def rule(self) -> str:
        """The rule in the synonyms set (Solr's format)."""
        return ", ".join(self.term_list)
