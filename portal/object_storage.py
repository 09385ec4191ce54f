"""Both stores on S3-compatible object storage (django-storages), for several app servers.

Loaded only when ``S3_BUCKET`` is set (see settings, "Files"). The public store is a prefix
whose objects anyone may read (a bucket policy or a CDN in front): page images link to it
directly. The restricted store is another prefix (or bucket) nobody reads without a
signature: its URLs stay Relais's own ``PRIVATE_MEDIA_URL``, so every file still goes through
``portal.media``'s check, which then streams it or redirects to a signed URL that lives
``S3_SIGNED_URL_SECONDS`` (``S3_PRIVATE_DELIVERY``).
"""

from django.conf import settings
from storages.backends.s3 import S3Storage


class PrivateS3Storage(S3Storage):
    """Restricted files on object storage: private objects, URLs through the checking view."""

    def url(self, name, parameters=None, expire=None, http_method=None):
        return f"{settings.PRIVATE_MEDIA_URL}{name}"

    def signed_url(self, name, **parameters) -> str:
        """A URL the object store answers for a short while (the view has checked the user)."""
        return super().url(name, parameters=parameters or None,
                           expire=settings.S3_SIGNED_URL_SECONDS)
