"""The admin form of every page: a public page may not point to the intranet."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page

from portal.sites import is_intranet_page


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
    if not page_ids:
        return []
    return [page for page in Page.objects.filter(id__in=page_ids).only("id", "title", "url_path")
            if is_intranet_page(page)]


class BasePageForm(WagtailAdminPageForm):
    def _post_clean(self):
        super()._post_clean()
        location = self.instance if self.instance.pk else self.parent_page
        if location is not None and is_intranet_page(location):
            return
        leaks = intranet_pages_among(referenced_page_ids(self.instance))
        if leaks:
            self.add_error(None, ValidationError(
                _("A public page cannot link to intranet pages: %(titles)s."),
                params={"titles": ", ".join(f"« {page.title} »" for page in leaks)},
                code="intranet_link",
            ))
