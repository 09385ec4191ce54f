"""What the publication pages do besides showing themselves: the listing filters, the
paper-copy request form and the officer's notification, and their schema.org description."""

import logging

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from pages.publications.models import (
    DownloadCount,
    PaperCopyRequest,
    PublicationCollection,
    PublicationFormat,
    PublicationType,
)
from portal.antispam import HoneypotFormMixin, RateLimit, handle_public_form
from portal.filters import ChoiceFilter, InvalidFilters, ListFilters, ModelChoiceFilter
from portal.listing import paginate
from portal.models import SiteIdentity
from portal.outbox.sending import queue_email
from portal.sites import admin_edit_url
from portal.visitors import first_time_today, is_declared_robot

logger = logging.getLogger(__name__)

PAPER_COPY_RATE_LIMIT = RateLimit("paper-copy", limit=5, period=60 * 60)


# --- Listing filters --------------------------------------------------------------------------

class PublicationFilters(ListFilters):
    """The filters of a publication list (its queryset: the publications it may show),
    offering only the years and collections in use."""

    list_name = "publications"
    paginated = True

    type = ChoiceFilter(label=_("Type"), field_name="publication_type",
                        choices=PublicationType.choices,
                        empty_label=_("All types"))
    year = ChoiceFilter(label=_("Year"), field_name="publication_date",
                        lookup_expr="year", empty_label=_("All years"))
    collection = ModelChoiceFilter(label=_("Collection"), to_field_name="slug",
                                   queryset=PublicationCollection.objects.none(),
                                   empty_label=_("All collections"))

    def __init__(self, data, queryset, **kwargs):
        super().__init__(data, queryset, **kwargs)
        publications = self.queryset.order_by()
        years = publications.dates("publication_date", "year", order="DESC")
        self.filters["year"].extra["choices"] = [(day.year, day.year) for day in years]
        self.filters["collection"].queryset = PublicationCollection.objects.filter(
            pk__in=publications.values("collection_id"))


def publication_list(request, publications, per_page) -> dict:
    """The context of a publication list: its filters and the requested page; with an
    invalid filter, the whole list stays in view under the message (``filter_errors``)."""
    filters = PublicationFilters(request.GET, publications, request=request)
    try:
        listed, error = filters.qs, None
    except InvalidFilters as invalid:
        listed, error = publications, invalid
    return {"filters": filters, "page_obj": paginate(request, listed, per_page),
            "invalid_filters": error}


# --- Paper-copy requests ----------------------------------------------------------------------

