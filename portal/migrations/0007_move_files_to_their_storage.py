"""Move the existing documents and images into portal's library models, each file to the
location its privacy wants, and give each directorate its collection.

- Every wagtaildocs.Document becomes a portal.LibraryDocument with the same id, and its file
  moves from MEDIA_ROOT to PRIVATE_MEDIA_ROOT: documents are only ever served by the view.
- Every wagtailimages.Image becomes a portal.LibraryImage with the same id, and its original
  moves to PRIVATE_MEDIA_ROOT. Renditions of images in public collections are kept where they
  are; those of images in restricted collections (the intranet's) are deleted with their
  files, which were readable by anyone: they are made again, restricted, when next shown.
- Tags, the reference index and the admin history follow the new content types. The search
  index is rebuilt by `manage.py update_index`.
- Each directorate gets its collection inside the intranet collection, restricted to its staff
  group.

Stored pages keep their references: StreamField and rich-text blocks store ids, and ids are
kept. The old rows stay in Wagtail's tables, unused.
"""

import importlib
import logging

from django.core.files.storage import storages
from django.core.management.color import no_style
from django.db import migrations

logger = logging.getLogger(__name__)

collections_migration = importlib.import_module(
    "portal.migrations.0003_roles_and_intranet_collection"
)

MOVED_MODELS = [
    # (old app, old model, new model)
    ("wagtaildocs", "document", "librarydocument"),
    ("wagtailimages", "image", "libraryimage"),
]


def move_to_private_storage(name: str) -> str:
    """Move a file from MEDIA_ROOT to PRIVATE_MEDIA_ROOT; its name, possibly made unique."""
    public, private = storages["default"], storages["restricted"]
    if not name or not public.exists(name):
        if name and not private.exists(name):
            logger.warning("File %s is missing: its row is kept as it is.", name)
        return name
    with public.open(name, "rb") as content:
        new_name = private.save(name, content)
    public.delete(name)
    return new_name


def restricted_paths(apps) -> tuple[str, ...]:
    CollectionViewRestriction = apps.get_model("wagtailcore", "CollectionViewRestriction")
    IntranetSettings = apps.get_model("portal", "IntranetSettings")
    paths = set(CollectionViewRestriction.objects.values_list("collection__path", flat=True))
    paths.update(path for path in IntranetSettings.objects.values_list(
        "intranet_collection__path", flat=True) if path)
    return tuple(paths)


def copy_rows(old_model, new_model, move_files):
    copies = []
    for old in old_model.objects.order_by("pk").iterator():
        new = new_model()
        for field in old_model._meta.concrete_fields:
            setattr(new, field.attname, getattr(old, field.attname))
        if move_files:
            new.file = move_to_private_storage(old.file.name)
        copies.append((old, new))
    new_model.objects.bulk_create([new for _old, new in copies], batch_size=500)
    # bulk_create stamps "created at" with the current time: give back the upload dates.
    for old, new in copies:
        new.created_at = old.created_at
    new_model.objects.bulk_update([new for _old, new in copies], ["created_at"],
                                  batch_size=500)


def copy_renditions(apps, paths):
    OldRendition = apps.get_model("wagtailimages", "Rendition")
    NewRendition = apps.get_model("portal", "LibraryRendition")
    public = storages["default"]
    kept = []
    for old in OldRendition.objects.select_related("image__collection").iterator():
        if old.image.collection.path.startswith(paths):
            if old.file.name and public.exists(old.file.name):
                public.delete(old.file.name)
            continue
        kept.append(NewRendition(
            image_id=old.image_id, filter_spec=old.filter_spec, file=old.file.name,
            width=old.width, height=old.height, focal_point_key=old.focal_point_key,
            restricted=False,
        ))
    NewRendition.objects.bulk_create(kept, batch_size=500)
    OldRendition.objects.all().delete()


def follow_content_types(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    TaggedItem = apps.get_model("taggit", "TaggedItem")
    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    for old_app, old_model, new_model in MOVED_MODELS:
        old = ContentType.objects.filter(app_label=old_app, model=old_model).first()
        if old is None:
            continue
        new, _created = ContentType.objects.get_or_create(app_label="portal", model=new_model)
        TaggedItem.objects.filter(content_type=old).update(content_type=new)
        ModelLogEntry.objects.filter(content_type=old).update(content_type=new)
        for field in ("content_type", "base_content_type", "to_content_type"):
            ReferenceIndex.objects.filter(**{field: old}).update(**{field: new})


def create_directorate_collections(apps):
    Collection = apps.get_model("wagtailcore", "Collection")
    CollectionViewRestriction = apps.get_model("wagtailcore", "CollectionViewRestriction")
    Directorate = apps.get_model("portal", "Directorate")
    IntranetSettings = apps.get_model("portal", "IntranetSettings")
    settings = IntranetSettings.objects.select_related("intranet_collection").first()
    parent = (settings and settings.intranet_collection) or Collection.objects.filter(
        depth=1).first()
    if parent is None:
        return
    for directorate in Directorate.objects.filter(collection__isnull=True):
        siblings = Collection.objects.filter(depth=parent.depth + 1,
                                             path__startswith=parent.path)
        collection = Collection.objects.create(
            name=directorate.short_name, depth=parent.depth + 1, numchild=0,
            path=collections_migration.next_child_path(parent, siblings),
        )
        parent.numchild = siblings.count()
        parent.save(update_fields=["numchild"])
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type="groups")
        if directorate.staff_group_id:
            restriction.groups.add(directorate.staff_group_id)
        directorate.collection = collection
        directorate.save(update_fields=["collection"])


def forwards(apps, schema_editor):
    create_directorate_collections(apps)
    paths = restricted_paths(apps)
    copy_rows(apps.get_model("wagtaildocs", "Document"),
              apps.get_model("portal", "LibraryDocument"), move_files=True)
    copy_rows(apps.get_model("wagtailimages", "Image"),
              apps.get_model("portal", "LibraryImage"), move_files=True)
    copy_renditions(apps, paths)
    follow_content_types(apps)
    # Rows were inserted with their ids: PostgreSQL's sequences must continue after them.
    connection = schema_editor.connection
    models = [apps.get_model("portal", name)
              for name in ("LibraryDocument", "LibraryImage", "LibraryRendition")]
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0006_library_documents_and_images"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
