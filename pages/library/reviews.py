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


def _not_reminded_for_its_review_date():
    return Q(review_reminded_on=None) | Q(review_reminded_on__lt=F("review_date"))


def documents_to_remind(today):
    return (ReferenceDocument.objects.review_overdue(today)
            .exclude(owner=None).exclude(owner__email="")
            .filter(_not_reminded_for_its_review_date())
            .select_related("owner").order_by("pk"))


def remind_owner(document, today) -> bool:
    """Claim the document for this review date, then queue its e-mail, in one transaction:
    when the command runs on several servers at once, the first claim wins (the others' UPDATE
    finds the document already reminded) and the owner gets one e-mail."""
    with transaction.atomic():
        claimed = (ReferenceDocument.objects.filter(pk=document.pk)
                   .filter(_not_reminded_for_its_review_date())
                   .update(review_reminded_on=today))
        if not claimed:
            return False
        with translation.override("fr"):
            queue_email(
                to=document.owner.email, about=document, kind="library-review",
                subject=_("Review due: %(title)s") % {"title": document},
                body=render_to_string("pages/library/emails/review_due.txt", {
                    "document": document, "edit_url": admin_edit_url(document)}))
    return True


def remind_owners(today=None) -> int:
    """Queue one e-mail per overdue document not yet reminded for its review date."""
    today = today or timezone.localdate()
    return sum(remind_owner(document, today) for document in documents_to_remind(today))
