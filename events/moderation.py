"""Moderation of local events: submission (the region's officers are e-mailed), approval,
refusal (with the reason e-mailed to the organiser), and changes to a published event that
wait for approval while the published version stays online."""

import logging

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from events.models import PUBLISHED_STATUSES, EventStatus, LocalEvent, TimeSlot
from events.officers import officers_of
from portal.outbox.sending import queue_email
from portal.sites import admin_edit_url, public_url

logger = logging.getLogger(__name__)

# Fields a pending copy carries over to the published event on approval.
NOT_COPIED = {"id", "replaces", "status", "refusal_reason", "created_at", "updated_at",
              "submitted_at", "first_start", "last_end"}


def copied_fields():
    return [field for field in LocalEvent._meta.concrete_fields if field.name not in NOT_COPIED]


def working_copy(event: LocalEvent) -> LocalEvent:
    """What the organiser edits: the event itself, or for a published event the copy that
    holds their changes (created on first edit)."""
    if event.status not in PUBLISHED_STATUSES:
        return event
    pending = event.pending_versions.first()
    if pending is not None:
        return pending
    return clone_for_changes(event)


@transaction.atomic
def clone_for_changes(event: LocalEvent) -> LocalEvent:
    copy = LocalEvent(replaces=event, status=EventStatus.DRAFT)
    for field in copied_fields():
        setattr(copy, field.attname, getattr(event, field.attname))
    copy.save()
    copy.themes.set(event.themes.all())
    TimeSlot.objects.bulk_create(
        TimeSlot(event=copy, start=slot.start, end=slot.end) for slot in event.slots.all()
    )
    copy.refresh_dates()
    return copy


@transaction.atomic
def submit(event: LocalEvent) -> None:
    event.status = EventStatus.SUBMITTED
    event.submitted_at = timezone.now()
    event.refusal_reason = ""
    event.save()
    notify_officers_of_pending(event)


@transaction.atomic
def approve(event: LocalEvent) -> LocalEvent:
    """Publish a submission, or apply a published event's pending changes."""
    if event.replaces_id:
        published = apply_changes(event)
    else:
        event.status = EventStatus.APPROVED
        event.refusal_reason = ""
        event.save()
        published = event
    notify_organiser(published, "approved")
    return published


def apply_changes(copy: LocalEvent) -> LocalEvent:
    original = copy.replaces
    for field in copied_fields():
        setattr(original, field.attname, getattr(copy, field.attname))
    original.save()
    original.themes.set(copy.themes.all())
    original.slots.all().delete()
    copy.slots.update(event=original)
    original.refresh_dates()
    copy.delete()
    return original


@transaction.atomic
def refuse(event: LocalEvent, reason: str) -> None:
    """Refuse a submission; for pending changes, the published version stays online."""
    event.status = EventStatus.REFUSED
    event.refusal_reason = reason
    event.save()
    notify_organiser(event, "refused")


def notify_organiser(event: LocalEvent, outcome: str) -> None:
    organiser = event.organiser
    context = {"event": event, "outcome": outcome, "reason": event.refusal_reason,
               "dashboard_url": public_url(reverse("events:my_events"))}
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"events/emails/{outcome}_subject.txt", context).strip()
        body = render_to_string(f"events/emails/{outcome}.txt", context)
    queue_email(to=organiser.email, subject=subject, body=body,
                about=event.replaces or event, kind=f"event-{outcome}")


def notify_officers_of_pending(event: LocalEvent) -> None:
    """Tell the officers of the event's region that a submission, or a change to a published
    event, awaits them: one e-mail to each, with the link to it in the admin. Called in the
    transaction that submits it."""
    officers = list(officers_of(event.region))
    if not officers:
        logger.warning("Local event %s awaits moderation, but its region has no officer "
                       "to e-mail.", event.pk)
        return
    context = {"event": event, "is_change": event.replaces_id is not None,
               "admin_url": admin_edit_url(event)}
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("events/emails/pending_subject.txt", context).strip()
        body = render_to_string("events/emails/pending.txt", context)
    for officer in officers:
        queue_email(to=officer.email, subject=subject, body=body,
                    about=event.replaces or event, kind="event-pending")
