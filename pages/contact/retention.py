"""Questions are deleted once the retention period of the page they were asked on is over."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import ModelLogEntry

from pages.contact.models import DEFAULT_RETENTION_MONTHS, ContactPage, Question, months_before


def expired_questions(now=None):
    """Questions older than their page's retention period (the default one without a page)."""
    now = now or timezone.now()
    periods = dict(ContactPage.objects.values_list("pk", "retention_months"))
    expired = Question.objects.none()
    for months in {*periods.values(), DEFAULT_RETENTION_MONTHS}:
        page_ids = [pk for pk, period in periods.items() if period == months]
        same_period = Question.objects.filter(page_id__in=page_ids)
        if months == DEFAULT_RETENTION_MONTHS:
            same_period = same_period | Question.objects.filter(page__isnull=True)
        expired = expired | same_period.filter(created_at__lt=months_before(now, months))
    return expired


@transaction.atomic
def purge_expired_questions(now=None) -> int:
    """Delete expired questions, their e-mail records and the admin's history of them."""
    ids = list(expired_questions(now).values_list("pk", flat=True))
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Question),
        object_id__in=[str(pk) for pk in ids],
    ).delete()
    Question.objects.filter(pk__in=ids).delete()
    return len(ids)
