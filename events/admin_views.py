"""Moderation views of the Wagtail admin: approve (for a change to a published event, after a
field-by-field comparison with the published version), refuse with a reason."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.dateformat import format as format_date
from django.utils.formats import get_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import compare
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList

from events import moderation
from events.forms import AttendanceForm, AudienceForm, EventDetailsForm, RefusalForm
from events.models import LocalEvent
from events.officers import may_moderate

LIST_URL = "wagtailsnippets_events_localevent:list"


class YesNoComparison(compare.FieldComparison):
    def htmldiff(self):
        yes_no = {True: _("Yes"), False: _("No")}
        if self.val_a == self.val_b:
            return yes_no[self.val_a]
        return compare.TextDiff([("deletion", yes_no[self.val_a]),
                                 ("addition", yes_no[self.val_b])]).to_html()


class MomentComparison(compare.FieldComparison):
    """Dates and times as the officer reads them (local time), not as stored (UTC)."""

    @staticmethod
    def shown(value):
        return format_date(localtime(value), get_format("SHORT_DATETIME_FORMAT")) if value else ""

    def htmldiff(self):
        return compare.diff_text(self.shown(self.val_a), self.shown(self.val_b)).to_html()


class ComparedField(FieldPanel):
    def get_comparison_class(self):
        if isinstance(self.db_field, models.BooleanField):
            return YesNoComparison
        if isinstance(self.db_field, models.DateTimeField):
            return MomentComparison
        return super().get_comparison_class()


def _organiser_fields():
    """Every field of the organisers' form, in its order."""
    return [*EventDetailsForm.Meta.fields, "venue", *AttendanceForm.Meta.fields, "slots",
            *AudienceForm.Meta.fields]


# What an officer compares between the published version and its pending change.
COMPARISON_PANELS = ObjectList([
    InlinePanel("slots", label=gettext_lazy("Time slots"),
                panels=[ComparedField("start"), ComparedField("end")])
    if name == "slots" else ComparedField(name)
    for name in _organiser_fields()
]).bind_to_model(LocalEvent)


def pending_changes(event: LocalEvent, request) -> list:
    """The fields whose pending change differs from the published version (Wagtail's
    comparisons, as its revision compare view shows them)."""
    pending = event.get_latest_revision_as_object()
    comparisons = COMPARISON_PANELS.get_bound_panel(
        instance=event, request=request, form=None).get_comparison()
    return [diff for comparison in comparisons
            if (diff := comparison(event, pending)).has_changed()]


def moderated_event(request, pk) -> LocalEvent:
    event = get_object_or_404(LocalEvent.objects.select_related("venue", "organiser"), pk=pk)
    if not (request.user.has_perm("events.change_localevent")
            and may_moderate(request.user, event)):
        raise PermissionDenied
    return event


def _render(request, template, event, **context):
    return TemplateResponse(request, template, {
        "event": event, "header_title": str(event), "page_title": str(event),
        "header_icon": "date", **context,
    })


def approve(request, pk):
    event = moderated_event(request, pk)
    if not event.awaiting_moderation:
        messages.error(request, _("Only events awaiting moderation can be approved."))
        return redirect(LIST_URL)
    if request.method == "POST":
        published = moderation.approve(event, user=request.user)
        messages.success(request, _("“%(title)s” is published.") % {"title": published})
        return redirect(LIST_URL)
    if event.has_pending_change:
        return _render(request, "events/admin/approve_changes.html", event,
                       comparison=pending_changes(event, request))
    return _render(request, "events/admin/approve.html", event)


def refuse(request, pk):
    event = moderated_event(request, pk)
    if not event.awaiting_moderation:
        messages.error(request, _("Only events awaiting moderation can be refused."))
        return redirect(LIST_URL)
    form = RefusalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        moderation.refuse(event, form.cleaned_data["reason"])
        messages.success(request, _("“%(title)s” is refused; the organiser is told why.")
                         % {"title": event})
        return redirect(LIST_URL)
    return _render(request, "events/admin/refuse.html", event, form=form)
