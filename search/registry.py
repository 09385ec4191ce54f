"""What is searchable: each app registers its *sources* here, and the types of result they give.

A ``Source`` knows one kind of object (pages, documents, local events…): which of them may be
indexed at all (``indexable``: never a draft, a page scheduled for later, a question, a
registration or a paper-copy request), and the ``Entry`` each of them gives: the same fields
for everything (title, summary, body, type, site, who may see it, directorate, region,
department, dates, language, tags, URL). The index (Elasticsearch and the database table
``search.SearchEntry``) only ever holds entries; the search app never reads the objects
themselves to answer a query.

The search app registers the pages of both sites, documents and the events' sources itself
(``search/sources/``). Another app adds its own in a module ``<app>/search_index.py``, found
when Django starts::

    from search.registry import Source, register, register_type

    register_type("logo", _("Logo"), _("Logos"))

    class LogoSource(Source):
        name = "logo"
        model = Logo
        def indexable(self): ...
        def entries(self, objects): ...
        def followed(self):  # saved or deleted: these entries are read again
            return [(Logo, lambda logo: [self.key(logo)])]

    register(LogoSource())

Page types are not sources: ``register_page_type(model, type, date=…, extra=…)`` says which
type a page model's entries have and how to read its date and any other field.
"""

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable

from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _

EVERYONE, STAFF, GROUPS = "everyone", "staff", "groups"


@dataclasses.dataclass
class Entry:
    """One searchable thing, as the index holds it."""

    key: str  # "<source>:<pk>", the id of the document in every index
    type: str  # a registered type: "page", "news", "document", "event"…
    title: str
    site: str  # "public" or "intranet"
    language: str  # a language code, or "" for every language (documents)
    url: str  # absolute
    summary: str = ""
    body: str = ""
    tags: list[str] = dataclasses.field(default_factory=list)
    visibility: str = EVERYONE
    groups: list[int] = dataclasses.field(default_factory=list)
    directorate: str = ""
    region: str = ""
    department: str = ""
    date: dt.datetime | dt.date | None = None
    start: dt.datetime | dt.date | None = None
    end: dt.datetime | dt.date | None = None
    section: str = ""

    @property
    def source(self) -> str:
        return self.key.partition(":")[0]

    @property
    def pk(self) -> str:
        return self.key.partition(":")[2]

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None

    def as_document(self) -> dict:
        """The ``_source`` of its Elasticsearch document."""
        return {
            "title": self.title, "summary": self.summary, "body": self.body,
            "tags": list(self.tags), "type": self.type, "site": self.site,
            "language": self.language, "section": self.section, "url": self.url,
            "visibility": self.visibility, "groups": [str(group) for group in self.groups],
            "directorate": self.directorate or None, "region": self.region or None,
            "department": self.department or None,
            "date": _iso(self.date), "year": self.year,
            "start": _iso(self.start), "end": _iso(self.end),
        }


def _iso(value):
    return value.isoformat() if value else None


@dataclasses.dataclass(frozen=True)
class ResultType:
    name: str
    label: str
    plural: str


@dataclasses.dataclass(frozen=True)
class PageType:
    type: str
    date: Callable | None = None  # page -> date
    extra: Callable | None = None  # (page, entry) -> None, fills more fields


class Source:
    """One kind of indexed object. Subclasses set ``name`` and ``model`` and define
    ``indexable`` and ``entries``."""

    name: str = ""
    model = None

    def indexable(self):
        """A queryset of every object that may be in the index, and nothing else."""
        raise NotImplementedError

    def entries(self, objects) -> Iterable[Entry]:
        """The entries of these objects (taken from ``indexable``); an object that gives none
        (a page behind a password…) is left out of the index."""
        raise NotImplementedError

    def key(self, obj) -> str:
        return f"{self.name}:{obj.pk}"

    def keys_for_pages(self, pages) -> list[str]:
        """Keys of this source's entries that depend on these pages (their site, privacy or
        publication): reindexed with them. None by default."""
        return []

    def followed(self) -> list[tuple[type, Callable]]:
        """``(model, keys)`` pairs: when an object of ``model`` is saved or deleted, the
        entries ``keys(obj)`` names are read again after the commit (``search.signals``),
        like a page published. None by default (the search app follows pages, documents and
        local events itself)."""
        return []


_sources: dict[str, Source] = {}
_types: dict[str, ResultType] = {}
_page_types: dict[type, PageType] = {}


def register(source: Source) -> Source:
    _sources[source.name] = source
    return source


def sources() -> list[Source]:
    return list(_sources.values())


def source(name: str) -> Source | None:
    return _sources.get(name)


def sources_for(model) -> list[Source]:
    return [item for item in _sources.values()
            if item.model is not None and issubclass(model, item.model)]


def register_type(name: str, label, plural) -> ResultType:
    _types[name] = ResultType(name, label, plural)
    return _types[name]


def result_types() -> dict[str, ResultType]:
    return dict(_types)


def type_label(name: str) -> str:
    result_type = _types.get(name)
    return str(result_type.label) if result_type else name


def register_page_type(model, type: str, *, date=None, extra=None):
    _page_types[model] = PageType(type, date, extra)


def page_type(model) -> PageType:
    for klass in model.__mro__:
        if klass in _page_types:
            return _page_types[klass]
    return PageType("page")


register_type("page", _("Page"), _("Pages"))


def autodiscover():
    """The search app's own sources, then each app's ``search_index`` module."""
    import search.sources  # noqa: F401

    autodiscover_modules("search_index")
