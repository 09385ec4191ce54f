"""Moderation of local events: submission, approval, refusal (with the reason e-mailed to
the organiser), and changes to a published event that wait for approval while the published
version stays online."""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from events.mail import send_after_commit
from events.models import PUBLISHED_STATUSES, EventStatus, LocalEvent, TimeSlot
from portal.sites import public_url

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


def submit(event: LocalEvent) -> None:
    event.status = EventStatus.SUBMITTED
    event.submitted_at = timezone.now()
    event.refusal_reason = ""
    event.save()


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
        subject = render_to_string(f"events/email/{outcome}_subject.txt", context).strip()
        body = render_to_string(f"events/email/{outcome}.txt", context)
    send_after_commit(subject, body, organiser.email)
