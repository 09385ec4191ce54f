"""The logo portal in the Wagtail admin: logos and their versions, the terms of use, partners'
requests, proofs to review, and the downloads with their counts (CSV/XLSX)."""

import django_filters
from django.db.models import Count, Max
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from branding.forms import KitItemForm, LogoVersionForm
from branding.models import (
    Download,
    KitItem,
    Logo,
    LogoVersion,
    PartnerAccess,
    Proof,
    TermsOfUse,
)
from branding.models.proofs import DUE_SOON_DAYS
from branding.tasks import schedule_generation
from portal.filters import (
    AdminFilters,
    AdminIndexView,
    DateFilter,
    FlagFilter,
    ModelChoiceFilter,
)
from portal.report_views import CountsReportView


class LogoViewSet(ModelViewSet):
    model = Logo
    icon = "image"
    menu_label = _("Logos")
    form_fields = ["name", "slug", "owner", "description", "audience", "order"]
    list_display = ["name", "owner", "audience", Column("current_label", label=_("Current "
                                                                                 "version"))]
    list_filter = ["owner", "audience"]
    search_fields = ["name", "description"]
    copy_view_enabled = False



class VersionFilters(AdminFilters):
    logo = ModelChoiceFilter(label=_("Logo"), queryset=Logo.objects.all())

    class Meta:
        model = LogoVersion
        fields = ["logo"]


class VersionForm(LogoVersionForm):
    def save(self, commit=True):
        if self.masters_changed:
            self.instance.generated_at = None
        version = super().save(commit=commit)
        if commit and self.masters_changed:
            schedule_generation(version)
        return version


class LogoVersionViewSet(ModelViewSet):
    model = LogoVersion
    icon = "history"
    menu_label = _("Logo versions")
    form_fields = ["logo", "master_svg", "master_raster", "notes", "published_at",
                   "expires_at"]
    list_display = [
        TitleColumn("__str__", label=_("Version"),
                    url_name="branding_logo_versions:edit"),
        StatusTagColumn("state_label", label=_("State"), primary=lambda v: v.is_current),
        DateColumn("published_at", label=_("Published from")),
        DateColumn("expires_at", label=_("Expires on")),
        "notes",
    ]
    filterset_class = VersionFilters
    index_view_class = AdminIndexView
    inspect_view_enabled = True
    inspect_view_fields = ["logo", "number", "notes", "published_at", "expires_at",
                           "generated_at", "generation_error"]
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return type("LogoVersionAdminForm", (VersionForm,), {
            "Meta": type("Meta", (), {"model": LogoVersion, "fields": self.form_fields}),
        })



class TermsViewSet(ModelViewSet):
    model = TermsOfUse
    icon = "doc-full"
    menu_label = _("Terms of use")
    form_fields = ["version", "text", "published_at"]
    list_display = ["version", DateColumn("published_at", label=_("In force from"))]
    copy_view_enabled = False


class ReviewedPolicy(ModelPermissionPolicy):
    """Partners create requests and proofs on the public site; officers read them and decide
    through the review views, never through a generic form."""

    def user_has_permission(self, user, action):
        return action in {"view", "inspect"} and super().user_has_permission(user, "view")


class AccessFilters(AdminFilters):
    class Meta:
        model = PartnerAccess
        fields = ["status"]


class PartnerAccessViewSet(ModelViewSet):
    model = PartnerAccess
    icon = "group"
    menu_label = _("Partners")
    form_fields = ["organisation"]
    list_display = [
        TitleColumn("organisation", label=_("Organisation"),
                    get_url=lambda access: reverse("branding_access_review", args=[access.pk])),
        Column("user", label=_("Account")),
        "project_reference", "status",
        DateColumn("requested_at", label=_("Requested on")),
    ]
    filterset_class = AccessFilters
    index_view_class = AdminIndexView
    search_fields = ["organisation", "project_reference", "user__email"]
    list_export = ["organisation", "user.email", "project_reference", "intended_use",
                   "status", "requested_at", "decided_at"]
    export_filename = "partenaires-logos"
    copy_view_enabled = False



class ProofFilters(AdminFilters):
    due_soon = FlagFilter(label=_("Due within %(days)s days") % {"days": DUE_SOON_DAYS},
                          method="filter_due_soon")

    class Meta:
        model = Proof
        fields = ["status", "kind"]

    def filter_due_soon(self, queryset, name, value):
        return queryset.due_soon()


