from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from branding import admin_views
from branding.admin import BrandingGroup, DownloadCountsView
from branding.models import Proof
from branding.models.proofs import DUE_SOON_DAYS
from branding.officers import may_review
from portal.layout import PAGE_CONTENT_MODELS_HOOK


@hooks.register("register_admin_viewset")
def register_branding():
    return BrandingGroup()


@hooks.register("register_admin_urls")
def branding_urls():
    return [
        path("logo-portal/partners/<int:pk>/review/", admin_views.review_access,
             name="branding_access_review"),
        path("logo-portal/proofs/<int:pk>/review/", admin_views.review_proof,
             name="branding_proof_review"),
        path("logo-portal/download-counts/", DownloadCountsView.as_view(),
             name="branding_download_counts"),
        path("logo-portal/download-counts/results/",
             DownloadCountsView.as_view(results_only=True),
             name="branding_download_counts_results"),
    ]


class DownloadCountsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("branding.view_download")


@hooks.register("register_reports_menu_item")
def download_counts_menu_item():
    return DownloadCountsMenuItem(_("Logo downloads"), reverse("branding_download_counts"),
                                  icon_name="download", order=1010)


class ProofsDuePanel(Component):
    """On the dashboard: proofs awaiting review whose print date is within ten days, the
    nearest first."""

    name = "branding_proofs_due"
    order = 90
    template_name = "branding/admin/proofs_due_panel.html"

    def __init__(self, proofs):
        self.proofs = proofs

    def get_context_data(self, parent_context=None):
        return {"proofs": self.proofs, "days": DUE_SOON_DAYS}


@hooks.register("construct_homepage_panels")
def proofs_due_panel(request, panels):
    if not may_review(request.user):
        return
    proofs = list(Proof.objects.due_soon().order_by("planned_date", "pk")[:20])
    if proofs:
        panels.append(ProofsDuePanel(proofs))


@hooks.register(PAGE_CONTENT_MODELS_HOOK)
def logos_pages_show():
    """The guidelines page and the kits show these: a change drops the cached pages."""
    from branding.models import KitItem, Logo, LogoVariant, LogoVersion

    return [Logo, LogoVersion, LogoVariant, KitItem]
