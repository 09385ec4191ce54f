"""The admin form of every page: a public page may not point to the intranet."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page


def referenced_page_ids(page) -> set[int]:
    """Pages this page's StreamFields and rich-text fields point to."""
    ids = set()
    for field in page._meta.concrete_fields:
        if not hasattr(field, "extract_references"):
            continue
        for model, object_id, _model_path, _content_path in field.extract_references(
            field.value_from_object(page)
        ):
            if issubclass(model, Page) and str(object_id).isdigit():
                ids.add(int(object_id))
    return ids


def intranet_pages_among(page_ids):
    from pages.models import IntranetHomePage

    homes = list(IntranetHomePage.objects.values_list("path", flat=True))
    pages = Page.objects.filter(id__in=page_ids).only("id", "title", "path")
    return [page for page in pages if page.path.startswith(tuple(homes))]


def is_in_intranet(path: str) -> bool:
    from pages.models import IntranetHomePage

    return any(path.startswith(home) for home in
               IntranetHomePage.objects.values_list("path", flat=True))


class BasePageForm(WagtailAdminPageForm):
    def _post_clean(self):
        super()._post_clean()
        location = self.instance.path if self.instance.pk else self.parent_page.path
        if location and is_in_intranet(location):
            return
        leaks = intranet_pages_among(referenced_page_ids(self.instance))
        if leaks:
            self.add_error(None, ValidationError(
                _("A public page cannot link to intranet pages: %(titles)s."),
                params={"titles": ", ".join(f"« {page.title} »" for page in leaks)},
                code="intranet_link",
            ))


class PublicationPageForm(BasePageForm):
    """A publication's file must really be a PDF, whatever its name says."""

    def clean_pdf(self):
        from pages.validators import is_pdf

        document = self.cleaned_data.get("pdf")
        if document is None:
            return document
        if document.file_extension.lower() != "pdf":
            raise ValidationError(_("Choose a PDF file."), code="not_pdf")
        try:
            with document.open_file() as file:
                genuine = is_pdf(file)
        except OSError:
            genuine = False
        if not genuine:
            raise ValidationError(
                _("“%(title)s” is not a real PDF file: export it again as PDF and upload it."),
                params={"title": document.title}, code="not_pdf",
            )
        return document
