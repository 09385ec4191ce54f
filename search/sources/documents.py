"""Documents of the library, with the privacy of their collection (``portal.media``).

A document in the intranet collection (or under it) is an intranet result: seen by the
staff, or by the groups its collection's privacy names (each directorate's collection). A
document in a collection restricted to groups elsewhere is seen by those groups; restricted
to signed-in users, by the staff; behind a password, by nobody (not indexed). The text of a
PDF is indexed when pypdf can extract it (at most ``MAX_PDF_PAGES`` pages).
"""

import logging

from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.models import BaseViewRestriction, CollectionViewRestriction

from portal.media import intranet_collection_path
from portal.models import Directorate
from portal.sites import intranet_url, public_url
from search.registry import EVERYONE, GROUPS, STAFF, Entry, Source, register, register_type

logger = logging.getLogger(__name__)

MAX_PDF_PAGES = 200
MAX_PDF_CHARACTERS = 200_000


def pdf_text(document) -> str:
    """The text of a PDF document, or "" when it has none that can be read (a scan, an
    encrypted or damaged file)."""
    if not document.file or not document.file.name.lower().endswith(".pdf"):
        return ""
    from pypdf import PdfReader

    parts, length = [], 0
    try:
        with document.file.open("rb") as handle:
            reader = PdfReader(handle)
            if reader.is_encrypted:
                return ""
            for page in reader.pages[:MAX_PDF_PAGES]:
                text = " ".join((page.extract_text() or "").split())
                parts.append(text)
                length += len(text)
                if length >= MAX_PDF_CHARACTERS:
                    break
    except Exception as error:  # pypdf raises many kinds of errors on damaged files
        logger.info("No text extracted from document %s: %s", document.pk, error)
        return ""
    return " ".join(part for part in parts if part)[:MAX_PDF_CHARACTERS]


class CollectionPrivacy:
    """Every collection restriction and directorate collection, read once."""

    def __init__(self):
        self.restrictions = list(CollectionViewRestriction.objects.select_related("collection")
                                 .prefetch_related("groups"))
        self.intranet_path = intranet_collection_path()
        self.directorates = list(Directorate.objects.select_related("collection")
                                 .exclude(collection=None))

    def of(self, collection):
        """(site, visibility, group ids, directorate) or None (a password)."""
        path = collection.path
        above = [item for item in self.restrictions if path.startswith(item.collection.path)]
        if any(item.restriction_type == BaseViewRestriction.PASSWORD for item in above):
            return None
        site = ("intranet" if self.intranet_path and path.startswith(self.intranet_path)
                else "public")
        directorate = next((item for item in self.directorates
                            if path.startswith(item.collection.path)), None)
        group_sets = [{group.id for group in item.groups.all()} for item in above
                      if item.restriction_type == BaseViewRestriction.GROUPS]
        if group_sets:
            return site, GROUPS, sorted(set.intersection(*group_sets)), directorate
        if above or site == "intranet":
            return site, STAFF, [], directorate
        return site, EVERYONE, [], directorate


class DocumentSource(Source):
    name = "document"

    @property
    def model(self):
        return get_document_model()

    def indexable(self):
        documents = get_document_model().objects.all()
        for path in CollectionViewRestriction.objects.filter(
                restriction_type=BaseViewRestriction.PASSWORD).values_list("collection__path",
                                                                           flat=True):
            documents = documents.exclude(collection__path__startswith=path)
        return documents

    def entries(self, objects):
        privacy = CollectionPrivacy()
        documents = (get_document_model().objects.filter(pk__in=[item.pk for item in objects])
                     .select_related("collection").prefetch_related("tags"))
        for document in documents:
            seen_by = privacy.of(document.collection)
            if seen_by is None:
                continue
            site, visibility, groups, directorate = seen_by
            url = (intranet_url if site == "intranet" else public_url)(document.url)
            yield Entry(
                key=self.key(document), type="document", title=document.title,
                site=site, language="", url=url,
                body=pdf_text(document), tags=[tag.name for tag in document.tags.all()],
                visibility=visibility, groups=groups,
                directorate=directorate.short_name if directorate else "",
                region=directorate.region_name if directorate else "",
                date=document.created_at, section=document.collection.name,
            )

    def keys_for_collections(self, collections) -> list[str]:
        """Keys of the documents in these collections and their sub-collections."""
        from django.db.models import Q

        within = Q(pk__in=[])
        for collection in collections:
            within |= Q(collection__path__startswith=collection.path)
        return [f"{self.name}:{pk}" for pk in
                get_document_model().objects.filter(within).values_list("pk", flat=True)]


register_type("document", _("Document"), _("Documents"))
register(DocumentSource())
