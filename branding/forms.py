"""Forms of the logo portal: the officers' version form, the partners' forms, the officers'
decisions."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from branding.checks import (
    proof_format,
    validate_kit_file,
    validate_raster_master,
    validate_svg_master,
)
from branding.models import PartnerAccess, Proof
from portal.uploads import name_for_format, photo_format


class LogoVersionForm(WagtailAdminModelForm):
    """A version needs a master; each master is checked by content before anything is
    stored. The admin queues the generation of the files once the version is saved."""

    def clean_master_svg(self):
        file = self.cleaned_data.get("master_svg")
        if file and hasattr(file, "content_type"):  # a new upload
            validate_svg_master(file)
        return file

    def clean_master_raster(self):
        file = self.cleaned_data.get("master_raster")
        if file and hasattr(file, "content_type"):
            validate_raster_master(file)
            file.name = name_for_format(file.name, photo_format(file))
        return file

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("master_svg") or cleaned.get("master_raster")) and not self.errors:
            raise ValidationError(_("Upload an SVG master or a high-resolution image."))
        published, expires = cleaned.get("published_at"), cleaned.get("expires_at")
        if published and expires and expires <= published:
            self.add_error("expires_at", _("The expiry date must come after the publication "
                                           "date."))
        return cleaned

    @property
    def masters_changed(self) -> bool:
        return bool({"master_svg", "master_raster"} & set(self.changed_data))


class AccessRequestForm(forms.ModelForm):
    class Meta:
        model = PartnerAccess
        fields = ["organisation", "project_reference", "intended_use"]
        widgets = {"intended_use": forms.Textarea(attrs={"rows": 4})}


class TermsForm(forms.Form):
    accept = forms.BooleanField(label=_("I have read and accept these terms of use"))


class ProofForm(forms.ModelForm):
    """A proof in PDF, PNG or JPEG (by content), stored with the extension of its real
    format; its preview is made before anything is saved."""

    class Meta:
        model = Proof
        fields = ["title", "kind", "planned_date", "file"]
        widgets = {"planned_date": forms.DateInput(attrs={"type": "date"})}

    def clean_file(self):
        file = self.cleaned_data["file"]
        if hasattr(file, "content_type"):
            self.proof_format = proof_format(file)
            stem = file.name.rpartition(".")[0] or "epreuve"
            file.name = f"{stem}.{self.proof_format}"
        return file


class NewProofVersionForm(ProofForm):
    class Meta(ProofForm.Meta):
        fields = ["file", "planned_date"]

    comment = forms.CharField(label=_("What changed"), required=False, max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 3}))


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect, choices=[
        ("approved", _("Approve")), ("changes", _("Ask for changes")),
    ])
    comment = forms.CharField(label=_("Comment for the partner"), required=False,
                              max_length=4000, widget=forms.Textarea(attrs={"rows": 5}))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "changes" and not cleaned.get("comment", "").strip():
            self.add_error("comment", _("Say what must change."))
        return cleaned


class AccessDecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect, choices=[
        ("approved", _("Approve")), ("refused", _("Refuse")),
    ])
    reason = forms.CharField(label=_("Reason given to the partner"), required=False,
                             max_length=2000, widget=forms.Textarea(attrs={"rows": 4}))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "refused" and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Give the reason for the refusal."))
        return cleaned


class KitItemForm(WagtailAdminModelForm):
    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and hasattr(file, "content_type"):  # a new upload
            validate_kit_file(file)
        return file
