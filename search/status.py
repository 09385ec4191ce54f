"""``search_index status``: does the index hold what the content gives?

Three lists of keys are compared for each site and language: what the content gives (every
source's ``indexable`` objects), the database table of entries, and, with Elasticsearch, the
documents of each alias. Any difference is listed (``missing``: should be there and is not;
``extra``: is there and should not be).
"""

import dataclasses
from collections import defaultdict

from elasticsearch.helpers import scan

from search import connection, registry
from search.index import alias_name, all_aliases, languages
from search.models import SearchEntry


@dataclasses.dataclass
class Comparison:
    name: str  # "database" or an alias
    expected: set
    found: set

    @property
    def missing(self) -> list[str]:
        return sorted(self.expected - self.found)

    @property
    def extra(self) -> list[str]:
        return sorted(self.found - self.expected)


@dataclasses.dataclass
class Report:
    content: int
    comparisons: list[Comparison]
    pending: int
    error: str = ""

    @property
    def in_order(self) -> bool:
        return not self.error and not self.pending and all(
            not item.missing and not item.extra for item in self.comparisons)


def content_keys() -> set[str]:
    return {f"{source.name}:{pk}" for source in registry.sources()
            for pk in source.indexable().values_list("pk", flat=True)}


def table_keys_by_alias() -> dict[str, set]:
    by_alias = defaultdict(set)
    for key, site, language in SearchEntry.objects.values_list("key", "site", "language"):
        for code in ([language] if language else languages()):
            by_alias[alias_name(site, code)].add(key)
    return by_alias


def compare(client=None) -> Report:
    expected = content_keys()
    table = set(SearchEntry.objects.values_list("key", flat=True))
    comparisons = [Comparison("database", expected, table)]
    report = Report(len(expected), comparisons,
                    SearchEntry.objects.filter(elasticsearch_pending=True).count())
    client = client or connection.get_client()
    if client is None:
        return report
    by_alias = table_keys_by_alias()
    try:
        for alias in all_aliases():
            found = {hit["_id"] for hit in scan(client, index=alias, _source=False,
                                                query={"query": {"match_all": {}}})}
            comparisons.append(Comparison(alias, by_alias.get(alias, set()), found))
    except connection.FAILURES as error:
        report.error = f"Elasticsearch did not answer: {error}"
    return report


def describe(report: Report, limit: int = 20) -> list[str]:
    lines = [f"Content: {report.content} entries."]
    for item in report.comparisons:
        state = "in order" if not item.missing and not item.extra else "differs"
        lines.append(f"{item.name}: {len(item.found)} entries, {state}.")
        for label, keys in (("missing", item.missing), ("extra", item.extra)):
            if keys:
                shown = ", ".join(keys[:limit]) + (" …" if len(keys) > limit else "")
                lines.append(f"  {label} ({len(keys)}): {shown}")
    if report.pending:
        lines.append(f"Waiting to be sent to Elasticsearch: {report.pending} "
                     "(manage.py search_index sync).")
    if report.error:
        lines.append(report.error)
    return lines
