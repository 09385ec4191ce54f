"""The sources the search app registers itself: pages of both sites, documents, events."""

from search.sources import documents, events, pages  # noqa: F401
