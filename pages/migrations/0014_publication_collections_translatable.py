"""Publication collections are translated like news categories: each row gets a language
(the default one for the existing collections) and a translation key of its own, and its
name and slug are unique per language."""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from wagtail.coreutils import get_supported_content_language_variant


def give_existing_collections_the_default_locale(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    PublicationCollection = apps.get_model("pages", "PublicationCollection")
    collections = PublicationCollection.objects.all()
    if not collections.exists():
        return
    locale, _created = Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    for collection in collections:
        # One key per row: a field default would have given them all the same key.
        collection.locale = locale
        collection.translation_key = uuid.uuid4()
        collection.save(update_fields=["locale", "translation_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0013_stream_blocks_guidance"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="publicationcollection",
            name="locale",
            field=models.ForeignKey(editable=False, null=True,
                                    on_delete=django.db.models.deletion.PROTECT,
                                    related_name="+", to="wagtailcore.locale",
                                    verbose_name="locale"),
        ),
        migrations.AddField(
            model_name="publicationcollection",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(give_existing_collections_the_default_locale,
                             migrations.RunPython.noop),
        migrations.AlterField(
            model_name="publicationcollection",
            name="locale",
            field=models.ForeignKey(editable=False,
                                    on_delete=django.db.models.deletion.PROTECT,
                                    related_name="+", to="wagtailcore.locale",
                                    verbose_name="locale"),
        ),
        migrations.AlterField(
            model_name="publicationcollection",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="publicationcollection",
            name="name",
            field=models.CharField(max_length=200, verbose_name="name"),
        ),
        migrations.AlterField(
            model_name="publicationcollection",
            name="slug",
            field=models.SlugField(help_text="Used in the address of the filtered list.",
                                   max_length=100, verbose_name="slug"),
        ),
        migrations.AlterUniqueTogether(
            name="publicationcollection",
            unique_together={("slug", "locale"), ("translation_key", "locale")},
        ),
    ]
