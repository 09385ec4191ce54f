"""The organisers' form, in steps: the event, the place, the dates, the audience and
practical details. Each step saves the draft, so nothing typed is lost.

The forms change the event's working version in memory (``save(commit=False)``), themes and
time slots included (modelcluster's forms); ``events.moderation.save_draft`` stores it."""

from django import forms
from django.utils.translation import gettext_lazy as _
from modelcluster.forms import BaseChildFormSet, ClusterForm, childformset_factory

from events.models import LocalEvent, NationalEventPage, TimeSlot, Venue, public_edition_ids
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
    class Meta:
        model = Venue
        fields = ["name", "address", "postcode", "commune", "commune_code", "department",
                  "latitude", "longitude"]
        widgets = {"latitude": forms.NumberInput(attrs={"step": "any"}),
                   "longitude": forms.NumberInput(attrs={"step": "any"})}
        help_texts = {"latitude": _("Decimal degrees, for example 48.1113"),
                      "longitude": _("Decimal degrees, for example -1.6800")}

    def save_or_reuse(self) -> Venue:
        """The same place (name and commune) is one venue shared by every organiser."""
        data = self.cleaned_data
        existing = Venue.objects.filter(
            key=Venue.make_key(data["name"], data["commune_code"])).first()
        if existing is not None:
            return existing
        return Venue.objects.create(**data)


class AttendanceForm(forms.ModelForm):
    class Meta:
        model = LocalEvent
        fields = ["attendance_mode", "online_url"]
        widgets = {"attendance_mode": forms.RadioSelect}


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
