"""Data migration of the changes to published events: each copy row (``replaces``) becomes
the latest revision of the event it changes, and back."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from events.models import EventStatus, LocalEvent, Theme
from events.moderation import approve
from tests.helpers.events import make_event, propose_change, venue_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [("events", "0006_localevent_drafts_and_revisions")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def add_slot(apps, event, day, hour):
    start = timezone.make_aware(dt.datetime(2026, 9, day, hour))
    apps.get_model("events", "TimeSlot").objects.create(
        event_id=event.pk, start=start, end=start + dt.timedelta(hours=2))


def test_copy_rows_become_revisions_of_their_original_and_back(edition, organiser):
    venue = venue_in("35238")
    apps = migrate(BEFORE)
    OldEvent = apps.get_model("events", "LocalEvent")
    common = {"edition_id": edition.pk, "organiser_id": organiser.pk, "venue_id": venue.pk,
              "description": "Une visite.", "region_id": venue.department.region_id,
              "department_id": venue.department_id}
    original = OldEvent.objects.create(title="Visite publiée", status="approved", **common)
    add_slot(apps, original, 19, 10)
    original.themes.set([Theme.objects.get(slug="jardins").pk])
    copy = OldEvent.objects.create(title="Visite modifiée", status="submitted", price="5 €",
                                   is_free=False, replaces=original,
                                   submitted_at=timezone.now(), **common)
    add_slot(apps, copy, 20, 15)
    copy.themes.set([Theme.objects.get(slug="musique").pk])
    draft = OldEvent.objects.create(title="Brouillon", status="draft", **common)

    migrate(latest())
    assert set(LocalEvent.objects.values_list("title", flat=True)) == {"Visite publiée",
                                                                        "Brouillon"}
    event = LocalEvent.objects.get(pk=original.pk)
    assert event.live and not LocalEvent.objects.get(pk=draft.pk).live
    assert event.change_status == EventStatus.SUBMITTED and event.has_unpublished_changes
    assert [slot.start.day for slot in event.slots.all()] == [19]
    pending = event.get_latest_revision_as_object()
    assert (pending.title, pending.price, pending.is_free) == ("Visite modifiée", "5 €", False)
    assert [slot.start.day for slot in pending.slots.all()] == [20]
    assert [theme.slug for theme in pending.themes.all()] == ["musique"]
    assert event.latest_revision.user_id == organiser.pk

    # The migrated change is approved like any other.
    approve(event)
    event.refresh_from_db()
    assert event.title == "Visite modifiée" and event.change_status == ""
    assert [slot.start.day for slot in event.slots.all()] == [20]
    assert [theme.slug for theme in event.themes.all()] == ["musique"]


def test_a_pending_revision_becomes_a_copy_row_when_migrating_back(edition, organiser):
    event = propose_change(make_event(edition, organiser, title="Visite publiée"),
                           title="Visite modifiée")
    apps = migrate(BEFORE)
    OldEvent = apps.get_model("events", "LocalEvent")
    copy = OldEvent.objects.get(replaces_id=event.pk)
    assert (copy.title, copy.status) == ("Visite modifiée", "submitted")
    assert copy.slots.count() == 1
    assert OldEvent.objects.get(pk=event.pk).title == "Visite publiée"
    migrate(latest())
    assert LocalEvent.objects.get(pk=event.pk).get_latest_revision_as_object().title == (
        "Visite modifiée")
