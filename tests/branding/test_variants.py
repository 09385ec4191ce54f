"""Each variant is a valid file of the advertised format, size and colour mode, with its
checksum; generation happens once per version, through the task queue after the commit."""

import hashlib
import io
import zipfile

import pytest
from PIL import Image

from branding.models import Logo, LogoVariant, VariantKind
from branding.models.assets import LogoOwner
from branding.tasks import schedule_generation
from branding.variants import WIDTHS
from tests.helpers.branding import make_version, png_bytes

pytestmark = pytest.mark.django_db

EXPECTED = {
    VariantKind.WEB_SMALL: ("PNG", "RGB"),
    VariantKind.WEB_MEDIUM: ("PNG", "RGB"),
    VariantKind.WEB_LARGE: ("PNG", "RGB"),
    VariantKind.TRANSPARENT: ("PNG", "RGBA"),
    VariantKind.HD: ("PNG", "RGBA"),
    VariantKind.PRINT_TIFF: ("TIFF", "CMYK"),
}


@pytest.fixture
def logo():
    return Logo.objects.create(name="DRAC", slug="drac", owner=LogoOwner.DIRECTORATE)


def read(variant) -> bytes:
    with variant.file.open("rb") as file:
        return file.read()


def test_an_svg_master_gives_every_variant_with_its_size_mode_and_checksum(logo):
    version = make_version(logo)
    variants = {variant.kind: variant for variant in version.variants.all()}
    assert set(variants) == set(VariantKind.values)
    for kind, (image_format, mode) in EXPECTED.items():
        data = read(variants[kind])
        image = Image.open(io.BytesIO(data))
        assert (image.format, image.mode) == (image_format, mode), kind
        assert image.size == (WIDTHS[kind], WIDTHS[kind] // 2), kind  # the master is 2:1
        assert (variants[kind].width, variants[kind].height) == image.size
        assert variants[kind].colour_mode == mode
        assert variants[kind].size == len(data)
        assert variants[kind].sha256 == hashlib.sha256(data).hexdigest()
    # Drawn for real: the blue band on the left, transparent in the middle.
    transparent = Image.open(io.BytesIO(read(variants[VariantKind.TRANSPARENT])))
    assert transparent.getpixel((10, 10)) == (0, 0, 145, 255)
    assert transparent.getpixel((800, 400))[3] == 0
    web = Image.open(io.BytesIO(read(variants[VariantKind.WEB_SMALL])))
    assert web.getpixel((160, 80)) == (255, 255, 255)
    tiff = Image.open(io.BytesIO(read(variants[VariantKind.PRINT_TIFF])))
    assert tiff.info["dpi"] == (300, 300)


def test_print_pdf_svg_and_zip_are_real_files(logo):
    version = make_version(logo)
    variants = {variant.kind: variant for variant in version.variants.all()}
    assert read(variants[VariantKind.PRINT_PDF]).startswith(b"%PDF-")
    assert read(variants[VariantKind.SVG]).startswith(b"<svg")
    archive = zipfile.ZipFile(io.BytesIO(read(variants[VariantKind.ZIP])))
    assert archive.testzip() is None
    assert sorted(archive.namelist()) == sorted(
        variant.filename for kind, variant in variants.items() if kind != VariantKind.ZIP)


def test_a_raster_master_gives_the_raster_variants_without_upscaling(logo):
    from django.core.files.base import ContentFile

    from branding.models import LogoVersion
    from branding.variants import generate_variants

    version = LogoVersion(logo=logo)
    version.save()
    version.master_raster.save("logo.png", ContentFile(png_bytes((2000, 1000))), save=True)
    generate_variants(version)
    kinds = set(version.variants.values_list("kind", flat=True))
    assert VariantKind.SVG not in kinds and VariantKind.ZIP in kinds
    hd = version.variants.get(kind=VariantKind.HD)
    assert (hd.width, hd.height) == (2000, 1000)


def test_generating_again_replaces_the_files(logo):
    version = make_version(logo)
    first = set(version.variants.values_list("pk", flat=True))
    from branding.variants import generate_variants

    generate_variants(version)
    assert not first & set(version.variants.values_list("pk", flat=True))
    assert LogoVariant.objects.filter(version=version).count() == len(VariantKind.values)


def test_generation_runs_through_the_task_queue(logo, django_capture_on_commit_callbacks):
    version = make_version(logo, generate=False)
    with django_capture_on_commit_callbacks(execute=True):
        schedule_generation(version)
        assert not version.variants.exists()  # nothing before the commit
    version.refresh_from_db()
    assert version.generated_at is not None
    assert logo.current_version() == version
