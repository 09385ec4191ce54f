"""Views of the press officers in the Wagtail admin: import (upload, column mapping with a
preview, report), sending a release (test, then to lists), its send log, merging duplicates
and the RGPD tools (export, erasure)."""

import json
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Page

from press import distribution as sending
from press.forms import DistributionForm, MappingForm, UploadForm
from press.importing import FIELDS, ImportFileError, guess_mapping, read_file, run_import
from press.merging import merge
from press.models import (
    ContactImport,
    Distribution,
    ExportRecord,
    Journalist,
    PressEnquiry,
    PressKitPage,
    PressReleasePage,
)
from press.rgpd import contact_data, erase

JOURNALISTS_URL = "wagtailsnippets_press_journalist:list"
PREVIEW_ROWS = 5
LOG_PER_PAGE = 100


def require(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied


def respond(request, template, title, context, status=200):
    return TemplateResponse(request, template, {
        "header_title": title, "page_title": title, "header_icon": "user", **context,
    }, status=status)


# --- Import -----------------------------------------------------------------------------------

def import_upload(request):
    require(request, "press.add_contactimport")
    posted = request.method == "POST"
    form = UploadForm(request.POST if posted else None, request.FILES if posted else None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            headers, rows = read_file(upload.name, upload.read())
        except ImportFileError as error:
            form.add_error("file", str(error))
        else:
            contact_import = ContactImport.objects.create(
                file_name=upload.name[:255], uploaded_by=request.user, headers=headers,
                rows=rows)
            return redirect("press_import_mapping", contact_import.pk)
    return respond(request, "press/admin/import_upload.html", _("Import contacts"),
                   {"form": form}, status=400 if form.errors else 200)


def import_mapping(request, pk):
    require(request, "press.add_contactimport")
    contact_import = get_object_or_404(ContactImport, pk=pk, done_at=None)
    form = MappingForm(request.POST if request.method == "POST" else None,
                       headers=contact_import.headers, fields=FIELDS,
                       guesses=guess_mapping(contact_import.headers))
    if request.method == "POST" and form.is_valid():
        contact_import.source = form.cleaned_data["source"]
        contact_import.legal_basis = form.cleaned_data["legal_basis"]
        contact_import.contact_list = form.cleaned_data["contact_list"]
        run_import(contact_import, form.mapping())
        return redirect("press_import_report", contact_import.pk)
    preview = contact_import.rows[:PREVIEW_ROWS]
    return respond(request, "press/admin/import_mapping.html", _("Match the columns"), {
        "form": form, "contact_import": contact_import, "preview": preview,
        "row_count": len(contact_import.rows),
        "columns": [form[name] for name in form.columns],
    }, status=400 if form.errors else 200)


def import_report(request, pk):
    require(request, "press.view_contactimport")
    contact_import = get_object_or_404(ContactImport, pk=pk)
    return respond(request, "press/admin/import_report.html", _("Import report"), {
        "contact_import": contact_import, "rejected": contact_import.report,
        "journalists_url": reverse(JOURNALISTS_URL),
    })


# --- Sending a release ------------------------------------------------------------------------

def sendable_page(pk):
    page = get_object_or_404(Page, pk=pk).specific
    if not isinstance(page, PressReleasePage | PressKitPage):
        raise PermissionDenied
    return page


def send_release(request, pk):
    require(request, "press.send_distribution")
    page = sendable_page(pk)
    form = DistributionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and "test" in request.POST:
        try:
            sending.send_test(page, request.user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("A test was sent to %(email)s.") % {
                "email": request.user.email})
        return redirect("press_send", page.pk)
    if request.method == "POST" and form.is_valid():
        try:
            distribution = sending.start_distribution(
                page, request.user, lists=list(form.cleaned_data["lists"]),
                subjects=list(form.cleaned_data["subjects"]),
                message=form.cleaned_data["message"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The release is being sent to %(count)d journalists.")
                             % {"count": distribution.recipient_count})
            return redirect("press_send_log", distribution.pk)
    tested = Distribution.objects.filter(page=page, is_test=True,
                                         created_by=request.user).exists()
    return respond(request, "press/admin/send.html", _("Send “%(title)s”") % {
        "title": page.title}, {
        "form": form, "page": page, "tested": tested,
        "distributions": Distribution.objects.filter(page=page).select_related("created_by"),
    }, status=400 if form.errors else 200)


def send_log(request, pk):
    require(request, "press.view_distribution")
    distribution = get_object_or_404(Distribution.objects.select_related("page"), pk=pk)
    deliveries = (distribution.deliveries.select_related("email", "journalist__outlet")
                  .order_by("pk"))
    page_obj = Paginator(deliveries, LOG_PER_PAGE).get_page(request.GET.get("page"))
    summary = {row["email__status"] or "none": row["count"] for row in
               distribution.deliveries.values("email__status").annotate(count=Count("pk"))}
    return respond(request, "press/admin/send_log.html", _("Send log"), {
        "distribution": distribution, "page_obj": page_obj,
        "sent": summary.get("sent", 0),
        "waiting": sum(summary.get(key, 0) for key in ("queued", "sending")),
        "failed": sum(summary.get(key, 0) for key in ("failed", "given_up", "none")),
        "bounced": distribution.deliveries.exclude(bounced_at=None).count(),
    })


# --- Contacts: merge, RGPD ---------------------------------------------------------------------

def merge_contact(request, pk):
    require(request, "press.change_journalist")
    require(request, "press.delete_journalist")
    keeper = get_object_or_404(Journalist.objects.select_related("outlet"), pk=pk)
    candidates = list(keeper.duplicates())
    if request.method == "POST":
        duplicate = get_object_or_404(Journalist, pk=request.POST.get("duplicate"))
        if duplicate.pk == keeper.pk:
            raise PermissionDenied
        merge(keeper, duplicate, user=request.user)
        messages.success(request, _("%(duplicate)s was merged into %(keeper)s.") % {
            "duplicate": duplicate, "keeper": keeper})
        return redirect("wagtailsnippets_press_journalist:edit", keeper.pk)
    return respond(request, "press/admin/merge.html", _("Merge duplicates of %(name)s") % {
        "name": keeper}, {"keeper": keeper, "candidates": candidates})


def enquiry_to_contact(request, pk):
    """Offer the sender of an enquiry with no contact as a new contact: the add form, filled
    in with what they gave (the officer completes it and saves, or not)."""
    require(request, "press.add_journalist")
    enquiry = get_object_or_404(PressEnquiry, pk=pk)
    first, _space, last = enquiry.name.strip().partition(" ")
    query = urlencode({"first_name": first, "last_name": last or first, "email": enquiry.email,
                       "phone": enquiry.phone, "source": _("Press enquiry"),
                       "notes": _("Outlet given: %(outlet)s") % {"outlet": enquiry.outlet}})
    return redirect(reverse("wagtailsnippets_press_journalist:add") + "?" + query)


def contact_export(request, pk):
    require(request, "press.export_journalist")
    journalist = get_object_or_404(Journalist.objects.select_related("outlet"), pk=pk)
    response = HttpResponse(json.dumps(contact_data(journalist), ensure_ascii=False, indent=2),
                            content_type="application/json; charset=utf-8")
    name = slugify(journalist.full_name) or "contact"
    response["Content-Disposition"] = f'attachment; filename="{name}.json"'
    ExportRecord.objects.create(user=request.user, what=f"contact {journalist.pk}",
                                file_format="json")
    return response


def contact_erase(request, pk):
    require(request, "press.delete_journalist")
    journalist = get_object_or_404(Journalist, pk=pk)
    if request.method == "POST":
        erase(journalist)
        messages.success(request, _("The contact and their personal data were erased."))
        return redirect(JOURNALISTS_URL)
    return respond(request, "press/admin/erase.html", _("Erase %(name)s") % {
        "name": journalist}, {"journalist": journalist,
                              "delivery_count": journalist.deliveries.count(),
                              "enquiry_count": journalist.enquiries.count()})
