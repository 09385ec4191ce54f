"""Which regions a member of staff moderates.

A regional officer belongs to the "Chargés des événements" group (admin access, change and view
local events) and to the staff group of their directorate: the directorate's ``region_name``
(Settings → Directorates) names the region they handle. Holders of the
``events.moderate_all_regions`` permission (and superusers) handle every region.
"""

from django.contrib.auth.models import Permission
from django.db.models import Q
from django.utils.text import slugify

from events.models import LocalEvent, Region
from portal.models import Directorate, User

OFFICER_GROUP = "Chargés des événements"


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


def officers_of(region):
    """Who is told of the region's submissions: its active regional officers, or, for a
    region without any, those who moderate every region (by permission, not superusers)."""
    users = User.objects.filter(is_active=True)
    if region is not None:
        wanted = slugify(region.name)
        directorates = [directorate.pk for directorate in
                        Directorate.objects.exclude(region_name="")
                        if slugify(directorate.region_name) == wanted]
        regional = (users.filter(groups__name=OFFICER_GROUP)
                    .filter(groups__directorate__in=directorates).distinct())
        if regional.exists():
            return regional
    everywhere = Permission.objects.filter(content_type__app_label="events",
                                           codename="moderate_all_regions")
    return users.filter(Q(groups__permissions__in=everywhere)
                        | Q(user_permissions__in=everywhere)).distinct()
