"""Sending a release to journalists through the outbox.

``start_distribution`` checks that someone can receive it, stores the distribution and
returns at once; the task ``prepare_distribution`` then writes one delivery and one e-mail
(``queue_email``) per recipient, in chunks. Recipients are deduplicated (a journalist on two
lists gets it once: one delivery per journalist and distribution, enforced by the database),
and do-not-contact, unsubscribed contacts and contacts without an address are left out.
Each e-mail is personal (greeting, unsubscribe link with ``List-Unsubscribe`` and
``List-Unsubscribe-Post`` for one-click), says the embargo when there is one, and links the
privacy notice.
"""

from functools import partial

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django_tasks import task

from portal.outbox.sending import queue_email
from portal.sites import public_url
from press.models import (
    Delivery,
    Distribution,
    DistributionStatus,
    Journalist,
    PressRoomPage,
)

UNSUBSCRIBE_SALT = "relais.press.unsubscribe"
CHUNK = 500
KIND = "press-release"


def recipients(lists=(), subjects=()):
    """Reachable journalists on any of these lists or covering any of these subjects."""
    condition = Q(pk__in=[])
    if lists:
        condition |= Q(lists__in=lists)
    if subjects:
        condition |= Q(beats__in=subjects)
    matching = Journalist.objects.filter(condition).values("pk")
    return Journalist.objects.filter(pk__in=matching)


def start_distribution(page, user, *, lists, subjects, message="") -> Distribution:
    """Store a distribution and have it prepared in the background. A ValidationError when
    nobody would receive it: nothing is stored."""
    everyone = recipients(lists, subjects)
    reachable = everyone.reachable().count()
    if not reachable:
        raise ValidationError(_("Nobody on these lists or subjects can receive it (no "
                                "address, do-not-contact or unsubscribed)."))
    with transaction.atomic():
        distribution = Distribution.objects.create(
            page=page, message=message, created_by=user, recipient_count=reachable,
            excluded_count=everyone.count() - reachable)
        distribution.lists.set(lists)
        distribution.subjects.set(subjects)
        transaction.on_commit(partial(prepare_distribution.enqueue, distribution.pk),
                              robust=True)
    return distribution


def send_test(page, user) -> Distribution:
    """The release as journalists will receive it, to the officer only."""
    if not user.email:
        raise ValidationError(_("Your account has no e-mail address."))
    with transaction.atomic():
        distribution = Distribution.objects.create(
            page=page, created_by=user, is_test=True, recipient_count=1,
            status=DistributionStatus.QUEUED)
        content = ReleaseContent(page, distribution)
        email = queue_email(
            to=user.email, subject=_("[Test] %(subject)s") % {"subject": content.subject()},
            body=content.text(user.first_name, unsubscribe_url=""),
            html_body=content.html(user.first_name, unsubscribe_url=""),
            reply_to=page.contact_email, about=distribution, kind=KIND)
        Delivery.objects.create(distribution=distribution, address=user.email, email=email)
    return distribution


@task()
def prepare_distribution(distribution_id: int) -> int:
    """Queue the e-mails of a distribution; run again, it queues only what is missing."""
    distribution = Distribution.objects.select_related("page").get(pk=distribution_id)
    page = distribution.page.specific
    content = ReleaseContent(page, distribution)
    done = set(distribution.deliveries.values_list("journalist_id", flat=True))
    pending = (recipients(list(distribution.lists.all()), list(distribution.subjects.all()))
               .reachable().exclude(pk__in=done).order_by("pk")
               .only("pk", "first_name", "email", "language"))
    queued = 0
    batch = []
    for journalist in pending.iterator(chunk_size=CHUNK):
        batch.append(journalist)
        if len(batch) == CHUNK:
            queued += queue_batch(distribution, content, batch)
            batch = []
    if batch:
        queued += queue_batch(distribution, content, batch)
    Distribution.objects.filter(pk=distribution.pk).update(status=DistributionStatus.QUEUED)
    return queued


def queue_batch(distribution, content, journalists) -> int:
    with transaction.atomic():
        deliveries = []
        for journalist in journalists:
            unsubscribe = unsubscribe_url(journalist)
            with translation.override(journalist.language):
                email = queue_email(
                    to=journalist.email, subject=content.subject(),
                    body=content.text(journalist.first_name, unsubscribe),
                    html_body=content.html(journalist.first_name, unsubscribe),
                    reply_to=content.page.contact_email, about=distribution, kind=KIND,
                    headers={"List-Unsubscribe": f"<{unsubscribe}>",
                             "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"})
            deliveries.append(Delivery(distribution=distribution, journalist=journalist,
                                       address=journalist.email, email=email))
        Delivery.objects.bulk_create(deliveries)
    return len(deliveries)


class ReleaseContent:
    """What every recipient of a distribution reads: rendered once, personalised per
    recipient."""

    def __init__(self, page, distribution):
        self.page = page
        self.distribution = distribution
        self.room = PressRoomPage.objects.filter(pk=page.get_parent().pk).first()
        self.release_html = render_to_string("press/emails/release_body.html", {"page": page})
        self.release_text = "\n\n".join(
            line.strip() for line in strip_tags(self.release_html).splitlines() if line.strip())

    def subject(self) -> str:
        if self.page.under_embargo:
            return _("EMBARGO until %(moment)s — %(title)s") % {
                "moment": self.embargo_text(), "title": self.page.title}
        return self.page.title

    def embargo_text(self) -> str:
        moment = timezone.localtime(self.page.embargo)
        return _("%(date)s at %(time)s") % {"date": moment.strftime("%d/%m/%Y"),
                                            "time": moment.strftime("%H:%M")}

    def context(self, first_name, unsubscribe_url) -> dict:
        return {
            "page": self.page, "first_name": first_name, "room": self.room,
            "message": self.distribution.message,
            "embargo": self.embargo_text() if self.page.under_embargo else "",
            "page_url": public_url(self.page.url) if self.page.url else "",
            "release_text": self.release_text, "release_html": self.release_html,
            "unsubscribe_url": unsubscribe_url,
            "privacy_url": self.room.privacy_notice_url if self.room else "",
        }

    def text(self, first_name, unsubscribe_url) -> str:
        return render_to_string("press/emails/release.txt",
                                self.context(first_name, unsubscribe_url))

    def html(self, first_name, unsubscribe_url) -> str:
        return render_to_string("press/emails/release.html",
                                self.context(first_name, unsubscribe_url))


# --- Unsubscribing --------------------------------------------------------------------------

def unsubscribe_token(journalist) -> str:
    return signing.dumps(journalist.pk, salt=UNSUBSCRIBE_SALT)


def unsubscribe_url(journalist) -> str:
    return public_url(reverse("press_unsubscribe", args=[unsubscribe_token(journalist)]))


def journalist_from_token(token: str):
    """The journalist a link names, or None when it was tampered with (or they are gone)."""
    try:
        pk = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(pk, int):
        return None
    return Journalist.objects.filter(pk=pk).first()


def unsubscribe(journalist) -> None:
    if journalist.unsubscribed_at is None:
        Journalist.objects.filter(pk=journalist.pk).update(unsubscribed_at=timezone.now())
