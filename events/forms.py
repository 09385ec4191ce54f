"""The organisers' form, in steps: the event, the place, the dates, the audience and
practical details. Each step saves the draft, so nothing typed is lost.

The forms change the event's working version in memory (``save(commit=False)``), themes and
time slots included (modelcluster's forms); ``events.moderation.save_draft`` stores it."""

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from dsfr.forms import DsfrBoundField
from modelcluster.forms import BaseChildFormSet, ClusterForm, childformset_factory

from events import communes
from events.models import LocalEvent, NationalEventPage, TimeSlot, Venue, public_edition_ids
from events.models.local import postcode_validator
from portal.fields import ModelChoiceField, ModelMultipleChoiceField
from portal.uploads import MAX_PHOTO_MEGAPIXELS, name_for_format, photo_format


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class EventDetailsForm(ClusterForm):
    edition = ModelChoiceField(
        label=_("National event"), queryset=NationalEventPage.objects.none(), empty_label=None
    )

    class Meta:
        model = LocalEvent
        fields = ["edition", "title", "description", "organisation", "contact_phone", "themes",
                  "first_participation", "image", "image_alt"]
        widgets = {"themes": forms.CheckboxSelectMultiple,
                   "description": forms.Textarea(attrs={"rows": 6})}
        # Choices whose submitted values the database can always compare (no 500 on a
        # 26-digit number).
        field_classes = {"themes": ModelMultipleChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["edition"].queryset = NationalEventPage.objects.filter(
            pk__in=public_edition_ids()).order_by("-edition_year", "title")
        self.fields["image"].help_text = _(
            "JPEG, PNG or WebP, 5 MB and %(megapixels)s megapixels at most."
        ) % {"megapixels": MAX_PHOTO_MEGAPIXELS}
        self.fields["image"].widget = forms.FileInput(attrs={"accept": "image/jpeg,image/png,"
                                                                       "image/webp"})

    def clean_image(self):
        """A new image is stored with the extension of its real format, whatever its name."""
        image = self.cleaned_data.get("image")
        if image and "image" in self.changed_data:
            image.name = name_for_format(image.name, photo_format(image))
        return image


class VenueForm(forms.ModelForm):
    """The place by its address: the commune is picked from the reference data (typed, then
    chosen in the list that ``events/communes.js`` offers, or resolved here from what was
    typed), which gives its INSEE code and department. Coordinates are never asked."""

    commune = forms.CharField(
        label=_("Commune"), max_length=150,
        help_text=_("Type the first letters of its name or its postcode, then pick it from "
                    "the list."),
        widget=forms.TextInput(attrs={"autocomplete": "off",
                                      "data-communes-url": reverse_lazy("events:communes")}),
    )
    postcode = forms.CharField(
        label=_("Postcode"), max_length=5, required=False, validators=[postcode_validator],
        help_text=_("Filled in with the commune's; change it if the place has another one."),
    )
    # Filled in by the list; only a hint for telling communes of the same name apart.
    commune_code = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Venue
        fields = ["name", "address", "commune", "postcode", "commune_code"]

    def clean(self):
        data = super().clean()
        # A hidden field shows no error: a code that is not one counts as none.
        self.errors.pop("commune_code", None)
        if self.has_error("commune") or self.has_error("postcode"):
            return data
        try:
            commune = communes.resolve(data["commune"], data.get("postcode", ""),
                                       data.get("commune_code", ""))
        except ValidationError as error:
            self.add_error("commune", error)
            return data
        data.update(commune=commune.name, commune_code=commune.code,
                    postcode=data.get("postcode") or commune.postcode)
        self.instance.department = commune.department
        return data

    def save_or_reuse(self) -> Venue:
        """The same place (name and commune) is one venue shared by every organiser."""
        data = self.cleaned_data
        existing = Venue.objects.filter(
            key=Venue.make_key(data["name"], data["commune_code"])).first()
        if existing is not None:
            return existing
        return self.save()


class AttendanceForm(forms.ModelForm):
    class Meta:
        model = LocalEvent
        fields = ["attendance_mode", "online_url"]
        widgets = {"attendance_mode": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # django-dsfr renders the choice as one radio fieldset (``as_field_group``).
        self.fields["attendance_mode"].bound_field_class = DsfrBoundField


class TimeSlotForm(forms.ModelForm):
    class Meta:
        model = TimeSlot
        fields = ["start", "end"]
        widgets = {"start": DateTimeInput(), "end": DateTimeInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("start", "end"):
            self.fields[name].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]


class BaseTimeSlotFormSet(BaseChildFormSet):
    def clean(self):
        super().clean()
        kept = [form for form in self.forms
                if getattr(form, "cleaned_data", None) and not self._should_delete_form(form)]
        if not kept:
            raise forms.ValidationError(_("Give at least one date and time."))


TimeSlotFormSet = childformset_factory(
    LocalEvent, TimeSlot, form=TimeSlotForm, formset=BaseTimeSlotFormSet, extra=2,
    can_delete=True, max_num=40, validate_max=True,
)


class AudienceForm(forms.ModelForm):
    class Meta:
        model = LocalEvent
        fields = ["age_min", "age_max", "young_audience", "school_groups", "is_free", "price",
                  "booking_required", "booking_url", "booking_phone", "booking_email",
                  "access_motor", "access_visual", "access_hearing", "access_mental",
                  "access_psychic"]


class RefusalForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, sent to the organiser"), widget=forms.Textarea(attrs={"rows": 5}),
        max_length=2000,
    )
