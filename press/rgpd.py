"""Data-subject rights on a press contact: everything held on them (JSON), and erasure that
keeps send statistics without personal data."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from wagtail.models import ModelLogEntry

from portal.outbox.models import OutgoingEmail
from press.models import Delivery, Journalist, PressEnquiry, Subscription

ERASED = "effacé"


def contact_data(journalist: Journalist) -> dict:
    """Everything Relais holds on a contact, as JSON-ready data."""
    return {
        "id": journalist.pk,
        "first_name": journalist.first_name,
        "last_name": journalist.last_name,
        "outlet": journalist.outlet.name if journalist.outlet else None,
        "role": journalist.role,
        "email": journalist.email,
        "other_email": journalist.other_email,
        "phone": journalist.phone,
        "mobile": journalist.mobile,
        "social_handles": journalist.social_handles,
        "language": journalist.language,
        "notes": journalist.notes,
        "subjects": [beat.name for beat in journalist.beats.all()],
        "regions": [region.name for region in journalist.regions.all()],
        "tags": [tag.name for tag in journalist.tags.all()],
        "lists": [contact_list.name for contact_list in journalist.lists.all()],
        "source": journalist.source,
        "legal_basis": journalist.legal_basis,
        "consent_at": iso(journalist.consent_at),
        "do_not_contact": journalist.do_not_contact,
        "unsubscribed_at": iso(journalist.unsubscribed_at),
        "created_at": iso(journalist.created_at),
        "updated_at": iso(journalist.updated_at),
        "releases_received": [
            {"release": delivery.distribution.page.title,
             "sent_on": iso(delivery.distribution.created_at),
             "address": delivery.address, "status": delivery.status}
            for delivery in journalist.deliveries.select_related("distribution__page",
                                                                 "email")],
        "enquiries": [
            {"subject": enquiry.subject, "message": enquiry.message,
             "received_on": iso(enquiry.received_at), "status": enquiry.status}
            for enquiry in journalist.enquiries.all()],
    }


def iso(moment):
    return moment.isoformat() if moment else None


def erase(journalist: Journalist) -> None:
    """Delete the contact and every copy of their personal data; each release they received
    stays counted, with its status, without them."""
    addresses = {a for a in (journalist.email, journalist.other_email) if a}
    with transaction.atomic():
        email_ids = list(journalist.deliveries.exclude(email=None)
                         .values_list("email_id", flat=True))
        OutgoingEmail.objects.filter(pk__in=email_ids).update(
            to=ERASED, body="", html_body="", headers={}, last_error="")
        journalist.deliveries.update(journalist=None, address="")
        enquiries = PressEnquiry.objects.filter(Q(journalist=journalist)
                                                | Q(email__in=addresses))
        OutgoingEmail.objects.filter(
            content_type=ContentType.objects.get_for_model(PressEnquiry),
            object_id__in=list(enquiries.values_list("pk", flat=True)),
        ).update(to=ERASED, reply_to="", body="", html_body="", headers={})
        enquiries.update(name=ERASED, email="efface@invalid", phone="", message="",
                         journalist=None)
        Subscription.objects.filter(Q(journalist=journalist) | Q(email__in=addresses)).delete()
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Journalist),
            object_id=str(journalist.pk)).delete()
        Delivery.objects.filter(address__in=addresses).update(address="")
        journalist.delete()
