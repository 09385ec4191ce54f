"""Who may read an uploaded document or image, and the views that send restricted files.

A document or an image is *restricted* when its collection is, or lies inside, the intranet
collection (Settings → Intranet) or a collection with Wagtail's privacy setting; each
directorate's collection is both (inside the intranet's, and restricted to its staff group).

- Intranet files are read on the intranet host only, by accounts with intranet access; a
  collection's privacy setting is then checked as Wagtail defines it (groups, signed in).
- Whoever may change or choose the item in the admin may read it, on either host: editors see
  what they manage.
- Everyone else gets a 404 on the public host, the login page when signed out, a 403 when
  signed in without the right.

Documents are all stored in the restricted location and downloaded through Wagtail's serve
view (wrapped here: attachment, nosniff, sandboxing CSP). Images keep their originals in the
restricted location; their renditions are public files (MEDIA_ROOT, served by the proxy) or,
for a restricted image, restricted files served by ``serve_private_file``.
"""

from mimetypes import guess_type
from pathlib import PurePosixPath

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve as wagtail_serve_document
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.permissions import policy_registry
from wagtail.utils.sendfile import sendfile

from portal.models import IntranetSettings, LibraryImage, LibraryRendition
from portal.sites import is_intranet_request
from portal.storage import restricted_storage

# What a downloaded file may do in a browser that opens it anyway: nothing.
DOWNLOAD_CONTENT_SECURITY_POLICY = "sandbox; default-src 'none'"


# --- Which collections are restricted ---------------------------------------------------------

def intranet_collection_path() -> str | None:
    return IntranetSettings.objects.values_list("intranet_collection__path", flat=True).first()


def restricted_collection_paths() -> tuple[str, ...]:
    """Tree paths of the collections whose files (and sub-collections' files) are restricted."""
    paths = set(CollectionViewRestriction.objects.values_list("collection__path", flat=True))
    intranet_path = intranet_collection_path()
    if intranet_path:
        paths.add(intranet_path)
    return tuple(sorted(paths))


def collection_is_restricted(collection) -> bool:
    return collection.path.startswith(restricted_collection_paths())


def restricted_among(items) -> list:
    """The documents or images among these whose collection is restricted."""
    paths = restricted_collection_paths()
    return [item for item in items if item.collection.path.startswith(paths)]


# --- Who may read -----------------------------------------------------------------------------

def may_manage(user, item) -> bool:
    """Whether the admin lets this user change or choose the document or image."""
    if not user.is_authenticated:
        return False
    policy = policy_registry.get_by_type(type(item))
    return policy.user_has_any_permission_for_instance(user, ["change", "choose"], item)


def _refuse(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("account_login"))
    raise PermissionDenied("This file is restricted.")


def check_file_access(request, item):
    """None when the visitor may read this document or image; otherwise the login redirect
    to answer, or Http404 / PermissionDenied raised."""
    collection = item.collection
    intranet_path = intranet_collection_path()
    in_intranet = bool(intranet_path) and collection.path.startswith(intranet_path)
    restrictions = list(collection.get_view_restrictions().prefetch_related("groups"))
    if not in_intranet and not restrictions:
        return None
    if may_manage(request.user, item):
        return None
    if in_intranet:
        if not is_intranet_request(request):
            raise Http404("Intranet files are not served on the public site.")
        if not request.user.is_authenticated or not request.user.can_access_intranet:
            return _refuse(request)
    for restriction in restrictions:
        if not restriction.accept_request(request):
            return _refuse(request)
    return None


# --- Sending files ----------------------------------------------------------------------------

def send_stored_file(request, storage, name, **options):
    """A response for this stored file, private to the browser: X-Accel-Redirect, X-Sendfile
    or a stream, as SENDFILE_BACKEND says; from object storage, a stream or, with
    S3_PRIVATE_DELIVERY=redirect, a redirect to a signed URL that lives a minute."""
    attachment = options.get("attachment", False)
    filename = options.get("attachment_filename") or PurePosixPath(name).name
    try:
        path = storage.path(name)
    except NotImplementedError:  # object storage: no local path to hand to the proxy
        if settings.S3_PRIVATE_DELIVERY == "redirect":
            disposition = content_disposition_header(attachment, filename)
            response = HttpResponseRedirect(storage.signed_url(
                name, ResponseContentDisposition=disposition,
                ResponseContentType=options.get("mimetype") or guess_type(filename)[0]
                or "application/octet-stream",
                ResponseCacheControl="private, no-store"))
        else:
            response = FileResponse(storage.open(name), as_attachment=attachment,
                                    filename=filename)
            if options.get("mimetype"):
                response["Content-Type"] = options["mimetype"]
    else:
        response = sendfile(request, path, **options)
    patch_cache_control(response, private=True)
    return response


