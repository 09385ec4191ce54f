"""The admin form of every page: a public page may not point to the intranet, nor use a
restricted document or image."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from portal.media import restricted_among
from portal.sites import is_intranet_page


def content_references(page):
    """(model, id) of what this page's StreamFields and rich-text fields point to."""
    for field in page._meta.concrete_fields:
        if not hasattr(field, "extract_references"):
            continue
        for model, object_id, _model_path, _content_path in field.extract_references(
            field.value_from_object(page)
        ):
            if str(object_id).isdigit():
                yield model, int(object_id)


def referenced_page_ids(page) -> set[int]:
    """Pages this page's StreamFields and rich-text fields point to."""
    return {object_id for model, object_id in content_references(page) if issubclass(model, Page)}


def restricted_media_used(page) -> tuple[dict, list]:
    """The restricted documents and images this page uses: {field name: item} for its own
    image and document fields, and [items] met in its StreamFields and rich text."""
    media_models = (get_document_model(), get_image_model())
    in_fields = {}
    for field in page._meta.concrete_fields:
        if field.many_to_one and field.related_model in media_models:
            object_id = getattr(page, field.attname)
            if object_id is not None:
                in_fields[field.name] = (field.related_model, object_id)
    in_content = [(model, object_id) for model, object_id in content_references(page)
                  if issubclass(model, media_models)]
    restricted = restricted_items(set(in_fields.values()) | set(in_content))
    return ({name: restricted[key] for name, key in in_fields.items() if key in restricted},
            [restricted[key] for key in dict.fromkeys(in_content) if key in restricted])


def restricted_items(keys) -> dict:
    """{(model, id): item} for the restricted ones among these documents and images."""
    found = {}
    for model in {model for model, _object_id in keys}:
        items = model.objects.select_related("collection").filter(
            pk__in=[object_id for kind, object_id in keys if kind is model])
        found.update({(model, item.pk): item for item in restricted_among(items)})
    return found


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
        self._refuse_restricted_media()

    def _refuse_restricted_media(self):
        in_fields, in_content = restricted_media_used(self.instance)
        for name, item in in_fields.items():
            self.add_error(name if name in self.fields else None, ValidationError(
                _("« %(title)s » is in a restricted collection (intranet or directorate): a "
                  "public page cannot use it. Choose another file, or move this one to a "
                  "public collection."),
                params={"title": item.title}, code="restricted_media",
            ))
        if in_content:
            self.add_error(None, ValidationError(
                _("A public page cannot use documents or images of restricted collections "
                  "(intranet or directorate): %(titles)s."),
                params={"titles": ", ".join(f"« {item.title} »" for item in in_content)},
                code="restricted_media",
            ))


class TranslatableSnippetForm(WagtailAdminModelForm):
    """The form of a translated snippet whose slug is unique per language: the form has no
    locale field, so Django's own (slug, locale) check would be skipped."""

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        model = type(self.instance)
        others = model.objects.filter(locale_id=self.instance.locale_id, slug=slug)
        if others.exclude(pk=self.instance.pk).exists():
            raise ValidationError(_("Another %(item)s in this language already has this slug.")
                                  % {"item": model._meta.verbose_name})
        return slug
