"""Drop the delivery records that the outbox now holds (see 0006)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("pages", "0006_move_delivery_records_to_outbox"),
    ]

    operations = [
        migrations.DeleteModel(
            name="QuestionEmail",
        ),
        migrations.RemoveIndex(
            model_name="papercopyrequest",
            name="pages_paper_email_s_4e1305_idx",
        ),
        migrations.RemoveField(
            model_name="papercopyrequest",
            name="email_attempts",
        ),
        migrations.RemoveField(
            model_name="papercopyrequest",
            name="email_error",
        ),
        migrations.RemoveField(
            model_name="papercopyrequest",
            name="email_sent_at",
        ),
    ]
