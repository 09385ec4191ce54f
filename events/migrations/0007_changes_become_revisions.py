"""Changes to published events become Wagtail revisions of the event instead of copy rows.

Forward: an event is live when its status is a published one; each copy row (``replaces``
set) becomes the latest revision of the event it changes (its fields, time slots and themes,
by its organiser, dated from the copy's last change); the copy's status becomes the event's
``change_status`` (with its refusal reason and submission date), then the copy row, its slots
and its themes are deleted. Backward: each pending revision of a live event becomes a copy
row again.
"""

from django.db import migrations
from modelcluster.models import get_serializable_data_for_fields

PUBLISHED = ["approved", "cancelled", "full"]
CHANGE_STATUSES = {"draft", "submitted", "refused"}
# Fields of a copy that describe the copy row, not the change it holds.
ROW_ONLY = {"replaces", "latest_revision", "live_revision", "live", "has_unpublished_changes",
            "first_published_at", "last_published_at", "go_live_at", "expire_at", "expired",
            "status", "change_status", "refusal_reason", "submitted_at", "created_at"}


def revision_content(copy, original):
    """The change held by ``copy``, serialised as Wagtail serialises the event (modelcluster:
    fields, then the child time slots and the theme ids)."""
    content = {name: value for name, value in get_serializable_data_for_fields(copy).items()
               if name not in ROW_ONLY}
    content["pk"] = original.pk
    # New slots of the event: the copy's own slot rows are deleted with it.
    content["slots"] = [
        {**get_serializable_data_for_fields(slot), "pk": None, "event": original.pk}
        for slot in copy.slots.order_by("start", "pk")
    ]
    content["themes"] = list(copy.themes.order_by("pk").values_list("pk", flat=True))
    return content


def changes_become_revisions(apps, schema_editor):
    LocalEvent = apps.get_model("events", "LocalEvent")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _created = ContentType.objects.get_or_create(app_label="events",
                                                               model="localevent")
    LocalEvent.objects.filter(status__in=PUBLISHED, replaces__isnull=True).update(live=True)
    copies = LocalEvent.objects.filter(replaces__isnull=False).select_related("replaces")
    for copy in copies.order_by("pk"):
        original = copy.replaces
        revision = Revision.objects.create(
            content_type=content_type, base_content_type=content_type,
            object_id=str(original.pk), created_at=copy.updated_at, user_id=copy.organiser_id,
            content=revision_content(copy, original), object_str=copy.title,
        )
        status = copy.status if copy.status in CHANGE_STATUSES else "draft"
        LocalEvent.objects.filter(pk=original.pk).update(
            latest_revision=revision, has_unpublished_changes=True, change_status=status,
            refusal_reason=copy.refusal_reason if status == "refused" else "",
            submitted_at=copy.submitted_at or original.submitted_at,
        )
        copy.delete()


def revisions_become_copies(apps, schema_editor):
    LocalEvent = apps.get_model("events", "LocalEvent")
    TimeSlot = apps.get_model("events", "TimeSlot")
    Revision = apps.get_model("wagtailcore", "Revision")
    fields = [field for field in LocalEvent._meta.concrete_fields
              if not field.primary_key and field.name not in ROW_ONLY]
    pending = LocalEvent.objects.filter(live=True, has_unpublished_changes=True,
                                        latest_revision__isnull=False)
    for original in pending.select_related("latest_revision").order_by("pk"):
        content = original.latest_revision.content
        copy = LocalEvent(replaces=original, status=original.change_status or "draft",
                          refusal_reason=original.refusal_reason,
                          submitted_at=original.submitted_at)
        for field in fields:
            if field.name in content:
                value = content[field.name]
                setattr(copy, field.attname, value if field.is_relation else field.to_python(value))
        copy.save()
        copy.themes.set(content.get("themes", []))
        TimeSlot.objects.bulk_create(
            TimeSlot(event=copy, start=TimeSlot._meta.get_field("start").to_python(slot["start"]),
                     end=TimeSlot._meta.get_field("end").to_python(slot["end"]))
            for slot in content.get("slots", [])
        )
        LocalEvent.objects.filter(pk=original.pk).update(
            latest_revision=None, has_unpublished_changes=False, change_status="")
        # Deleted in SQL: a queryset delete would collect the rows of every app's historical
        # models pointing at revisions, some of which (wagtail-localize's translation log) may
        # be read in a state older than their table. Nothing but the event points at it.
        schema_editor.execute(f"DELETE FROM {Revision._meta.db_table} WHERE id = %s",
                              [original.latest_revision_id])


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0006_localevent_drafts_and_revisions"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(changes_become_revisions, revisions_become_copies)]