def serve_private_file(request, path):
    """PRIVATE_MEDIA_URL: renditions of restricted images for those who may see them, and
    originals for those who manage the image. Documents have their own view."""
    if path.startswith("images/"):
        rendition = (LibraryRendition.objects.select_related("image__collection")
                     .filter(restricted=True, file=path).first())
        if rendition is None:
            raise Http404
        refusal = check_file_access(request, rendition.image)
        if refusal is not None:
            return refusal
    elif path.startswith("original_images/"):
        image = LibraryImage.objects.select_related("collection").filter(file=path).first()
        if image is None or not may_manage(request.user, image):
            raise Http404
    else:
        raise Http404
    return send_stored_file(request, restricted_storage(), path)


def send_document(request, document):
    """The document's file as Wagtail's view sends it: an attachment with its name."""
    return send_stored_file(request, document.file.storage, document.file.name,
                            attachment=True, attachment_filename=document.filename,
                            mimetype=document.content_type)


def serve_document(request, document_id, document_filename):
    """The documents' URL (Wagtail's, answered here first): the access check, then the file
    with the headers that keep it from acting on our origin.

    Wagtail's view sends the file when its own collection check passes; an editor who
    manages a document of a collection restricted to other groups, which Wagtail would send
    to the login page, gets it from here. Wagtail already sends documents as attachments
    (WAGTAILDOCS_INLINE_CONTENT_TYPES is empty) with nosniff; the sandbox stops an SVG or
    HTML file opened anyway from running.
    """
    document = get_object_or_404(get_document_model(), id=document_id)
    if document.filename != document_filename:
        raise Http404("This document does not match the given filename.")
    refusal = check_file_access(request, document)
    if refusal is not None:
        return refusal
    restrictions = document.collection.get_view_restrictions()
    if settings.S3_PRIVATE_DELIVERY != "redirect" and all(
        restriction.accept_request(request) for restriction in restrictions
    ):
        response = wagtail_serve_document(request, document_id, document_filename)
    else:
        response = send_document(request, document)
    if response.has_header("Content-Disposition"):
        response["Content-Security-Policy"] = DOWNLOAD_CONTENT_SECURITY_POLICY
        response["X-Content-Type-Options"] = "nosniff"
        patch_cache_control(response, private=True)
    return response


# --- Keeping renditions where their image's privacy wants them --------------------------------

def drop_renditions(renditions):
    """Delete these renditions; Wagtail deletes their files after the transaction."""
    for rendition in renditions:
        rendition.delete()


def misplaced_renditions():
    """Renditions stored on the wrong side: public for a restricted image, or the reverse."""
    in_restricted = Q(pk__in=[])
    for path in restricted_collection_paths():
        in_restricted |= Q(image__collection__path__startswith=path)
    return LibraryRendition.objects.select_related("image").filter(
        (Q(restricted=False) & in_restricted) | (Q(restricted=True) & ~in_restricted)
    )


def move_misplaced_renditions():
    drop_renditions(misplaced_renditions())


def _after_privacy_change(**kwargs):
    if not kwargs.get("raw"):
        transaction.on_commit(move_misplaced_renditions)


def connect_signals():
    """A collection given or relieved of a privacy setting, moved in the tree (Wagtail moves
    it after saving it, in the same transaction), or a new intranet collection: the
    renditions follow once the change is committed."""
    for model in (CollectionViewRestriction, Collection, IntranetSettings):
        post_save.connect(_after_privacy_change, sender=model,
                          dispatch_uid=f"relais-privacy-{model.__name__}")
    post_delete.connect(_after_privacy_change, sender=CollectionViewRestriction,
                        dispatch_uid="relais-privacy-restriction-deleted")
