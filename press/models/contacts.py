"""Media contacts: outlets, journalists, their tags, beats and static lists, with what the
RGPD asks to record (legal basis, consent, source, do-not-contact).

None of these models is indexed for search and none has a public view: they live in the
Wagtail admin only, for the Press officers group (permissions from ``press`` migrations).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from events.models import Region
from portal.text import folded

# The group of the press officers, as editors read it in the admin (created by press 0002).
PRESS_OFFICERS = "Attachés de presse"


class OutletType(models.TextChoices):
    PRINT = "print", _("Print")
    RADIO = "radio", _("Radio")
    TV = "tv", _("Television")
    ONLINE = "online", _("Online")
    AGENCY = "agency", _("Press agency")
    OTHER = "other", _("Other")


class Scope(models.TextChoices):
    NATIONAL = "national", _("National")
    REGIONAL = "regional", _("Regional")
    LOCAL = "local", _("Local")


class LegalBasis(models.TextChoices):
    CONSENT = "consent", _("Consent")
    LEGITIMATE_INTEREST = "legitimate_interest", _("Legitimate interest")
    PUBLIC_TASK = "public_task", _("Public task")


class Language(models.TextChoices):
    FRENCH = "fr", _("French")
    ENGLISH = "en", _("English")


class Beat(models.Model):
    """A subject journalists cover and releases are about (heritage, museums…): sending a
    release to the journalists of its subjects keeps blasts relevant."""

    name = models.CharField(_("name"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("press subject")
        verbose_name_plural = _("press subjects")
        ordering = ["name"]

    def __str__(self):
        return self.name


class ContactTag(models.Model):
    name = models.CharField(_("name"), max_length=60, unique=True)

    class Meta:
        verbose_name = _("contact tag")
        verbose_name_plural = _("contact tags")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Outlet(models.Model):
    name = models.CharField(_("name"), max_length=200)
    outlet_type = models.CharField(_("type"), max_length=20, choices=OutletType.choices,
                                   default=OutletType.PRINT)
    scope = models.CharField(_("scope"), max_length=20, choices=Scope.choices,
                             default=Scope.REGIONAL)
    region = models.ForeignKey(Region, verbose_name=_("region"), null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")
    website = models.URLField(_("website"), blank=True)
    updated_at = models.DateTimeField(_("updated on"), auto_now=True)

    class Meta:
        verbose_name = _("outlet")
        verbose_name_plural = _("outlets")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(Lower("name"), name="press_outlet_name_unique")]

    def __str__(self):
        return self.name

    def validate_unique(self, exclude=None):
        super().validate_unique(exclude)
        if Outlet.objects.filter(name__iexact=self.name).exclude(pk=self.pk).exists():
            raise ValidationError({"name": _("An outlet with this name already exists.")})


class JournalistQuerySet(models.QuerySet):
    def reachable(self):
        """Those a release may be sent to: an address, not do-not-contact, not unsubscribed."""
        return self.exclude(email="").filter(do_not_contact=False, unsubscribed_at__isnull=True)

    def to_review(self):
        """Not updated for ``PRESS_REVIEW_MONTHS`` months: to be checked or erased."""
        limit = timezone.now() - timezone.timedelta(days=30 * settings.PRESS_REVIEW_MONTHS)
        return self.filter(updated_at__lt=limit)

    def same_email(self, email: str):
        email = email.strip().lower()
        if not email:
            return self.none()
        return self.filter(Q(email__iexact=email) | Q(other_email__iexact=email))

    def same_name_and_outlet(self, name_key: str, outlet_id):
        if not name_key or outlet_id is None:
            return self.none()
        return self.filter(name_key=name_key, outlet_id=outlet_id)


class Journalist(models.Model):
    first_name = models.CharField(_("first name"), max_length=100, blank=True)
    last_name = models.CharField(_("last name"), max_length=100)
    outlet = models.ForeignKey(Outlet, verbose_name=_("outlet"), null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="journalists")
    role = models.CharField(_("role"), max_length=120, blank=True,
                            help_text=_("For example: editor-in-chief, culture reporter."))
    beats = models.ManyToManyField(Beat, verbose_name=_("subjects covered"), blank=True,
                                   related_name="journalists")
    regions = models.ManyToManyField(Region, verbose_name=_("regions covered"), blank=True,
                                     related_name="+")
    email = models.EmailField(_("e-mail"), blank=True)
    other_email = models.EmailField(_("other e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    mobile = models.CharField(_("mobile phone"), max_length=40, blank=True)
    social_handles = models.TextField(
        _("social networks"), blank=True,
        help_text=_("One account per line, for example @name on Mastodon."))
    language = models.CharField(_("language"), max_length=2, choices=Language.choices,
                                default=Language.FRENCH)
    notes = models.TextField(_("notes"), blank=True)
    tags = models.ManyToManyField(ContactTag, verbose_name=_("tags"), blank=True,
                                  related_name="journalists")

    source = models.CharField(_("source"), max_length=200,
                              help_text=_("Where the contact comes from (met at…, imported "
                                          "from…, pressroom subscription)."))
    legal_basis = models.CharField(_("legal basis"), max_length=30,
                                   choices=LegalBasis.choices)
    consent_at = models.DateTimeField(_("consent given on"), null=True, blank=True,
                                      help_text=_("Required when the legal basis is consent."))
    do_not_contact = models.BooleanField(
        _("do not contact"), default=False,
        help_text=_("Never sent anything, whatever list they are on."))
    unsubscribed_at = models.DateTimeField(_("unsubscribed on"), null=True, blank=True)

    # Folded "first last" to compare names whatever their accents and capitals.
    name_key = models.CharField(max_length=201, editable=False, db_index=True)
    created_at = models.DateTimeField(_("created on"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated on"), auto_now=True, db_index=True)

    objects = JournalistQuerySet.as_manager()

    class Meta:
        verbose_name = _("journalist")
        verbose_name_plural = _("journalists")
        ordering = ["last_name", "first_name", "pk"]
        permissions = [("export_journalist", _("Can export press contacts"))]
        indexes = [models.Index(Lower("email"), name="press_journalist_email")]

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        self.other_email = self.other_email.strip().lower()
        self.name_key = self.key_for(self.first_name, self.last_name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "name_key", "updated_at"}
        super().save(*args, **kwargs)

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @staticmethod
    def key_for(first_name: str, last_name: str) -> str:
        return " ".join(folded(f"{first_name} {last_name}").split())

    def clean(self):
        super().clean()
        if self.legal_basis == LegalBasis.CONSENT and not self.consent_at:
            raise ValidationError({"consent_at": _("Give the date the consent was given.")})
        if self.email and self.other_email and self.email.lower() == self.other_email.lower():
            raise ValidationError({"other_email": _("This is the same as the first e-mail.")})

    def duplicates(self):
        """Other contacts with one of these e-mails, or the same name at the same outlet."""
        others = Journalist.objects.exclude(pk=self.pk) if self.pk else Journalist.objects
        condition = Q(pk__in=[])
        for address in (self.email, self.other_email):
            if address:
                condition |= Q(email__iexact=address) | Q(other_email__iexact=address)
        key = self.key_for(self.first_name, self.last_name)
        if key and self.outlet_id:
            condition |= Q(name_key=key, outlet_id=self.outlet_id)
        return others.filter(condition).select_related("outlet")

    @property
    def subject_names(self) -> str:
        """For exports (the list prefetches the subjects)."""
        return ", ".join(beat.name for beat in self.beats.all())

    @property
    def tag_names(self) -> str:
        return ", ".join(tag.name for tag in self.tags.all())

    @property
    def reachable(self) -> bool:
        return bool(self.email) and not self.do_not_contact and self.unsubscribed_at is None

    @property
    def needs_review(self) -> bool:
        return self.updated_at < timezone.now() - timezone.timedelta(
            days=30 * settings.PRESS_REVIEW_MONTHS)


class ContactList(models.Model):
    """A static list of journalists (the regional dailies, the JEP list…)."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    description = models.CharField(_("description"), max_length=300, blank=True)
    members = models.ManyToManyField(Journalist, verbose_name=_("members"), blank=True,
                                     related_name="lists")
    updated_at = models.DateTimeField(_("updated on"), auto_now=True)

    class Meta:
        verbose_name = _("contact list")
        verbose_name_plural = _("contact lists")
        ordering = ["name"]

    def __str__(self):
        return self.name


class SavedFilter(models.Model):
    """A search of the journalists list kept under a name (its query string)."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    query = models.CharField(
        _("filters"), max_length=1000,
        help_text=_("The part after “?” in the address of the filtered journalists list."))

    class Meta:
        verbose_name = _("saved filter")
        verbose_name_plural = _("saved filters")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def link(self):
        url = reverse("wagtailsnippets_press_journalist:list") + "?" + self.query
        return format_html('<a href="{}">{}</a>', url, _("Open the list"))

    link.short_description = _("list")


class ExportRecord(models.Model):
    """Who exported press contacts, when, in what format, with which filters."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True,
                             on_delete=models.SET_NULL, related_name="+")
    exported_at = models.DateTimeField(_("exported on"), auto_now_add=True)
    what = models.CharField(_("what"), max_length=60)
    file_format = models.CharField(_("format"), max_length=10)
    filters = models.CharField(_("filters"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("contacts export")
        verbose_name_plural = _("contacts exports")
        ordering = ["-exported_at"]
        default_permissions = ("view",)

    def __str__(self):
        return f"{self.what} {self.exported_at:%Y-%m-%d %H:%M}"
