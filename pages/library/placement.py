"""Where a library document's files live, so that the portal's checked downloads give them to
the right readers, and the versions kept when a file is replaced.

- network-wide: the intranet's collection (staff of every directorate);
- one directorate: its own collection (restricted to its staff group);
- several: a collection inside the intranet's, restricted to their staff groups, created once
  per set of directorates.
"""

from django.db.models import Max
from django.db.models.signals import m2m_changed
from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction

from portal.models import IntranetSettings

SHARED_PREFIX = "Bibliothèque – "


def intranet_collection() -> Collection:
    return IntranetSettings.load().intranet_collection or Collection.get_first_root_node()


def collection_for(directorates) -> Collection:
    directorates = sorted(directorates, key=lambda directorate: directorate.short_name)
    if not directorates:
        return intranet_collection()
    if len(directorates) == 1:
        return directorates[0].collection
    parent = intranet_collection()
    name = SHARED_PREFIX + " + ".join(directorate.short_name for directorate in directorates)
    collection = parent.get_children().filter(name=name).first()
    if collection is None:
        collection = parent.add_child(name=name)
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=BaseViewRestriction.GROUPS)
        restriction.groups.set([directorate.staff_group for directorate in directorates])
    return collection


def place_files(reference_document):
    """Move the current file and the earlier versions to the collection of their readers."""
    collection = collection_for(reference_document.directorates.select_related(
        "collection", "staff_group"))
    documents = [reference_document.document, *(
        version.document for version in reference_document.versions.select_related("document"))]
    for document in documents:
        if document.collection_id != collection.pk:
            document.collection = collection
            document.save(update_fields=["collection"])


def keep_replaced_file(reference_document, previous_document_id):
    """The file just replaced becomes the latest earlier version."""
    from pages.library.models import ReferenceDocumentVersion

    last = reference_document.versions.aggregate(last=Max("number"))["last"] or 0
    ReferenceDocumentVersion.objects.create(reference_document=reference_document,
                                            document_id=previous_document_id, number=last + 1)


def _directorates_changed(sender, instance, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"}:
        place_files(instance)


def connect_signals():
    from pages.library.models import ReferenceDocument

    m2m_changed.connect(_directorates_changed, sender=ReferenceDocument.directorates.through,
                        dispatch_uid="library-directorates-changed")
