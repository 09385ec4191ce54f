"""Admin report views shared by the apps (imported by their admin modules only: Wagtail's
report views need the models loaded)."""

from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from portal.reports import FrenchSpreadsheetExportMixin


class CountsReportView(FrenchSpreadsheetExportMixin, ReportView):
    """A report of counts over a period: rows of ``model`` summed by ``get_filtered_queryset``
    into one row per ``counted`` group, shown as columns and exported with the same headings;
    open to whoever may view ``model``."""

    model = None
    # (field, label) or (field, label, column class), in the order shown and exported.
    counted = ()
    any_permission_required = ["view"]

    @property
    def permission_policy(self):
        return ModelPermissionPolicy(self.model)

    @property
    def columns(self):
        return [(spec[2] if len(spec) > 2 else Column)(spec[0], label=spec[1])
                for spec in self.counted]

    @property
    def list_export(self):
        return [spec[0] for spec in self.counted]

    @property
    def export_headings(self):
        return {spec[0]: spec[1] for spec in self.counted}

    def get_queryset(self):
        return self.model.objects.all()
