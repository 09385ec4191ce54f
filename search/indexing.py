"""Writing the index: the database table of entries and, when configured, Elasticsearch.

Changes are collected per transaction (``schedule``) and handed to the task queue once it
commits (``update_entries``): a failing task or an unreachable Elasticsearch never blocks an
editor. The task reads each object afresh through its source: an object that may be indexed
gets its entry written, anything else (unpublished, deleted, made private behind a password,
a draft) is removed. What Elasticsearch could not take is marked ``elasticsearch_pending``
and sent again by ``search_index sync`` or the next change.

``rebuild`` recomputes every entry: the table, and new Elasticsearch indices whose aliases are
swapped in one request once they are full (no empty window), the old indices then deleted.
"""

import logging
from collections import defaultdict
from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from wagtail.search.backends import get_search_backend

from portal import database
from search import connection, registry
from search.index import alias_name, all_aliases, build_index, index_pattern, languages
from search.models import SearchEntry

logger = logging.getLogger(__name__)

CHUNK_SIZE = 200
DATABASE_BACKENDS = ("wagtail.search.backends.database", "modelsearch.backends.database")


# --- Collecting changes -----------------------------------------------------------------------

def schedule(keys):
    """Reindex these entries once the current transaction commits (at once outside one)."""
    keys = sorted({key for key in keys if key})
    if keys:
        transaction.on_commit(partial(enqueue, keys), robust=True)


def enqueue(keys):
    for start in range(0, len(keys), CHUNK_SIZE):
        chunk = keys[start:start + CHUNK_SIZE]
        try:
            update_entries.enqueue(chunk)
        except Exception:  # the queue refused: the next rebuild catches up
            logger.exception("Could not queue the search index update of %s.", chunk)


@task()
def update_entries(keys: list[str]) -> int:
    """The task: write or remove these entries. Returns how many were written."""
    entries = entries_for_keys(keys)
    write(entries)
    return sum(1 for entry in entries.values() if entry is not None)


# --- From keys to entries ---------------------------------------------------------------------

def entries_for_keys(keys) -> dict[str, registry.Entry | None]:
    """Every key with its entry, or None when it must leave the index."""
    by_source = defaultdict(list)
    for key in keys:
        name, _sep, pk = key.partition(":")
        by_source[name].append(pk)
    found: dict[str, registry.Entry | None] = dict.fromkeys(keys)
    for name, pks in by_source.items():
        source = registry.source(name)
        if source is None:
            continue
        objects = list(source.indexable().filter(pk__in=pks))
        for entry in source.entries(objects):
            found[entry.key] = entry
    return found


def all_entries(chunk_size: int = CHUNK_SIZE):
    """Every entry of every source, in chunks (lists of entries)."""
    for source in registry.sources():
        queryset = source.indexable().order_by("pk")
        pks = list(queryset.values_list("pk", flat=True))
        for start in range(0, len(pks), chunk_size):
            objects = list(queryset.filter(pk__in=pks[start:start + chunk_size]))
            yield list(source.entries(objects))


# --- The database -----------------------------------------------------------------------------

def database_backend_name() -> str:
    """The WAGTAILSEARCH_BACKENDS entry that is Wagtail's database search."""
    for name, params in settings.WAGTAILSEARCH_BACKENDS.items():
        if params.get("BACKEND", "").startswith(DATABASE_BACKENDS):
            return name
    return "default"


def database_backend():
    return get_search_backend(database_backend_name())


def write_database(entries: dict, *, pending: bool) -> list[SearchEntry]:
    """Store the rows of these entries (and remove the others), then index them in
    Wagtail's database search."""
    backend = database_backend()
    removed = [key for key, entry in entries.items() if entry is None]
    if removed:
        for row in SearchEntry.objects.filter(key__in=removed):
            backend.delete(row)
            row.delete()
    existing = {row.key: row for row in
                SearchEntry.objects.filter(key__in=[key for key, entry in entries.items()
                                                    if entry is not None])}
    rows = []
    for key, entry in entries.items():
        if entry is None:
            continue
        row = existing.get(key) or SearchEntry(key=key)
        for name, value in SearchEntry.values_from(entry).items():
            setattr(row, name, value)
        row.elasticsearch_pending = pending
        row.save()
        rows.append(row)
    if rows:
        backend.add_bulk(SearchEntry, rows)
    return rows


# --- Elasticsearch ----------------------------------------------------------------------------

def target_aliases(entry: registry.Entry) -> list[str]:
    """The aliases an entry is written to: its site's, in its language or (documents) all."""
    if entry.language:
        return [alias_name(entry.site, entry.language)]
    return [alias_name(entry.site, language) for language in languages()]


def bulk_operations(entries: dict, aliases: list[str] | None = None) -> list[dict]:
    """The body of a ``_bulk`` request: each entry indexed in its aliases and deleted from
    the others (a page moved to the intranet leaves the public index)."""
    aliases = aliases or all_aliases()
    now = timezone.now().isoformat()
    operations = []
    for key, entry in sorted(entries.items()):
        targets = target_aliases(entry) if entry is not None else []
        for alias in aliases:
            if alias in targets:
                operations += [{"index": {"_index": alias, "_id": key}},
                               {**entry.as_document(), "indexed_at": now}]
            else:
                operations.append({"delete": {"_index": alias, "_id": key}})
    return operations


_ensured: set[str] = set()


