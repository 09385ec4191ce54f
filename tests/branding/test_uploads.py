"""Masters and proofs are checked by their content; a refused file leaves nothing behind."""

import pytest

from branding.checks import proof_format
from branding.forms import LogoVersionForm
from branding.models import Logo, LogoVersion
from branding.models.assets import LogoOwner
from portal.uploads import SVG_REFUSALS
from tests.helpers.branding import LOGO_SVG, pdf_bytes, png_bytes, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def logo():
    return Logo.objects.create(name="DRAC", slug="drac", owner=LogoOwner.DIRECTORATE)


class VersionForm(LogoVersionForm):
    class Meta:
        model = LogoVersion
        fields = ["logo", "master_svg", "master_raster", "notes", "published_at", "expires_at"]


def version_form(logo, **files):
    return VersionForm(data={"logo": logo.pk, "published_at": "2026-01-01 10:00"},
                       files=files)


def test_a_plain_svg_master_is_accepted(logo):
    form = version_form(logo, master_svg=upload("logo.svg", LOGO_SVG, "image/svg+xml"))
    assert form.is_valid(), form.errors


@pytest.mark.parametrize(("svg", "reason"), [
    (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "script"),
    (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "event"),
    (b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink">'
     b'<image x:href="https://evil.example/a.png"/></svg>', "external"),
    (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
     b'<svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>', "entity"),
    (b"not xml at all", "invalid"),
])
def test_an_unsafe_svg_master_is_refused_with_a_clear_message(logo, svg, reason):
    form = version_form(logo, master_svg=upload("logo.svg", svg, "image/svg+xml"))
    assert not form.is_valid()
    assert [error.code for error in form.errors.as_data()["master_svg"]] == [f"svg_{reason}"]
    assert form.errors["master_svg"] == [str(SVG_REFUSALS[reason])]
    assert not LogoVersion.objects.exists()


def test_a_version_needs_a_master(logo):
    form = version_form(logo)
    assert not form.is_valid()
    assert "Déposez un fichier source SVG" in str(form.errors)


def test_a_disguised_raster_is_refused(logo):
    form = version_form(logo, master_raster=upload("logo.png", b"%PDF-1.4 not an image"))
    assert not form.is_valid()
    assert [error.code for error in form.errors.as_data()["master_raster"]] == ["not_an_image"]


def test_a_raster_too_small_for_print_is_refused(logo):
    form = version_form(logo, master_raster=upload("logo.png", png_bytes((300, 150))))
    assert not form.is_valid()
    assert [error.code for error in form.errors.as_data()["master_raster"]] == [
        "raster_too_small"]


def test_a_decompression_bomb_is_refused(logo):
    bomb = png_bytes((12000, 12000), mode="1", colour=0)  # 144 megapixels, a few kilobytes
    form = version_form(logo, master_raster=upload("logo.png", bomb))
    assert not form.is_valid()
    assert [error.code for error in form.errors.as_data()["master_raster"]] == [
        "image_too_many_pixels"]


def test_a_raster_master_is_stored_with_its_real_extension(logo):
    form = version_form(logo, master_raster=upload("logo.pdf", png_bytes((1200, 600))))
    assert form.is_valid(), form.errors
    assert form.save().master_raster.name.endswith(".png")


@pytest.mark.parametrize(("name", "data", "expected"), [
    ("affiche.pdf", pdf_bytes(), "pdf"),
    ("affiche.png", png_bytes((800, 1100)), "png"),
    ("affiche.pdf", png_bytes((800, 1100)), "png"),
])
def test_proofs_are_known_by_their_content(name, data, expected):
    assert proof_format(upload(name, data)) == expected


@pytest.mark.parametrize(("data", "code"), [
    (b"GIF89a" + b"\0" * 100, "proof_format"),
    (b"%PDF-1.4 garbage", "pdf_unreadable"),
    (b"PK\x03\x04 a zip", "proof_format"),
])
def test_refused_proofs(data, code):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refusal:
        proof_format(upload("affiche.pdf", data))
    assert refusal.value.code == code
