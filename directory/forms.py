"""The form an agent fills in to keep their own profile up to date."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from directory.models import MAX_PHOTO_BYTES, Person
from portal.uploads import name_for_format, photo_format


class PhotoCheckMixin:
    """A photo must be a JPEG, PNG or WebP image by its content, 5 MB and 40 megapixels at
    most; it is stored with the extension of its real format."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "photo" in self.fields:
            self.fields["photo"].error_messages["invalid_image"] = _("This file is not an image.")

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if not isinstance(photo, UploadedFile):
            return photo  # unchanged, or cleared
        if photo.size > MAX_PHOTO_BYTES:
            raise ValidationError(_("This photo is larger than 5 MB."), code="photo_too_large")
        image_format = photo_format(photo)
        photo.name = name_for_format(photo.name, image_format)
        return photo


class PersonAdminForm(PhotoCheckMixin, WagtailAdminModelForm):
    """The admin's form of a person (HR and communication officers)."""


class OwnProfileForm(PhotoCheckMixin, forms.ModelForm):
    """What each agent edits themselves: photo, phones, subjects and languages."""

    class Meta:
        model = Person
        fields = ["photo", "phone", "mobile", "hide_mobile", "subjects", "languages"]
        widgets = {
            "photo": forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel-national", "type": "tel"}),
            "mobile": forms.TextInput(attrs={"autocomplete": "tel-national", "type": "tel"}),
            "subjects": forms.Textarea(attrs={"rows": 5}),
        }
