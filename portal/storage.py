"""Where uploaded files are stored: the public location and the restricted one.

``STORAGES["default"]`` is MEDIA_ROOT, which the proxy may serve to anyone at MEDIA_URL.
``STORAGES["restricted"]`` is PRIVATE_MEDIA_ROOT: its URLs (PRIVATE_MEDIA_URL) lead to
``portal.media``'s views, which check the user before anything is sent. Each storage's backend
can be swapped (object storage) without touching the models, which name the storage by alias.
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.utils.functional import cached_property
from wagtail.images.models import WagtailImageField, WagtailImageFieldFile

RESTRICTED = "restricted"


def restricted_storage():
    return storages[RESTRICTED]


class PrivateFileSystemStorage(FileSystemStorage):
    """FileSystemStorage on PRIVATE_MEDIA_ROOT and PRIVATE_MEDIA_URL instead of MEDIA_*."""

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    @cached_property
    def base_url(self):
        if self._base_url is not None and not self._base_url.endswith("/"):
            self._base_url += "/"
        return self._value_or_setting(self._base_url, settings.PRIVATE_MEDIA_URL)

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PRIVATE_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)
        elif setting == "PRIVATE_MEDIA_URL":
            self.__dict__.pop("base_url", None)


class RenditionFieldFile(WagtailImageFieldFile):
    """A rendition's file, in the restricted storage when its row says it is restricted.

    The storage is read from the rendition each time rather than fixed by the field, so that
    one model keeps public renditions where the proxy serves them and restricted ones where
    it cannot.
    """

    @property
    def storage(self):
        return restricted_storage() if self.instance.restricted else self.field.storage

    @storage.setter
    def storage(self, value):
        # Django's FieldFile assigns the field's storage when it is created: the rendition's
        # own "restricted" flag decides instead.
        pass


class RenditionImageField(WagtailImageField):
    attr_class = RenditionFieldFile
