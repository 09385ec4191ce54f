"""The pressroom's RSS feed: released releases only (live, public, embargo over)."""

import datetime as dt

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed

FEED_LENGTH = 20


class ReleasesFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, room):
        self.room = room
        self.request = None

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return self.room

    def title(self, room):
        return room.title

    def link(self, room):
        return room.get_full_url(self.request)

    def feed_url(self, room):
        return self.request.build_absolute_uri(self.request.path)

    def description(self, room):
        return room.summary or room.title

    def items(self, room):
        releases, _kits = room.released_items()
        return list(releases.defer_streamfields().order_by("-date", "-pk")[:FEED_LENGTH])

    def item_title(self, release):
        return release.title

    def item_description(self, release):
        return release.summary

    def item_link(self, release):
        return release.get_full_url(self.request)

    def item_pubdate(self, release):
        return release.embargo or timezone.make_aware(
            dt.datetime.combine(release.date, dt.time.min))
