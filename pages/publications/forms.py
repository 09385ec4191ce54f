"""The admin form of a publication page."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from pages.base.forms import BasePageForm
from portal.uploads import is_pdf


class PublicationPageForm(BasePageForm):
    """A publication's file must really be a PDF, whatever its name says."""

    def clean_pdf(self):
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