class PaperCopyRequestForm(HoneypotFormMixin, forms.ModelForm):
    class Meta:
        model = PaperCopyRequest
        fields = ["quantity", "name", "organisation", "email", "postal_address", "message"]
        widgets = {
            "postal_address": forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
            "message": forms.Textarea(attrs={"rows": 4}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }
        help_texts = {
            "email": _("Format: name@example.org"),
            "organisation": _("Library, school, association, local authority…"),
        }

    def __init__(self, *args, publication, **kwargs):
        super().__init__(*args, **kwargs)
        self.publication = publication
        maximum = publication.max_copies_per_request
        self.fields["quantity"] = forms.IntegerField(
            label=_("Number of copies"), min_value=1, max_value=maximum, initial=1,
            help_text=_("Between 1 and %(maximum)s.") % {"maximum": maximum},
        )

    def save(self, commit=True):
        paper_request = super().save(commit=False)
        paper_request.publication = self.publication
        paper_request.publication_title = self.publication.title
        if commit:
            paper_request.save()
        return paper_request


def handle_paper_copy_form(publication, request):
    """The form to show on the publication page, and the response when there is one to give.

    Returns ``(form, response, status)``: ``response`` is the redirect after a request was
    taken; otherwise the page is shown with ``form`` (None when no copies can be ordered)
    and the HTTP ``status``.
    """
    if not publication.may_order_paper_copies:
        return None, None, 200
    form = PaperCopyRequestForm(request.POST if request.method == "POST" else None,
                                publication=publication)
    submission = handle_public_form(request, form, rate_limit=PAPER_COPY_RATE_LIMIT,
                                    store=lambda form: form.save(), notify=notify_officer)
    if submission.stored is None:
        return form, None, submission.status
    messages.success(request, _("Your request has been recorded. The officer in charge of "
                                "this publication will send the copies or contact you."))
    return None, HttpResponseRedirect(publication.get_url(request) + "#paper-copies"), 302


# --- Notifying the officer --------------------------------------------------------------------

def officer_email(publication) -> str:
    if publication is None:
        return ""
    if publication.contact_email:
        return publication.contact_email
    site = publication.get_site()
    return SiteIdentity.for_site(site).contact_email if site else ""


def notify_officer(paper_request) -> None:
    """Queue the officer's e-mail about a request; replying answers the visitor."""
    recipient = officer_email(paper_request.publication)
    if not recipient:
        # The request is kept and listed in the admin; only the e-mail has nowhere to go.
        logger.warning("Paper-copy request %s: no officer to notify: set the officer's "
                       "e-mail on the publication or the contact e-mail of the site.",
                       paper_request.pk)
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Paper-copy request: %(title)s") % {"title": paper_request.publication_title}
        body = render_to_string("pages/publications/emails/paper_copy_request.txt", {
            "paper_request": paper_request,
            "admin_url": admin_edit_url(paper_request),
        })
    queue_email(to=recipient, reply_to=paper_request.email, subject=str(subject), body=body,
                about=paper_request, kind="paper-copy-request")


# --- schema.org -------------------------------------------------------------------------------

SCHEMA_BOOK_FORMATS = {
    PublicationFormat.PAPER: "https://schema.org/Paperback",
    PublicationFormat.DIGITAL: "https://schema.org/EBook",
}


def publication_schema(page, request, cover=None) -> dict:
    """The schema.org description of a publication: a Book when it has an ISBN, an issue of a
    periodical when it has an ISSN, otherwise a CreativeWork."""
    identity = SiteIdentity.for_request(request)
    data = {
        "@context": "https://schema.org",
        "@type": "Book" if page.isbn else "PublicationIssue" if page.issn else "CreativeWork",
        "name": page.title,
        "url": page.get_full_url(request),
        "inLanguage": page.locale.language_code,
        "datePublished": page.publication_date.isoformat(),
        "genre": str(page.get_publication_type_display()),
        "publisher": {"@type": "GovernmentOrganization", "name": identity.directorate_name},
    }
    if page.summary:
        data["description"] = page.summary
    if cover is not None:
        data["image"] = request.build_absolute_uri(cover.url)
    if page.page_count:
        data["numberOfPages" if page.isbn else "pagination"] = page.page_count
    if page.isbn:
        data["isbn"] = page.isbn
        if page.publication_format in SCHEMA_BOOK_FORMATS:
            data["bookFormat"] = SCHEMA_BOOK_FORMATS[page.publication_format]
    if page.issn or page.collection:
        series = {"@type": "Periodical" if page.issn else "CreativeWorkSeries"}
        if page.collection:
            series["name"] = page.collection.name
        if page.issn:
            series["issn"] = page.issn
        data["isPartOf"] = series
    if page.pdf:
        data["encoding"] = {
            "@type": "MediaObject",
            "encodingFormat": "application/pdf",
            "contentUrl": request.build_absolute_uri(page.get_download_url(request)),
            "contentSize": f"{page.pdf.get_file_size() or 0} B",
        }
    return data


# --- Downloads --------------------------------------------------------------------------------

def count_download(publication, request):
    """Count a person's download of the publication's file once a day (see portal.visitors);
    robots that say so and HEAD requests (link checkers) are not counted."""
    if request.method != "GET" or is_declared_robot(request):
        return
    if first_time_today(request, f"download:{publication.pk}:{publication.pdf_id}"):
        DownloadCount.record(publication, publication.pdf)
