"""Public forms of the pressroom (subscription, enquiry) and the admin's import and send
forms."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.antispam import HoneypotFormMixin
from press.models import Beat, ContactList, LegalBasis, PressEnquiry, Subscription


class SubscriptionForm(HoneypotFormMixin, forms.ModelForm):
    class Meta:
        model = Subscription
        fields = ["first_name", "last_name", "outlet_name", "email"]
        widgets = {"email": forms.EmailInput(attrs={"autocomplete": "email"})}


class EnquiryForm(HoneypotFormMixin, forms.ModelForm):
    deadline = forms.DateTimeField(
        label=_("Your deadline"), help_text=_("Date and time, for example 2026-05-14 17:00."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"},
                                   format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d"])

    class Meta:
        model = PressEnquiry
        fields = ["name", "outlet", "email", "phone", "subject", "message", "deadline"]
        widgets = {"message": forms.Textarea(attrs={"rows": 6})}

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline < timezone.now():
            raise forms.ValidationError(_("This moment is already past."))
        return deadline


class UploadForm(forms.Form):
    file = forms.FileField(label=_("CSV or Excel file"),
                           help_text=_("CSV (UTF-8) or XLSX, first row with the column names, "
                                       "10 MB at most."))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 10 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Choose a .csv or .xlsx file."))
        return upload


class MappingForm(forms.Form):
    """Which contact field each column of the file fills, and what every contact gets."""

    source = forms.CharField(label=_("Source"), max_length=200,
                             help_text=_("Where these contacts come from, kept on each one."))
    legal_basis = forms.ChoiceField(
        label=_("Legal basis"), choices=[c for c in LegalBasis.choices
                                         if c[0] != LegalBasis.CONSENT],
        help_text=_("Consent cannot be imported: it is given by the journalist (pressroom "
                    "subscription)."))
    contact_list = forms.ModelChoiceField(label=_("Add them to the list"), required=False,
                                          queryset=ContactList.objects.all())

    def __init__(self, *args, headers, fields, guesses, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("— ignore this column —")), *fields]
        self.columns = []
        for index, header in enumerate(headers):
            name = f"column_{index}"
            self.fields[name] = forms.ChoiceField(label=header or _("Column %(n)d") % {
                "n": index + 1}, choices=choices, required=False, initial=guesses.get(index, ""))
            self.columns.append(name)

    def clean(self):
        cleaned = super().clean()
        chosen = [cleaned.get(name) for name in self.columns if cleaned.get(name)]
        repeated = {field for field in chosen if chosen.count(field) > 1}
        if repeated:
            raise forms.ValidationError(_("Each field can be filled by one column only."))
        if "last_name" not in chosen:
            raise forms.ValidationError(_("Choose the column that holds the last name."))
        return cleaned

    def mapping(self) -> dict[int, str]:
        return {index: self.cleaned_data[name] for index, name in enumerate(self.columns)
                if self.cleaned_data.get(name)}


class DistributionForm(forms.Form):
    lists = forms.ModelMultipleChoiceField(
        label=_("Lists"), required=False, queryset=ContactList.objects.all(),
        widget=forms.CheckboxSelectMultiple)
    subjects = forms.ModelMultipleChoiceField(
        label=_("Journalists covering"), required=False, queryset=Beat.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Every reachable journalist covering one of these subjects."))
    message = forms.CharField(label=_("Personal message"), required=False,
                              widget=forms.Textarea(attrs={"rows": 3}),
                              help_text=_("Shown above the release."))

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("lists") and not cleaned.get("subjects"):
            raise forms.ValidationError(_("Choose at least one list or subject."))
        return cleaned
