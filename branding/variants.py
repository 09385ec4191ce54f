"""The files made from a version's master, once per version: web PNGs in three sizes, a
transparent PNG, a high-definition PNG, print files (CMYK TIFF at 300 dpi, PDF), the SVG
itself, and a zip of them all. Each is stored with its size, format and SHA-256.

SVG masters are drawn by resvg (``resvg-py``, a self-contained wheel: no system library) at
the largest size needed, once; every other raster is resized from that drawing with Pillow.
"""

import hashlib
import io
import zipfile
from dataclasses import dataclass

import resvg_py
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from PIL import Image

from branding.models import LogoVariant, LogoVersion, VariantKind

WHITE = (255, 255, 255)
PRINT_DPI = 300
# Widths in pixels of the raster files.
WIDTHS = {
    VariantKind.WEB_SMALL: 320,
    VariantKind.WEB_MEDIUM: 800,
    VariantKind.WEB_LARGE: 1600,
    VariantKind.TRANSPARENT: 1600,
    VariantKind.HD: 3000,
    VariantKind.PRINT_TIFF: 2400,  # 20 cm wide at 300 dpi
    VariantKind.PRINT_PDF: 2400,
}
LARGEST = max(WIDTHS.values())


@dataclass
class Made:
    kind: str
    name: str
    data: bytes
    media_type: str
    width: int | None = None
    height: int | None = None
    colour_mode: str = ""


def render_master(version: LogoVersion) -> tuple[Image.Image, bytes | None]:
    """The master as an RGBA image LARGEST pixels wide (or its own width for a raster that is
    smaller), and the SVG source when the master is an SVG."""
    if version.master_svg:
        with version.master_svg.open("rb") as master:
            svg = master.read()
        png = resvg_py.svg_to_bytes(svg_string=svg.decode("utf-8"), width=LARGEST,
                                    skip_system_fonts=False)
        return Image.open(io.BytesIO(bytes(png))).convert("RGBA"), svg
    with version.master_raster.open("rb") as master:
        image = Image.open(master)
        image.load()
    return image.convert("RGBA"), None


def resized(image: Image.Image, width: int) -> Image.Image:
    if image.width == width:
        return image
    height = max(1, round(image.height * width / image.width))
    # reducing_gap: Pillow first shrinks by an integer factor (fast), then resamples.
    return image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)


def on_white(image: Image.Image) -> Image.Image:
    background = Image.new("RGB", image.size, WHITE)
    background.paste(image, mask=image.getchannel("A"))
    return background


def encoded(image: Image.Image, image_format: str, **options) -> bytes:
    output = io.BytesIO()
    image.save(output, format=image_format, **options)
    return output.getvalue()


def make_files(version: LogoVersion) -> list[Made]:
    master, svg = render_master(version)
    stem = f"{version.logo.slug}-v{version.number}"
    # Each size from the next larger one: every resize reads a smaller picture.
    sizes, source = {}, master
    for kind, width in sorted(WIDTHS.items(), key=lambda item: -item[1]):
        source = sizes[kind] = resized(source, min(width, source.width))
    made = []
    for kind, suffix in ((VariantKind.WEB_SMALL, "web-320"), (VariantKind.WEB_MEDIUM, "web-800"),
                         (VariantKind.WEB_LARGE, "web-1600")):
        image = on_white(sizes[kind])
        made.append(Made(kind, f"{stem}-{suffix}.png", encoded(image, "PNG", optimize=False),
                         "image/png", *image.size, "RGB"))
    for kind, suffix in ((VariantKind.TRANSPARENT, "transparent"), (VariantKind.HD, "hd")):
        image = sizes[kind]
        made.append(Made(kind, f"{stem}-{suffix}.png", encoded(image, "PNG", compress_level=1),
                         "image/png", *image.size, "RGBA"))
    cmyk = on_white(sizes[VariantKind.PRINT_TIFF]).convert("CMYK")
    made.append(Made(VariantKind.PRINT_TIFF, f"{stem}-print-cmyk.tif",
                     encoded(cmyk, "TIFF", compression="tiff_adobe_deflate",
                             dpi=(PRINT_DPI, PRINT_DPI)),
                     "image/tiff", *cmyk.size, "CMYK"))
    made.append(Made(VariantKind.PRINT_PDF, f"{stem}-print.pdf",
                     encoded(cmyk, "PDF", resolution=PRINT_DPI, quality=95),
                     "application/pdf", *cmyk.size, "CMYK"))
    if svg is not None:
        made.append(Made(VariantKind.SVG, f"{stem}.svg", svg, "image/svg+xml"))
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_STORED) as bundle:
        for item in made:
            bundle.writestr(item.name, item.data)
    made.append(Made(VariantKind.ZIP, f"{stem}.zip", archive.getvalue(), "application/zip"))
    return made


def generate_variants(version: LogoVersion) -> list[LogoVariant]:
    """Make and store every variant of this version, replacing any made before; the version
    is offered (from its publication date) once this is done."""
    made = make_files(version)
    with transaction.atomic():
        for old in version.variants.all():
            old.file.delete(save=False)
            old.delete()
        variants = []
        for item in made:
            variant = LogoVariant(
                version=version, kind=item.kind, media_type=item.media_type, width=item.width,
                height=item.height, colour_mode=item.colour_mode, size=len(item.data),
                sha256=hashlib.sha256(item.data).hexdigest(),
            )
            variant.file.save(item.name, ContentFile(item.data), save=False)
            variant.save()
            variants.append(variant)
        LogoVersion.objects.filter(pk=version.pk).update(generated_at=timezone.now(),
                                                         generation_error="")
    return variants
