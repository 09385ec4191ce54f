"""Reminders of press enquiries whose deadline approaches with no reply."""

from datetime import timedelta

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.outbox.sending import queue_email
from portal.sites import admin_edit_url
from press.models import OPEN_STATUSES, PressEnquiry, PressRoomPage


def send_reminders(hours: int = 24) -> int:
    now = timezone.now()
    due = PressEnquiry.objects.filter(
        status__in=OPEN_STATUSES, reminded_at=None, deadline__lte=now + timedelta(hours=hours),
        replies=None).select_related("spokesperson")
    room = PressRoomPage.objects.live().first()
    count = 0
    for enquiry in due:
        address = (enquiry.spokesperson.email if enquiry.spokesperson
                   else room.press_email if room else "")
        if not address:
            continue
        with transaction.atomic():
            # Claimed first: two runs at once remind only once.
            if not PressEnquiry.objects.filter(pk=enquiry.pk, reminded_at=None).update(
                    reminded_at=now):
                continue
            queue_email(to=address, subject=_("Press enquiry due soon: %(subject)s") % {
                "subject": enquiry.subject},
                body=render_to_string("press/emails/enquiry_reminder.txt", {
                    "enquiry": enquiry, "admin_url": admin_edit_url(enquiry)}),
                about=enquiry, kind="press-enquiry-reminder")
        count += 1
    return count
