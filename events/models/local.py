"""Local events offered by organisers during a national event, their venues and time slots.

They are snippets, not Wagtail pages: a region has hundreds to thousands of them, organisers
write them on the public site and regional officers moderate them in the admin.

An event's row is what the public sees once it is published; what its organiser types is
kept as the event's latest Wagtail revision (``DraftStateMixin``, ``RevisionMixin``), time
slots and themes included (a cluster: ``ParentalKey``, ``ParentalManyToManyField``). Until
its first publication the row is also updated, being the draft itself; afterwards a change
waits as a revision, the row stays as published, and approving the change publishes the
revision (``events.moderation``).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import DraftStateMixin, RevisionMixin

from events import geography
from events.models.reference import Department, Region, Theme
from portal.text import folded
from portal.uploads import photo_format

MAX_IMAGE_BYTES = 5 * 1024 * 1024

# (code, label): each code is a boolean field ``access_<code>`` on LocalEvent.
ACCESSIBILITY = [
    ("motor", _("Motor disability")),
    ("visual", _("Visual disability")),
    ("hearing", _("Hearing disability")),
    ("mental", _("Mental or cognitive disability")),
    ("psychic", _("Psychic disability")),
]


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Awaiting moderation")
    # With a context, so as not to replace Wagtail's own "Published" (of pages).
    APPROVED = "approved", pgettext_lazy("local event status", "Published")
    REFUSED = "refused", _("Refused")
    CANCELLED = "cancelled", _("Cancelled")
    FULL = "full", _("Full")


# Cancelled and full events stay in the programme, with their status shown.
PUBLISHED_STATUSES = (EventStatus.APPROVED, EventStatus.CANCELLED, EventStatus.FULL)

# Where the changes to a published event stand (blank: none); the event keeps its own status.
CHANGE_STATUSES = [(status.value, status.label) for status in (
    EventStatus.DRAFT, EventStatus.SUBMITTED, EventStatus.REFUSED)]


class AttendanceMode(models.TextChoices):
    OFFLINE = "offline", _("On site")
    ONLINE = "online", _("Online")
    MIXED = "mixed", _("On site and online")


def validate_event_image(file):
    """Refuse oversized files and anything whose content is not a JPEG, PNG or WebP image of
    at most portal.uploads.MAX_PHOTO_MEGAPIXELS."""
    if file.size > MAX_IMAGE_BYTES:
        raise ValidationError(
            _("The image is too large (%(size)s MB); the limit is 5 MB."),
            params={"size": round(file.size / 1024 / 1024, 1)},
            code="image_too_large",
        )
    photo_format(file)


postcode_validator = RegexValidator(r"^\d{5}$", _("A postcode has five digits."))


class Venue(models.Model):
    """A place where events happen; one row per place, shared by its events."""

    name = models.CharField(_("name of the place"), max_length=200)
    address = models.CharField(_("street address"), max_length=255)
    postcode = models.CharField(_("postcode"), max_length=5, validators=[postcode_validator])
    commune = models.CharField(_("commune"), max_length=150)
    commune_code = models.CharField(
        _("commune INSEE code"),
        max_length=5,
        help_text=_("Five characters, for example 35238 for Rennes or 2A004 for Ajaccio."),
    )
    department = models.ForeignKey(
        Department, verbose_name=_("department"), on_delete=models.PROTECT, related_name="venues"
    )
    # Never asked of organisers (they give the address); filled in later, when known.
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    # Same name in the same commune is the same place: organisers share venues.
    key = models.CharField(max_length=260, unique=True, editable=False)

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["commune", "name"]

    def __str__(self):
        return f"{self.name} ({self.commune})"

    def save(self, *args, **kwargs):
        self.commune_code = self.commune_code.strip().upper()
        self.key = self.make_key(self.name, self.commune_code)
        super().save(*args, **kwargs)
        for event in self.events.all():  # their search text names the venue
            LocalEvent.objects.filter(pk=event.pk).update(search_text=event.make_search_text())

    @staticmethod
    def make_key(name: str, commune_code: str) -> str:
        return f"{commune_code.strip().upper()}:{slugify(name)}"

    def clean(self):
        errors = {}
        code = (self.commune_code or "").strip().upper()
        self.commune_code = code
        department = self.department if self.department_id else None
        if code and not geography.is_valid_commune_code(code):
            errors["commune_code"] = _("An INSEE commune code has five characters, "
                                       "for example 35238 or 2A004.")
        elif code and department and not geography.commune_matches_department(
            code, department.code
        ):
            errors["commune_code"] = _(
                "The commune %(code)s is not in the department %(department)s."
            ) % {"code": code, "department": department}
        if self.latitude is not None and self.longitude is not None:
            if not geography.is_in_france(self.latitude, self.longitude):
                errors["latitude"] = _("These coordinates are outside France.")
            elif department and not geography.is_in_department_territory(
                self.latitude, self.longitude, department.code
            ):
                errors["latitude"] = _("These coordinates are not in the department's territory.")
        if errors:
            raise ValidationError(errors)


class LocalEventQuerySet(models.QuerySet):
    def published(self):
        """What the public may see: approved (or then cancelled/full) events of a national
        event page that is live on the public site, as published (pending changes are
        revisions, never rows)."""
        from events.models.pages import public_edition_ids

        return self.filter(status__in=PUBLISHED_STATUSES, edition_id__in=public_edition_ids())

    def awaiting_moderation(self):
        """Submissions, and published events whose changes are submitted."""
        return self.filter(models.Q(status=EventStatus.SUBMITTED)
                           | models.Q(change_status=EventStatus.SUBMITTED))

    def with_listing_relations(self):
        return self.select_related("venue", "department", "region").prefetch_related(
            "slots", "themes"
        )


class LocalEvent(DraftStateMixin, RevisionMixin, ClusterableModel):
    # Not live until approved (Wagtail's default is live).
    live = models.BooleanField(_("live"), default=False, editable=False)
    edition = models.ForeignKey(
        "events.NationalEventPage",
        verbose_name=_("national event"),
        on_delete=models.PROTECT,
        related_name="local_events",
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=5000)
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("organiser"),
        on_delete=models.PROTECT,
        related_name="organised_events",
    )
    organisation = models.CharField(
        _("organising body"), max_length=200, blank=True,
        help_text=_("Museum, association, town… as the public should see it."),
    )
    contact_phone = models.CharField(
        _("organiser's phone"), max_length=40, blank=True,
        help_text=_("For the regional team only; not published."),
    )
    venue = models.ForeignKey(
        Venue, verbose_name=_("venue"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="events",
    )
    # Copied from the venue on save, so that filters need no join.
    department = models.ForeignKey(
        Department, verbose_name=_("department"), on_delete=models.PROTECT, null=True,
        blank=True, editable=False, related_name="+",
    )
    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.PROTECT, null=True, blank=True,
        editable=False, related_name="+",
    )
    # Title, description, organisation, venue and commune, lower-cased without accents:
    # the text search reads this one column instead of five across two tables, and
    # "eglise" finds "Église".
    search_text = models.TextField(editable=False, blank=True, default="")
    themes = ParentalManyToManyField(Theme, verbose_name=_("themes"), blank=True,
                                     related_name="events")
    age_min = models.PositiveSmallIntegerField(_("minimum age"), null=True, blank=True)
    age_max = models.PositiveSmallIntegerField(_("maximum age"), null=True, blank=True)
    school_groups = models.BooleanField(
        _("for school groups"), default=False,
        help_text=_("Visits or workshops for classes, for instance on the Friday."),
    )
    young_audience = models.BooleanField(_("suitable for children and young people"),
                                         default=False)
    is_free = models.BooleanField(_("free"), default=True)
    price = models.CharField(_("price"), max_length=200, blank=True,
                             help_text=_("For example: 5 €, reduced price 3 €."))
    booking_required = models.BooleanField(_("booking required"), default=False)
    booking_url = models.URLField(_("booking link"), blank=True)
    booking_phone = models.CharField(_("booking phone"), max_length=40, blank=True)
    booking_email = models.EmailField(_("booking e-mail"), blank=True)
    access_motor = models.BooleanField(_("accessible: motor disability"), default=False)
    access_visual = models.BooleanField(_("accessible: visual disability"), default=False)
    access_hearing = models.BooleanField(_("accessible: hearing disability"), default=False)
    access_mental = models.BooleanField(_("accessible: mental or cognitive disability"),
                                        default=False)
    access_psychic = models.BooleanField(_("accessible: psychic disability"), default=False)
    attendance_mode = models.CharField(_("attendance"), max_length=10,
                                       choices=AttendanceMode.choices,
                                       default=AttendanceMode.OFFLINE)
    online_url = models.URLField(_("online link"), blank=True)
    image = models.ImageField(_("image"), upload_to="events/%Y/%m/", blank=True,
                              validators=[validate_event_image])
    image_alt = models.CharField(
        _("image text alternative"), max_length=250, blank=True,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    first_participation = models.BooleanField(
        _("first participation"), default=False,
        help_text=_("This place takes part in the national event for the first time."),
    )
    status = models.CharField(_("status"), max_length=10, choices=EventStatus.choices,
                              default=EventStatus.DRAFT)
    change_status = models.CharField(
        _("changes"), max_length=10, choices=CHANGE_STATUSES, blank=True, default="",
        editable=False,
        help_text=_("Changes to a published event, which stays online as published meanwhile."),
    )
    refusal_reason = models.TextField(_("reason for refusal"), blank=True)
    first_start = models.DateTimeField(_("first start"), null=True, blank=True, editable=False)
    last_end = models.DateTimeField(_("last end"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True, editable=False)

    objects = LocalEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("local event")
        verbose_name_plural = _("local events")
        ordering = ["first_start", "id"]
        permissions = [("moderate_all_regions", _("Can moderate the events of every region"))]
        indexes = [
            models.Index(fields=["status", "region", "first_start"], name="event_status_region"),
            models.Index(fields=["status", "department", "first_start"],
                         name="event_status_department"),
            models.Index(fields=["status", "first_start"], name="event_status_start"),
            models.Index(fields=["edition", "status"], name="event_edition_status"),
            # The programme's region and department filters, in the list's order.
            models.Index(fields=["region", "edition", "status", "first_start"],
                         name="event_region_programme"),
            models.Index(fields=["department", "edition", "status", "first_start"],
                         name="event_department_programme"),
        ]

    # Kept from the row when a revision becomes an event again: who proposed it, where its
    # moderation stands and which region handles it belong to the event, not to one version
    # of its content (region and department follow the venue again when the row is saved).
    ROW_FIELDS = ("organiser_id", "status", "change_status", "refusal_reason", "submitted_at",
                  "created_at", "department_id", "region_id", "live_revision_id",
                  "last_published_at")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self._state.adding:
            # Imports and seeding may create events already approved: those are live.
            self.live = self.status in PUBLISHED_STATUSES
        elif not self.live and self.status in PUBLISHED_STATUSES:
            # Unpublished in the admin: it leaves the programme, back to its organiser.
            self.status = EventStatus.DRAFT
        if self.venue_id is not None:
            department = self.venue.department
            self.department_id = department.pk
            self.region_id = department.region_id
        self.search_text = self.make_search_text()
        super().save(*args, **kwargs)

    def with_content_json(self, content):
        event = super().with_content_json(content)
        for name in self.ROW_FIELDS:
            setattr(event, name, getattr(self, name))
        return event

    def publish(self, revision, *args, **kwargs):
        """Publishing is approving: the event, or its change, is in the programme and nothing
        of it awaits moderation any more. Wagtail publishes through the revision
        (``revision.publish()``), whose object this is."""
        if self.status not in PUBLISHED_STATUSES:
            self.status = EventStatus.APPROVED
        self.change_status = ""
        self.refusal_reason = ""
        return super().publish(revision, *args, **kwargs)

    def get_absolute_url(self):
        return reverse("events:detail", args=[self.pk])

    def make_search_text(self) -> str:
        venue = self.venue if self.venue_id is not None else None
        parts = [self.title, self.description, self.organisation,
                 venue.name if venue else "", venue.commune if venue else ""]
        return folded(" ".join(part for part in parts if part))

    @property
    def is_published(self) -> bool:
        return self.status in PUBLISHED_STATUSES

    @property
    def has_pending_change(self) -> bool:
        """A published event with changes that are not published (yet)."""
        return self.live and self.has_unpublished_changes

    @property
    def awaiting_moderation(self) -> bool:
        return EventStatus.SUBMITTED in (self.status, self.change_status)

    @property
    def is_online(self) -> bool:
        return self.attendance_mode in (AttendanceMode.ONLINE, AttendanceMode.MIXED)

    def accessibility(self) -> list:
        return [label for code, label in ACCESSIBILITY if getattr(self, f"access_{code}")]

    def full_clean(self, exclude=None, validate_unique=True, validate_constraints=True):
        # Each step of the organisers' form edits some fields: clean() then only reports
        # on those, and the other rules wait for their own step.
        self._clean_exclude = set(exclude or ())
        super().full_clean(exclude, validate_unique, validate_constraints)

    def clean(self):
        errors = {}
        if self.booking_required and not (
            self.booking_url or self.booking_phone or self.booking_email
        ):
            errors["booking_url"] = _("Give a link, a phone number or an e-mail address "
                                      "for booking.")
        if self.is_online and not self.online_url:
            errors["online_url"] = _("Give the link to follow the event online.")
        if not self.is_free and not self.price:
            errors["price"] = _("Give the price, or tick “free”.")
        if self.age_min is not None and self.age_max is not None and self.age_min > self.age_max:
            errors["age_max"] = _("The maximum age is lower than the minimum age.")
        if self.image and not self.image_alt.strip():
            errors["image_alt"] = _("Describe the image for people who cannot see it.")
        excluded = getattr(self, "_clean_exclude", set())
        errors = {field: error for field, error in errors.items() if field not in excluded}
        if errors:
            raise ValidationError(errors)

    def missing_for_submission(self) -> list[str]:
        """Parts an organiser still has to fill in before submitting (step names)."""
        missing = []
        if self.venue_id is None:
            missing.append("venue")
        if not self.slots.exists():
            missing.append("dates")
        return missing

    def refresh_dates(self):
        """Bounds of the time slots as they stand on this instance (saved, or changed in
        memory by a form); saving the row or a revision stores them."""
        slots = list(self.slots.all())
        self.first_start = min((slot.start for slot in slots), default=None)
        self.last_end = max((slot.end for slot in slots), default=None)


class TimeSlot(models.Model):
    event = ParentalKey(LocalEvent, on_delete=models.CASCADE, related_name="slots")
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))

    class Meta:
        verbose_name = _("time slot")
        verbose_name_plural = _("time slots")
        ordering = ["start"]
        indexes = [models.Index(fields=["event", "start"], name="slot_event_start")]

    def __str__(self):
        return f"{self.start:%Y-%m-%d %H:%M} – {self.end:%H:%M}"

    def clean(self):
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("The end must come after the start.")})
