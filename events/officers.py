"""Which regions a member of staff moderates.

A regional officer belongs to the "Event officers" group (admin access, change and view
local events) and to the staff group of their directorate: the directorate's ``region_name``
(Settings → Directorates) names the region they handle. Holders of the
``events.moderate_all_regions`` permission (and superusers) handle every region.
"""

from django.utils.text import slugify

from events.models import LocalEvent, Region

OFFICER_GROUP = "Event officers"


def officer_regions(user):
    if not user.is_authenticated:
        return Region.objects.none()
    if user.has_perm("events.moderate_all_regions"):
        return Region.objects.all()
    wanted = {slugify(d.region_name) for d in user.directorates if d.region_name}
    ids = [region.pk for region in Region.objects.all() if slugify(region.name) in wanted]
    return Region.objects.filter(pk__in=ids)


def events_for_officer(user):
    return LocalEvent.objects.filter(region__in=officer_regions(user))


def may_moderate(user, event) -> bool:
    return officer_regions(user).filter(pk=event.region_id).exists()
