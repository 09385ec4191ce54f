"""Documents of the intranet's library, as editors add them."""

import datetime as dt

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from pages.demo.files import minimal_pdf
from pages.library.models import ReferenceDocument


def pdf_document(title):
    document = get_document_model()(title=title)
    document.file.save(f"{title.lower().replace(' ', '-')}.pdf",
                       ContentFile(minimal_pdf(title)), save=False)
    document.save()
    return document


def make_reference(title, *, directorates=(), kind="note", date=dt.date(2026, 3, 2),
                   owner_service="Bureau du budget et de la logistique", **fields):
    reference = ReferenceDocument(title=title, kind=kind, date=date,
                                  owner_service=owner_service,
                                  document=pdf_document(title), **fields)
    reference.save()
    reference.directorates.set(directorates)
    return reference