def ensure_indices(client):
    """Create the aliases (with a first index each) that do not exist yet."""
    from search.synonyms import push_synonyms

    missing = [alias for alias in all_aliases() if alias not in _ensured
               and not client.indices.exists_alias(name=alias)]
    if missing:
        push_synonyms(client, reload=False)
    for alias in missing:
        site, language = alias.removeprefix(settings.SEARCH_INDEX_PREFIX + "-").split("-", 1)
        create_index(client, site, language, alias=True)
    _ensured.update(all_aliases())


def create_index(client, site: str, language: str, *, alias: bool = False) -> str:
    name = f"{alias_name(site, language)}-{timezone.now():%Y%m%d%H%M%S%f}"
    body = build_index(name).to_dict()
    if alias:
        body["aliases"] = {alias_name(site, language): {"is_write_index": True}}
    client.indices.create(index=name, **body)
    return name


def write_elasticsearch(entries: dict, client=None) -> bool:
    """Send these entries to Elasticsearch; False when it failed (logged, circuit opened)."""
    client = client or connection.get_client()
    if client is None or not entries:
        return True
    try:
        ensure_indices(client)
        response = client.bulk(operations=bulk_operations(entries), refresh=False,
                               require_alias=True)
    except connection.FAILURES as error:
        connection.record_failure(error, "indexing")
        return False
    failed = [item for item in response.get("items", []) for action, result in item.items()
              if result.get("status", 200) >= 300
              and not (action == "delete" and result.get("status") == 404)]
    if failed:
        logger.warning("Elasticsearch refused %d operations of an index update: %s",
                       len(failed), failed[:3])
        return False
    return True


def write(entries: dict, client=None):
    """Write entries everywhere: the database first, then Elasticsearch when configured."""
    if not entries:
        return
    configured = connection.configured()
    with transaction.atomic():
        write_database(entries, pending=configured)
    # While the circuit is open the entries wait in the table (pending) for the next sync.
    if configured and (client or connection.available()) and write_elasticsearch(entries,
                                                                                 client):
        SearchEntry.objects.filter(key__in=list(entries)).update(elasticsearch_pending=False)


def sync_pending(client=None) -> int:
    """Send again to Elasticsearch the entries it missed. Returns how many were sent."""
    keys = list(SearchEntry.objects.filter(elasticsearch_pending=True)
                .values_list("key", flat=True))
    sent = 0
    for start in range(0, len(keys), CHUNK_SIZE):
        chunk = keys[start:start + CHUNK_SIZE]
        entries = entries_for_keys(chunk)
        if not write_elasticsearch(entries, client):
            break
        SearchEntry.objects.filter(key__in=chunk).update(elasticsearch_pending=False)
        sent += len(chunk)
    return sent


# --- Rebuilding ------------------------------------------------------------------------------

def rebuild(client=None, *, stdout=None) -> dict:
    """Recompute every entry into the table and, with Elasticsearch, into new indices whose
    aliases are then swapped. Returns counts per alias."""
    from search.synonyms import push_synonyms

    client = client or connection.get_client()
    say = stdout.write if stdout else (lambda _text: None)
    new_indices = {}
    if client is not None:
        push_synonyms(client, reload=False)
        for alias in all_aliases():
            site, language = alias.removeprefix(settings.SEARCH_INDEX_PREFIX + "-").split("-", 1)
            new_indices[alias] = create_index(client, site, language)
            say(f"Created {new_indices[alias]}")
    counts = defaultdict(int)
    started = timezone.now()
    for chunk in all_entries():
        entries = {entry.key: entry for entry in chunk}
        with transaction.atomic():
            write_database(entries, pending=False)
        for entry in chunk:
            for alias in target_aliases(entry):
                counts[alias] += 1
        if client is not None and entries:
            operations = []
            for key, entry in entries.items():
                for alias in target_aliases(entry):
                    operations += [{"index": {"_index": new_indices[alias], "_id": key}},
                                   {**entry.as_document(),
                                    "indexed_at": timezone.now().isoformat()}]
            client.bulk(operations=operations, refresh=False)
    # Rows not written by this rebuild (indexed_at is set on every save) are stale.
    stale = SearchEntry.objects.filter(indexed_at__lt=started)
    backend = database_backend()
    for row in stale:
        backend.delete(row)
    stale.delete()
    refresh_statistics()
    if client is not None:
        swap_aliases(client, new_indices)
        _ensured.update(new_indices)
    say("Indexed: " + ", ".join(f"{alias} {counts[alias]}" for alias in all_aliases()))
    return dict(counts)


def refresh_statistics():
    """Let the database's query planner know the tables' sizes again. Without statistics,
    SQLite reads Wagtail's index entry by entry and runs the full-text match for each one
    (a search then takes 30 times longer)."""
    from wagtail.search.models import IndexEntry

    database.refresh_statistics([IndexEntry, SearchEntry])


def swap_aliases(client, new_indices: dict[str, str]):
    """Point each alias at its new index in one request, then delete the old indices."""
    current = client.indices.get_alias(index=index_pattern(), allow_no_indices=True,
                                       ignore_unavailable=True)
    old = {name for name, info in current.body.items()
           if set(info.get("aliases", {})) & set(new_indices)}
    actions = [{"remove": {"index": name, "alias": alias}} for name, info in current.body.items()
               for alias in info.get("aliases", {}) if alias in new_indices]
    actions += [{"add": {"index": index, "alias": alias, "is_write_index": True}}
                for alias, index in new_indices.items()]
    client.indices.refresh(index=",".join(new_indices.values()))
    client.indices.update_aliases(actions=actions)
    old -= set(new_indices.values())
    if old:
        client.indices.delete(index=",".join(sorted(old)))
