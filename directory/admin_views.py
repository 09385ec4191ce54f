"""The HR import in the Wagtail admin: send the export, check the mapping of its columns on a
preview, confirm (with or without archiving the people it no longer names), read the report."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from directory import hr_import
from directory.models import HRImport

MAX_FILE_BYTES = 10 * 1024 * 1024


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("HR export (CSV or XLSX)"),
                           help_text=gettext_lazy("The first line names the columns."))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(_("This file is larger than 10 MB."))
        data = upload.read()
        try:
            self.table = hr_import.read_table(upload.name, data)
        except hr_import.ImportFileError as error:
            raise forms.ValidationError(str(error)) from error
        self.data_bytes = data
        return upload


class MappingForm(forms.Form):
    """Which column fills each field, and whether to archive the people the file omits."""

    archive_missing = forms.BooleanField(
        label=gettext_lazy("Archive the people of these directorates who are not in the file"),
        required=False)

    def __init__(self, *args, header, initial_mapping, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("(not imported)"))] + [(str(index), title or f"#{index + 1}")
                                                    for index, title in enumerate(header)]
        for field, (label, _names) in hr_import.FIELDS.items():
            initial = initial_mapping.get(field)
            self.fields[f"column_{field}"] = forms.ChoiceField(
                label=label, choices=choices, required=False,
                initial="" if initial is None else str(initial))

    def mapping(self) -> dict[str, int]:
        return {name.removeprefix("column_"): int(value)
                for name, value in self.cleaned_data.items()
                if name.startswith("column_") and value != ""}


def _check(request):
    if not request.user.has_perm("directory.add_hrimport"):
        raise PermissionDenied


def _context(title, **context):
    return {"header_title": title, "page_title": title, "header_icon": "group", **context}


def upload(request):
    _check(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        header, _rows = form.table
        record = HRImport(original_name=form.cleaned_data["file"].name[:255],
                          uploaded_by=request.user, mapping=hr_import.guess_mapping(header))
        record.file.save(form.cleaned_data["file"].name, ContentFile(form.data_bytes),
                         save=True)
        return redirect("directory_import_preview", pk=record.pk)
    return TemplateResponse(request, "directory/admin/import_upload.html", _context(
        _("Import the HR export"), form=form,
        imports=HRImport.objects.select_related("uploaded_by")[:10]),
        status=400 if form.is_bound else 200)


def preview(request, pk):
    _check(request)
    record = get_object_or_404(HRImport, pk=pk)
    if record.status == HRImport.Status.DONE:
        return redirect("directory_import_report", pk=record.pk)
    with record.file.open("rb") as handle:
        header, rows = hr_import.read_table(record.original_name, handle.read())
    form = MappingForm(request.POST or None, header=header, initial_mapping=record.mapping)
    mapping = record.mapping
    errors = []
    if request.method == "POST" and form.is_valid():
        mapping = form.mapping()
        errors = hr_import.mapping_errors(mapping)
        record.mapping = mapping
        if not errors and request.POST.get("action") == "confirm":
            report = hr_import.apply_import(record, hr_import.mapped_rows(rows, mapping),
                                            archive_missing=form.cleaned_data["archive_missing"])
            messages.success(request, _(
                "Import done: %(created)s created, %(updated)s updated, %(errors)s rows with "
                "errors, %(archived)s archived.") % {
                "created": report["created"], "updated": report["updated"],
                "errors": len(report["errors"]), "archived": len(report["archived"])})
            return redirect("directory_import_report", pk=record.pk)
        record.save(update_fields=["mapping"])
        if request.POST.get("action") == "confirm":
            errors = errors or [_("Check the mapping, then confirm.")]
    elif request.method != "POST":
        errors = hr_import.mapping_errors(mapping)
    fields = [(field, label) for field, (label, _names) in hr_import.FIELDS.items()
              if field in mapping]
    sample = hr_import.mapped_rows(rows[:hr_import.PREVIEW_ROWS], mapping)
    return TemplateResponse(request, "directory/admin/import_preview.html", _context(
        _("Check the import of %(name)s") % {"name": record.original_name},
        record=record, form=form, errors=errors, row_count=len(rows), fields=fields,
        sample=[[values.get(field, "") for field, _label in fields] for values in sample],
        missing=hr_import.people_missing(hr_import.mapped_rows(rows, mapping))
        if not hr_import.mapping_errors(mapping) else [],
    ), status=400 if errors and request.method == "POST" else 200)


def report(request, pk):
    _check(request)
    record = get_object_or_404(HRImport, pk=pk)
    if record.status != HRImport.Status.DONE:
        return redirect("directory_import_preview", pk=record.pk)
    return TemplateResponse(request, "directory/admin/import_report.html", _context(
        _("Report of the import of %(name)s") % {"name": record.original_name},
        record=record, report=record.report))
