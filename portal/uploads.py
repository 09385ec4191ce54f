"""Checks on uploaded files by what they contain, not what their name says, with messages
the person uploading can act on: documents of the library (pages.documents), event images
(events), later the logo portal's files."""

import re
import warnings

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeElementTree
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image

# --- Signatures -------------------------------------------------------------------------------

# The first bytes of files whose extension says what they are. Formats without a fixed
# signature (csv, txt) are not checked; SVG files are parsed (unsafe_svg_reason).
FILE_SIGNATURES = {
    "pdf": (b"%PDF-",),
    "mp3": (b"ID3", b"\xff\xfb", b"\xff\xf3", b"\xff\xf2", b"\xff\xfa"),
    "ogg": (b"OggS",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "gif": (b"GIF87a", b"GIF89a"),
    # Office Open XML and OpenDocument files are zip archives.
    "zip": (b"PK\x03\x04", b"PK\x05\x06"),
    "docx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
    "pptx": (b"PK\x03\x04",),
    "odt": (b"PK\x03\x04",),
    "ods": (b"PK\x03\x04",),
    "odp": (b"PK\x03\x04",),
}


def file_extension(name: str) -> str:
    return name.rpartition(".")[2].lower() if "." in name else ""


def read_head(file, length: int = 16) -> bytes:
    """The first bytes of an uploaded or stored file, leaving it ready to be read again."""
    file.seek(0)
    head = file.read(length)
    file.seek(0)
    return head


def file_matches_its_extension(file, name: str) -> bool:
    signatures = FILE_SIGNATURES.get(file_extension(name))
    if signatures is None:
        return True
    return read_head(file).startswith(signatures)


def validate_file_matches_extension(file, name: str) -> None:
    if not file_matches_its_extension(file, name):
        raise ValidationError(
            _("This file is not a real %(format)s file, whatever its name says: "
              "export it again from the original application."),
            params={"format": file_extension(name).upper()},
            code="file_signature",
        )


def is_pdf(file) -> bool:
    return read_head(file).startswith(FILE_SIGNATURES["pdf"])


# --- SVG --------------------------------------------------------------------------------------
# An SVG file is a document that browsers run: it may carry scripts, event handlers, links
# that load other resources, and XML entities. We do not try to clean one; a file with any of
# these is refused, and plain drawings (shapes, text, gradients, embedded bitmaps) pass.

SVG_SCRIPTING_ELEMENTS = {"script", "foreignobject", "iframe", "embed", "object", "handler",
                          "listener", "animation", "audio", "video"}
SAFE_DATA_IMAGE = re.compile(r"data:image/(png|jpeg|gif|webp)[;,]", re.IGNORECASE)
CSS_EXTERNAL = re.compile(r"@import|url\(\s*['\"]?\s*(?!#)", re.IGNORECASE)

SVG_REFUSALS = {
    "invalid": _("This file is not a valid SVG image."),
    "entity": _("This SVG file declares XML entities or a DTD, which could make it read other "
                "files: export it again as plain SVG."),
    "script": _("This SVG file contains a script: SVG files with scripts are refused because "
                "they could act on the site. Export it again without scripts or interactivity."),
    "event": _("This SVG file contains event handlers (onload, onclick…), which run scripts: "
               "export it again without interactivity."),
    "external": _("This SVG file loads something from elsewhere (a link, an external image, "
                  "font or style sheet): export it again with everything embedded."),
}


def _local_name(tag: str) -> str:
    return tag.rpartition("}")[2].lower()


def _unsafe_reference(value: str) -> bool:
    value = value.strip()
    return not (value.startswith("#") or SAFE_DATA_IMAGE.match(value))


def _unsafe_attribute(name: str, value: str) -> str | None:
    if name.startswith("on"):
        return "event"
    if "javascript:" in re.sub(r"\s", "", value).lower():
        return "script"
    if name in {"href", "src"} and _unsafe_reference(value):
        return "external"
    if name == "style" and CSS_EXTERNAL.search(value):
        return "external"
    return None


def unsafe_svg_reason(data: bytes) -> str | None:
    """Why this SVG may not be published (a key of SVG_REFUSALS), or None when it is safe."""
    try:
        root = SafeElementTree.fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        return "entity"
    except SafeElementTree.ParseError:
        return "invalid"
    if _local_name(root.tag) != "svg":
        return "invalid"
    for element in root.iter():
        name = _local_name(element.tag)
        if name in SVG_SCRIPTING_ELEMENTS:
            return "script"
        if name == "style" and CSS_EXTERNAL.search(element.text or ""):
            return "external"
        for attribute, value in element.attrib.items():
            reason = _unsafe_attribute(_local_name(attribute), value)
            if reason:
                return reason
    return None


def validate_svg(file) -> None:
    file.seek(0)
    reason = unsafe_svg_reason(file.read())
    file.seek(0)
    if reason:
        raise ValidationError(SVG_REFUSALS[reason], code=f"svg_{reason}")


# --- Raster images ----------------------------------------------------------------------------

# Pillow's name of each format accepted for photographs, and the extension it is stored with.
PHOTO_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
MAX_PHOTO_MEGAPIXELS = 40


def photo_format(file) -> str:
    """The format of an uploaded photograph (JPEG, PNG or WebP), read from its content.

    Only the header is read: the size is checked before any pixel is decoded. Pillow's
    decompression-bomb guard refuses the most extreme sizes itself; its warning (from about
    89 megapixels) is silenced because our own limit, lower, refuses those with a clearer
    message.
    """
    file.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(file) as opened:
                image_format, (width, height) = opened.format, opened.size
    except Image.DecompressionBombError as error:
        raise ValidationError(
            _("This image has far too many pixels; the limit is %(limit)s megapixels."),
            params={"limit": MAX_PHOTO_MEGAPIXELS}, code="image_too_many_pixels",
        ) from error
    except Exception as error:  # Pillow raises many kinds of errors on a fake image
        raise ValidationError(_("This file is not an image."), code="not_an_image") from error
    finally:
        file.seek(0)
    if image_format not in PHOTO_FORMATS:
        raise ValidationError(_("Send a JPEG, PNG or WebP image."), code="image_format")
    if width * height > MAX_PHOTO_MEGAPIXELS * 1_000_000:
        raise ValidationError(
            _("This image is %(width)s × %(height)s pixels (%(megapixels)s megapixels); the "
              "limit is %(limit)s megapixels. Send a smaller version."),
            params={"width": width, "height": height,
                    "megapixels": round(width * height / 1_000_000),
                    "limit": MAX_PHOTO_MEGAPIXELS},
            code="image_too_many_pixels",
        )
    return image_format


def name_for_format(name: str, image_format: str) -> str:
    """The file name with the extension of its real format: a JPEG called .pdf ends in .jpg."""
    stem = name.rpartition(".")[0] if "." in name else name
    return f"{stem or 'image'}.{PHOTO_FORMATS[image_format]}"
