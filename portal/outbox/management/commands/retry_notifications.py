"""Former name of ``send_outbox``, kept for existing cron lines."""

from portal.outbox.management.commands.send_outbox import Command  # noqa: F401
