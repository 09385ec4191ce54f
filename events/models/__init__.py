from events.models.local import (  # noqa: F401
    ACCESSIBILITY,
    PUBLISHED_STATUSES,
    AttendanceMode,
    EventStatus,
    LocalEvent,
    TimeSlot,
    Venue,
)
from events.models.pages import (  # noqa: F401
    DirectorateEventPage,
    NationalEventPage,
    RegionalKeyFigure,
    RegionalProgrammePage,
    public_edition_ids,
)
from events.models.reference import Commune, Department, Region, Theme  # noqa: F401
from events.models.registrations import Registration, RegistrationStatus  # noqa: F401
