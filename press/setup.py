"""The pressroom under the public home, with the Press officers' page permissions on it."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from press.models import PressRoomPage
from press.models.contacts import PRESS_OFFICERS

GROUP = PRESS_OFFICERS
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "view_page"]


def ensure_pressroom(home, **fields) -> PressRoomPage:
    room = PressRoomPage.objects.child_of(home).first()
    if room is None:
        room = PressRoomPage(**{
            "title": "Salle de presse", "slug": "presse",
            "press_email": "presse@relais.localhost", "press_phone": "02 99 00 00 00",
            "privacy_notice_url": "https://localhost/donnees-personnelles/", **fields})
        home.add_child(instance=room)
        room.save_revision().publish()
    group = Group.objects.get(name=GROUP)
    for permission in Permission.objects.filter(content_type__app_label="wagtailcore",
                                                codename__in=PAGE_PERMISSIONS):
        GroupPagePermission.objects.get_or_create(group=group, page=room,
                                                  permission=permission)
    return room
