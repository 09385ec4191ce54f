"""Logos, partners and files of the logo portal, made the way the portal makes them."""

import io

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from branding.models import LogoVersion, PartnerAccess
from branding.models.partners import AccessStatus
from branding.variants import generate_variants

LOGO_SVG = (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100">'
            b'<rect x="0" y="0" width="60" height="100" fill="#000091"/>'
            b'<rect x="140" y="0" width="60" height="100" fill="#e1000f"/></svg>')


def png_bytes(size=(1200, 600), mode="RGB", colour=(0, 0, 145)) -> bytes:
    output = io.BytesIO()
    Image.new(mode, size, colour).save(output, format="PNG")
    return output.getvalue()


def pdf_bytes(size=(595, 842)) -> bytes:
    output = io.BytesIO()
    Image.new("RGB", size, (200, 80, 0)).save(output, format="PDF")
    return output.getvalue()


def upload(name, data, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def make_version(logo, svg: bytes = LOGO_SVG, generate=True, **fields) -> LogoVersion:
    version = LogoVersion(logo=logo, **fields)
    version.save()
    version.master_svg.save(f"{logo.slug}.svg", ContentFile(svg), save=True)
    if generate:
        generate_variants(version)
        version.refresh_from_db()
    return version


def approve(user, organisation="Festival des Vieilles Pierres") -> PartnerAccess:
    return PartnerAccess.objects.create(
        user=user, organisation=organisation, project_reference="DRAC-2026-1",
        intended_use="Affiches", status=AccessStatus.APPROVED)
