"""Merging a duplicate contact into another: what the kept contact lacks is taken from the
duplicate, lists, subjects, regions, tags, sends and enquiries follow it, and the kept
contact's history records the merge with everything the duplicate held."""

from django.db import transaction
from wagtail.log_actions import log

from press.models import Delivery, Journalist, PressEnquiry, Subscription
from press.rgpd import contact_data

FILLED_FIELDS = ["first_name", "outlet", "role", "phone", "mobile", "social_handles",
                 "source", "consent_at"]


def merge(keeper: Journalist, duplicate: Journalist, user=None) -> Journalist:
    if keeper.pk == duplicate.pk:
        raise ValueError("A contact cannot be merged with itself.")
    snapshot = contact_data(duplicate)
    with transaction.atomic():
        for name in FILLED_FIELDS:
            if not getattr(keeper, name) and getattr(duplicate, name):
                setattr(keeper, name, getattr(duplicate, name))
        addresses = [a for a in (keeper.email, keeper.other_email, duplicate.email,
                                 duplicate.other_email) if a]
        unique = list(dict.fromkeys(addresses))
        keeper.email = unique[0] if unique else ""
        keeper.other_email = unique[1] if len(unique) > 1 else ""
        if duplicate.notes:
            keeper.notes = "\n\n".join(filter(None, [keeper.notes, duplicate.notes]))
        # The most cautious choice wins: one "do not contact" or unsubscribe is enough.
        keeper.do_not_contact = keeper.do_not_contact or duplicate.do_not_contact
        keeper.unsubscribed_at = keeper.unsubscribed_at or duplicate.unsubscribed_at
        keeper.beats.add(*duplicate.beats.all())
        keeper.regions.add(*duplicate.regions.all())
        keeper.tags.add(*duplicate.tags.all())
        keeper.lists.add(*duplicate.lists.all())
        already = Delivery.objects.filter(journalist=keeper).values("distribution")
        Delivery.objects.filter(journalist=duplicate).exclude(
            distribution__in=already).update(journalist=keeper)
        Delivery.objects.filter(journalist=duplicate).update(journalist=None)
        PressEnquiry.objects.filter(journalist=duplicate).update(journalist=keeper)
        Subscription.objects.filter(journalist=duplicate).update(journalist=keeper)
        duplicate.delete()
        # Both addresses on one contact: not a duplicate of itself any more.
        keeper.save()
        log(keeper, "press.merge", user=user, data={"merged": snapshot})
    return keeper