class ProofViewSet(ModelViewSet):
    model = Proof
    icon = "doc-empty-inverse"
    menu_label = _("Proofs")
    form_fields = ["title"]
    list_display = [
        TitleColumn("title", label=_("Proof"),
                    get_url=lambda proof: reverse("branding_proof_review", args=[proof.pk])),
        "organisation", "kind", "status",
        DateColumn("planned_date", label=_("Planned on")),
        Column("days_left", label=_("Days left")),
    ]
    filterset_class = ProofFilters
    index_view_class = AdminIndexView
    search_fields = ["title", "organisation", "partner__email"]
    list_export = ["title", "organisation", "partner.email", "kind", "status",
                   "planned_date", "submitted_at"]
    export_filename = "epreuves-logos"
    copy_view_enabled = False



class DownloadFilters(AdminFilters):
    logo = ModelChoiceFilter(label=_("Logo"), queryset=Logo.objects.all())
    organisation = django_filters.CharFilter(label=_("Organisation"),
                                             lookup_expr="icontains")
    date_from = DateFilter(label=_("From"), field_name="downloaded_at",
                           lookup_expr="date__gte")
    date_to = DateFilter(label=_("To"), field_name="downloaded_at", lookup_expr="date__lte")

    class Meta:
        model = Download
        fields = ["logo", "organisation", "kind", "date_from", "date_to"]


class DownloadsPolicy(ModelPermissionPolicy):
    """Downloads are written by downloads only."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, "view")


class DownloadViewSet(ModelViewSet):
    model = Download
    icon = "download"
    menu_label = _("Downloads")
    form_fields = ["organisation"]
    list_display = [
        DateColumn("downloaded_at", label=_("Downloaded on")),
        Column("email", label=_("Account")), "organisation", "logo",
        Column("version_number", label=_("Version")), "kind",
    ]
    filterset_class = DownloadFilters
    index_view_class = AdminIndexView
    list_export = ["downloaded_at", "email", "organisation", "logo", "version_number",
                   "kind", "variant.filename"]
    export_headings = {"version_number": _("Version"), "variant.filename": _("File")}
    export_filename = "telechargements-logos"
    copy_view_enabled = False
    header_more_buttons = []



class CountFilters(django_filters.FilterSet):
    date_from = DateFilter(label=_("From"), field_name="downloaded_at",
                           lookup_expr="date__gte")
    date_to = DateFilter(label=_("To"), field_name="downloaded_at", lookup_expr="date__lte")
    logo = ModelChoiceFilter(label=_("Logo"), queryset=Logo.objects.all())

    class Meta:
        model = Download
        fields = ["logo", "date_from", "date_to"]


class DownloadCountsView(CountsReportView):
    """Downloads counted per logo and organisation, over the period the filters give."""

    page_title = _("Logo downloads per partner")
    header_icon = "download"
    index_url_name = "branding_download_counts"
    index_results_url_name = "branding_download_counts_results"
    filterset_class = CountFilters
    model = Download
    counted = [("logo__name", _("Logo")), ("organisation", _("Organisation")),
               ("downloads", _("Downloads")), ("last", _("Last download"), DateColumn)]

    def get_filtered_queryset(self):
        return (self.filter_queryset(self.get_queryset())
                .values("logo__name", "organisation")
                .annotate(downloads=Count("pk"), last=Max("downloaded_at"))
                .order_by("logo__name", "-downloads", "organisation"))

    @property
    def header_buttons(self):
        return [HeaderButton(_("Each download"), reverse("branding_downloads:index"),
                             icon_name="list-ul")]


class KitFilters(AdminFilters):
    class Meta:
        model = KitItem
        fields = ["national_event", "kind"]


class KitItemViewSet(ModelViewSet):
    model = KitItem
    icon = "folder-open-inverse"
    menu_label = _("National-event kits")
    form_fields = ["national_event", "kind", "title", "file", "order"]
    list_display = ["title", "national_event", "kind", "size"]
    filterset_class = KitFilters
    index_view_class = AdminIndexView
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return type("KitItemAdminForm", (KitItemForm,), {
            "Meta": type("Meta", (), {"model": KitItem, "fields": self.form_fields}),
        })


register_permission_policy(PartnerAccess, ReviewedPolicy(PartnerAccess))
register_permission_policy(Proof, ReviewedPolicy(Proof))
register_permission_policy(Download, DownloadsPolicy(Download))


class BrandingGroup(ModelViewSetGroup):
    menu_label = _("Logo portal")
    menu_icon = "image"
    menu_order = 320
    items = [
        LogoViewSet("branding_logos"),
        LogoVersionViewSet("branding_logo_versions"),
        TermsViewSet("branding_terms"),
        PartnerAccessViewSet("branding_partners"),
        ProofViewSet("branding_proofs"),
        DownloadViewSet("branding_downloads"),
        KitItemViewSet("branding_kits"),
    ]
