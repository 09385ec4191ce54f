"""Moderation of local events: drafts, submission, approval, refusal (with the reason e-mailed
to the organiser), and changes to a published event that wait for approval while the
published version stays online.

What an organiser types is kept as the event's latest Wagtail revision. Until its first
publication the event's row is saved too: it is the draft, seen by its organiser and the
officers only. Once published, the row is what the public sees, and a change is only a
revision until an officer approves it (publishes the revision) or refuses it.

Regional officers are e-mailed when a submission or a change awaits them.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from events.models import EventStatus, LocalEvent
from events.officers import officers_of
from portal.outbox.sending import queue_email
from portal.sites import admin_edit_url, public_url

logger = logging.getLogger(__name__)


def working_version(event: LocalEvent) -> LocalEvent:
    """What the organiser edits: the pending change (latest revision) if there is one, else
    the event as it is. Reading it creates nothing."""
    return event.get_latest_revision_as_object()


def _own_pending_revision(event: LocalEvent, user):
    """The organiser's latest revision while it is not published: saving a step again
    updates it rather than piling up one revision per step."""
    latest = event.latest_revision
    if latest and latest.pk != event.live_revision_id and latest.user_id == user.pk:
        return latest
    return None


@transaction.atomic
def save_draft(event: LocalEvent, working: LocalEvent, user) -> None:
    """Store ``working`` (``event``, or its working version, changed by a form): as the
    event's latest revision, and for an event never published as its row too."""
    working.refresh_dates()
    if event.pk is not None and event.live:
        if event.change_status != EventStatus.SUBMITTED:
            event.change_status = EventStatus.DRAFT
            LocalEvent.objects.filter(pk=event.pk).update(change_status=event.change_status)
    else:
        if working.status == EventStatus.REFUSED:
            working.status = EventStatus.DRAFT
        working.save()
    working.save_revision(user=user, clean=False, log_action=True,
                          overwrite_revision=_own_pending_revision(working, user))


@transaction.atomic
def submit(event: LocalEvent) -> None:
    """Send a draft, or the pending change of a published event, to the regional officer."""
    if event.live:
        event.change_status = EventStatus.SUBMITTED
    else:
        event.status = EventStatus.SUBMITTED
    event.submitted_at = timezone.now()
    event.refusal_reason = ""
    event.save(update_fields=["status", "change_status", "submitted_at", "refusal_reason"])
    notify_officers_of_pending(event)


@transaction.atomic
def approve(event: LocalEvent, user=None) -> LocalEvent:
    """Publish a submission, or the pending change of a published event (its latest
    revision), and tell the organiser."""
    # Events created before revisions (imports, seeding) are their own latest version.
    revision = event.latest_revision or event.save_revision(user=event.organiser, clean=False)
    revision.publish(user=user, skip_permission_checks=True)
    published = LocalEvent.objects.select_related("organiser").get(pk=event.pk)
    notify_organiser(published, "approved")
    return published


@transaction.atomic
def refuse(event: LocalEvent, reason: str) -> None:
    """Refuse a submission; for pending changes, the published version stays online and the
    change stays with the organiser, who may correct it and submit it again."""
    if event.live:
        event.change_status = EventStatus.REFUSED
    else:
        event.status = EventStatus.REFUSED
    event.refusal_reason = reason
    event.save(update_fields=["status", "change_status", "refusal_reason"])
    notify_organiser(event, "refused")


def notify_organiser(event: LocalEvent, outcome: str) -> None:
    organiser = event.organiser
    context = {"event": event, "outcome": outcome, "reason": event.refusal_reason,
               "dashboard_url": public_url(reverse("events:my_events"))}
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"events/emails/{outcome}_subject.txt", context).strip()
        body = render_to_string(f"events/emails/{outcome}.txt", context)
    queue_email(to=organiser.email, subject=subject, body=body,
                about=event, kind=f"event-{outcome}")


def notify_officers_of_pending(event: LocalEvent) -> None:
    """Tell the officers of the event's region that a submission, or a change to a published
    event, awaits them: one e-mail to each, with the link to it in the admin. Called in the
    transaction that submits it."""
    officers = list(officers_of(event.region))
    if not officers:
        logger.warning("Local event %s awaits moderation, but its region has no officer "
                       "to e-mail.", event.pk)
        return
    # A change to a published event is named by its new title, which the officer will see.
    shown = working_version(event) if event.live else event
    context = {"event": shown, "is_change": event.live, "admin_url": admin_edit_url(event)}
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("events/emails/pending_subject.txt", context).strip()
        body = render_to_string("events/emails/pending.txt", context)
    for officer in officers:
        queue_email(to=officer.email, subject=subject, body=body,
                    about=event, kind="event-pending")
