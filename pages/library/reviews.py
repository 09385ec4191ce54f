"""Documents past their review date: their owner is e-mailed once per review date, through
the outbox (``manage.py remind_library_reviews``, from cron), and the admin marks them."""

from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from pages.library.models import ReferenceDocument
from portal.outbox.sending import queue_email
from portal.sites import admin_edit_url


def documents_to_remind(today):
    return (ReferenceDocument.objects.review_overdue(today)
            .exclude(owner=None).exclude(owner__email="")
            .filter(Q(review_reminded_on=None) | Q(review_reminded_on__lt=F("review_date")))
            .select_related("owner").order_by("pk"))


def remind_owners(today=None) -> int:
    """Queue one e-mail per overdue document not yet reminded for its review date."""
    today = today or timezone.localdate()
    sent = 0
    with translation.override("fr"):
        for document in documents_to_remind(today):
            with transaction.atomic():
                queue_email(
                    to=document.owner.email, about=document, kind="library-review",
                    subject=_("Review due: %(title)s") % {"title": document},
                    body=render_to_string("pages/library/emails/review_due.txt", {
                        "document": document, "edit_url": admin_edit_url(document)}))
                ReferenceDocument.objects.filter(pk=document.pk).update(review_reminded_on=today)
            sent += 1
    return sent
