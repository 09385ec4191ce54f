"""The admin's document upload form: a file must be what its extension says it is, and an SVG
must not carry scripts."""

from django.core.exceptions import ValidationError
from wagtail.documents.forms import BaseDocumentForm

from portal.uploads import file_extension, validate_file_matches_extension, validate_svg


class DocumentForm(BaseDocumentForm):
    """Every document upload form (single, multiple, chooser): WAGTAILDOCS_DOCUMENT_FORM_BASE.

    A renamed file (a Word file called .pdf, an image called .mp3) would be served with the
    wrong type and break the readers or players of the public site. Documents are downloaded
    as attachments in a sandbox, but an SVG with a script is refused all the same: it is
    the kind of file a visitor opens from their downloads.
    """

    def _post_clean(self):
        # Checked after the model's own validation, which needs the file in place to check
        # its extension (a field error raised earlier would leave it empty).
        super()._post_clean()
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data and not self.has_error("file"):
            try:
                validate_file_matches_extension(file, file.name)
                if file_extension(file.name) == "svg":
                    validate_svg(file)
            except ValidationError as error:
                self.add_error("file", error)
