"""What keeps the index current: the changes that can add, change or remove an entry.

Pages: publish, unpublish, delete, move, slug change (URLs), and privacy changes (a view
restriction added, changed or removed: the page and everything under it). Documents: saved
or deleted, or their collection moved or given another privacy (and the intranet collection
changed in the settings). Local events: saved (approved, marked full or cancelled,
unpublished) or deleted. A directorate renamed: the pages and documents restricted to its
staff. Synonyms: sent to Elasticsearch. Other apps' sources name the models they follow
(``Source.followed``: the directory's people, services and directorates).

Every handler only names the entries concerned (``indexing.schedule``); the task reads them
afresh after the commit. A draft saved (a page revision, an event's change) changes nothing
that is indexed, so it triggers nothing.
"""

from functools import partial

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from wagtail import signals as wagtail_signals
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from portal.models import Directorate, IntranetSettings
from search import indexing, registry


def page_keys(pages) -> list[str]:
    pages = list(pages)
    return [key for source in registry.sources() for key in source.keys_for_pages(pages)]


def schedule_page(page, *, descendants: bool = False):
    if descendants:
        pages = Page.objects.descendant_of(page, inclusive=True).only(
            "pk", "content_type_id", "path", "depth")
    else:
        pages = [page]
    indexing.schedule(page_keys(pages))


def _page_changed(sender, instance, **kwargs):
    schedule_page(instance)


def _page_subtree_changed(sender, instance, **kwargs):
    schedule_page(instance, descendants=True)


def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        indexing.schedule([f"page:{instance.pk}"])


def _page_restriction_changed(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        schedule_page(page, descendants=True)


def _page_restriction_groups_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and isinstance(instance, PageViewRestriction):
        _page_restriction_changed(sender, instance)


def document_source():
    return registry.source("document")


def _document_changed(sender, instance, **kwargs):
    if not kwargs.get("raw"):
        indexing.schedule([f"document:{instance.pk}"])


def _collections_changed(collections):
    source = document_source()
    if source is not None:
        indexing.schedule(source.keys_for_collections(collections))


def _collection_saved(sender, instance, **kwargs):
    if not kwargs.get("raw"):
        # Wagtail moves a collection after saving it, in the same transaction: read the
        # documents once it is committed.
        transaction.on_commit(partial(_collections_changed_later, instance.pk), robust=True)


def _collections_changed_later(collection_pk):
    collection = Collection.objects.filter(pk=collection_pk).first()
    if collection is not None:
        _collections_changed([collection])


def _collection_restriction_changed(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    collection = Collection.objects.filter(pk=instance.collection_id).first()
    if collection is not None:
        _collections_changed([collection])


def _collection_restriction_groups_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and isinstance(instance, CollectionViewRestriction):
        _collection_restriction_changed(sender, instance)


def _intranet_collection_changed(sender, instance, **kwargs):
    if not kwargs.get("raw"):
        _collections_changed([Collection.get_first_root_node()])


def _directorate_changed(sender, instance, **kwargs):
    """A directorate renamed (or its region changed): the entries that name it."""
    if kwargs.get("raw") or instance.staff_group_id is None:
        return
    restrictions = PageViewRestriction.objects.filter(groups=instance.staff_group_id)
    for restriction in restrictions.select_related("page"):
        schedule_page(restriction.page, descendants=True)
    if instance.collection_id:
        collection = Collection.objects.filter(pk=instance.collection_id).first()
        if collection is not None:
            _collections_changed([collection])


def _local_event_changed(sender, instance, **kwargs):
    if not kwargs.get("raw"):
        indexing.schedule([f"localevent:{instance.pk}"])


def _follower(keys):
    def changed(sender, instance, **kwargs):
        if not kwargs.get("raw"):
            indexing.schedule(keys(instance))

    return changed


def _synonyms_changed(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    from search.tasks import send_synonyms

    transaction.on_commit(send_synonyms.enqueue, robust=True)


def connect():
    uid = "relais-search-"
    wagtail_signals.page_published.connect(_page_changed, dispatch_uid=uid + "published")
    wagtail_signals.page_unpublished.connect(_page_changed, dispatch_uid=uid + "unpublished")
    wagtail_signals.post_page_move.connect(_page_subtree_changed, dispatch_uid=uid + "moved")
    wagtail_signals.page_slug_changed.connect(_page_subtree_changed, dispatch_uid=uid + "slug")
    post_delete.connect(_page_deleted, dispatch_uid=uid + "page-deleted")
    for signal in (post_save, post_delete):
        signal.connect(_page_restriction_changed, sender=PageViewRestriction,
                       dispatch_uid=f"{uid}page-restriction-{signal is post_save}")
        signal.connect(_collection_restriction_changed, sender=CollectionViewRestriction,
                       dispatch_uid=f"{uid}collection-restriction-{signal is post_save}")
        signal.connect(_document_changed, sender=get_document_model(),
                       dispatch_uid=f"{uid}document-{signal is post_save}")
    m2m_changed.connect(_page_restriction_groups_changed,
                        sender=PageViewRestriction.groups.through,
                        dispatch_uid=uid + "page-restriction-groups")
    m2m_changed.connect(_collection_restriction_groups_changed,
                        sender=CollectionViewRestriction.groups.through,
                        dispatch_uid=uid + "collection-restriction-groups")
    post_save.connect(_collection_saved, sender=Collection, dispatch_uid=uid + "collection")
    post_save.connect(_intranet_collection_changed, sender=IntranetSettings,
                      dispatch_uid=uid + "intranet-collection")
    post_save.connect(_directorate_changed, sender=Directorate, dispatch_uid=uid + "directorate")

    from events.models import LocalEvent
    from search.models import Synonym

    for signal in (post_save, post_delete):
        signal.connect(_local_event_changed, sender=LocalEvent,
                       dispatch_uid=f"{uid}local-event-{signal is post_save}")
        signal.connect(_synonyms_changed, sender=Synonym,
                       dispatch_uid=f"{uid}synonym-{signal is post_save}")
    wagtail_signals.unpublished.connect(_local_event_changed, sender=LocalEvent,
                                        dispatch_uid=uid + "local-event-unpublished")
    # What other apps' sources follow (``Source.followed``).
    for source in registry.sources():
        for number, (model, keys) in enumerate(source.followed()):
            handler = _follower(keys)
            # Before a deletion, while its relations are still there to read.
            for signal in (post_save, pre_delete):
                signal.connect(handler, sender=model, weak=False,
                               dispatch_uid=f"{uid}{source.name}-{number}-{signal is post_save}")
