"""The library page's list (filters by type, owning service, year and directorate, newest
first) and the downloads: the current file of a document for its readers, an earlier
version for editors."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from pages.library.models import DocumentKind, ReferenceDocument
from portal.filters import (
    ChoiceFilter,
    InvalidFilters,
    ListFilters,
    ModelChoiceFilter,
    answer_invalid_filters,
)
from portal.listing import paginate
from portal.media import may_manage, serve_document
from portal.models import Directorate


class LibraryFilters(ListFilters):
    list_name = "library"
    paginated = True

    kind = ChoiceFilter(label=_("Type"), choices=DocumentKind.choices,
                        empty_label=_("All types"))
    service = ChoiceFilter(label=_("Owning service"), field_name="owner_service",
                           empty_label=_("All services"))
    year = ChoiceFilter(label=_("Year"), field_name="date", lookup_expr="year",
                        empty_label=_("All years"))
    directorate = ModelChoiceFilter(
        label=_("Directorate"), to_field_name="slug", queryset=Directorate.objects.all(),
        empty_label=_("All directorates"), method="for_directorate")

    def __init__(self, data, queryset, **kwargs):
        super().__init__(data, queryset, **kwargs)
        documents = self.queryset.order_by()
        self.filters["service"].extra["choices"] = [
            (name, name) for name in documents.values_list("owner_service", flat=True)
            .distinct().order_by("owner_service")]
        self.filters["year"].extra["choices"] = [
            (day.year, day.year) for day in documents.dates("date", "year", order="DESC")]

    def for_directorate(self, queryset, name, value):
        """The documents that apply to this directorate: its own and the network's."""
        return queryset.filter(Q(directorates=value) | Q(directorates=None)).distinct()


def readable_documents(user):
    return ReferenceDocument.objects.for_reader(user)


def library_response(page, request):
    documents = readable_documents(request.user).select_related("document")
    filters = LibraryFilters(request.GET, documents, request=request)
    response = TemplateResponse(request, page.get_template(request), {
        **page.get_context(request), "filters": filters,
        "may_manage": request.user.has_perm("pages.change_referencedocument")})
    try:
        listed = filters.qs.order_by("-date", "title").prefetch_related("directorates")
    except InvalidFilters as invalid:
        response.context_data["page_obj"] = paginate(request, documents.none(), page.per_page)
        return answer_invalid_filters(request, invalid, response)
    response.context_data["page_obj"] = paginate(request, listed, page.per_page)
    return response


def _intranet_document(request, pk):
    if not getattr(request, "is_intranet", False):
        raise Http404("The library is on the intranet only.")
    reference = get_object_or_404(ReferenceDocument.objects.select_related(
        "document__collection"), pk=pk)
    if not readable_documents(request.user).filter(pk=pk).exists():
        raise PermissionDenied("This document is for the staff of other directorates.")
    return reference


def download(request, pk):
    """The document's one link: always its current file."""
    reference = _intranet_document(request, pk)
    return serve_document(request, reference.document_id, reference.document.filename)


def download_version(request, pk, number):
    """An earlier file, for those who manage the library's files."""
    reference = _intranet_document(request, pk)
    version = get_object_or_404(reference.versions.select_related("document__collection"),
                                number=number)
    if not may_manage(request.user, version.document):
        raise PermissionDenied("Earlier versions are for editors.")
    return serve_document(request, version.document_id, version.document.filename)
