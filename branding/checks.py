"""Checks on the files of the logo portal, by their content (``portal.uploads`` owns the
rules shared with the rest of the site): logo masters uploaded by officers, proofs sent by
partners. Each refusal says what to do."""

import io

import pypdfium2 as pdfium
import resvg_py
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image

from portal.uploads import (
    file_extension,
    is_pdf,
    photo_format,
    validate_file_matches_extension,
    validate_svg,
)

MAX_SVG_BYTES = 5 * 1024 * 1024
MAX_RASTER_BYTES = 50 * 1024 * 1024
MIN_RASTER_WIDTH = 1000
MAX_PROOF_BYTES = 20 * 1024 * 1024
PROOF_FORMATS = {"PNG": "png", "JPEG": "jpg"}
PREVIEW_WIDTH = 1000


def _check_size(file, limit):
    if file.size > limit:
        raise ValidationError(
            _("This file is %(size)s; the limit is %(limit)s."),
            params={"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
            code="file_too_large",
        )


def validate_svg_master(file) -> None:
    """A plain SVG (portal.uploads refuses scripts, event handlers, external references and
    entities) that resvg can draw."""
    if file_extension(file.name) != "svg":
        raise ValidationError(_("The SVG master must be an .svg file."), code="svg_extension")
    _check_size(file, MAX_SVG_BYTES)
    validate_svg(file)
    file.seek(0)
    try:
        resvg_py.svg_to_bytes(svg_string=file.read().decode("utf-8"), width=64)
    except Exception as error:  # resvg reports unreadable drawings as plain exceptions
        raise ValidationError(_("This SVG file cannot be drawn: export it again as plain "
                                "SVG."), code="svg_unreadable") from error
    finally:
        file.seek(0)


def validate_raster_master(file) -> None:
    """A PNG, JPEG or WebP by its content, within the size and pixel limits, wide enough for
    print."""
    _check_size(file, MAX_RASTER_BYTES)
    photo_format(file)  # format by content, 40 megapixels, decompression bomb
    with Image.open(file) as image:
        width = image.width
    file.seek(0)
    if width < MIN_RASTER_WIDTH:
        raise ValidationError(
            _("This image is %(width)s pixels wide; a master needs at least %(minimum)s "
              "pixels (or send an SVG)."),
            params={"width": width, "minimum": MIN_RASTER_WIDTH}, code="raster_too_small",
        )


def proof_format(file) -> str:
    """The proof's real format ("pdf", "png" or "jpg"), or a ValidationError."""
    _check_size(file, MAX_PROOF_BYTES)
    if is_pdf(file):
        file.seek(0)
        try:
            document = pdfium.PdfDocument(file.read())
            pages = len(document)
            document.close()
        except pdfium.PdfiumError as error:
            raise ValidationError(_("This PDF file is damaged or protected: export it again."),
                                  code="pdf_unreadable") from error
        finally:
            file.seek(0)
        if pages == 0:
            raise ValidationError(_("This PDF file has no page."), code="pdf_empty")
        return "pdf"
    try:
        image_format = photo_format(file)
    except ValidationError as error:
        if error.code == "not_an_image":
            raise ValidationError(_("Send the proof as a PDF, PNG or JPEG file."),
                                  code="proof_format") from error
        raise
    if image_format not in PROOF_FORMATS:
        raise ValidationError(_("Send the proof as a PDF, PNG or JPEG file."),
                              code="proof_format")
    return PROOF_FORMATS[image_format]


def proof_preview(file, proof_kind: str) -> bytes:
    """A PNG PREVIEW_WIDTH pixels wide at most of the proof (its first page for a PDF)."""
    file.seek(0)
    data = file.read()
    file.seek(0)
    if proof_kind == "pdf":
        document = pdfium.PdfDocument(data)
        try:
            page = document[0]
            scale = min(PREVIEW_WIDTH / page.get_width(), 4)
            image = page.render(scale=scale).to_pil()
        finally:
            document.close()
    else:
        image = Image.open(io.BytesIO(data))
        image.thumbnail((PREVIEW_WIDTH, PREVIEW_WIDTH * 4))
    output = io.BytesIO()
    image.convert("RGB").save(output, format="PNG")
    return output.getvalue()


KIT_EXTENSIONS = {"pdf", "png", "jpg", "jpeg", "svg", "zip"}
MAX_KIT_BYTES = 50 * 1024 * 1024


def validate_kit_file(file) -> None:
    """A kit file is what its extension says (SVG: plain, PNG/JPEG: within the pixel
    limits)."""
    extension = file_extension(file.name)
    if extension not in KIT_EXTENSIONS:
        raise ValidationError(_("Send a PDF, PNG, JPEG, SVG or ZIP file."), code="kit_format")
    _check_size(file, MAX_KIT_BYTES)
    if extension == "svg":
        validate_svg(file)
        return
    validate_file_matches_extension(file, file.name)
    if extension in {"png", "jpg", "jpeg"}:
        photo_format(file)
