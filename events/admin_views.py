"""Moderation views of the Wagtail admin: approve, refuse with a reason."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from events import moderation
from events.forms import RefusalForm
from events.models import EventStatus, LocalEvent
from events.officers import may_moderate

LIST_URL = "wagtailsnippets_events_localevent:list"


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
    if event.status != EventStatus.SUBMITTED:
        messages.error(request, _("Only events awaiting moderation can be approved."))
        return redirect(LIST_URL)
    if request.method == "POST":
        published = moderation.approve(event)
        messages.success(request, _("“%(title)s” is published.") % {"title": published})
        return redirect(LIST_URL)
    return _render(request, "events/admin/approve.html", event)


def refuse(request, pk):
    event = moderated_event(request, pk)
    if event.status != EventStatus.SUBMITTED:
        messages.error(request, _("Only events awaiting moderation can be refused."))
        return redirect(LIST_URL)
    form = RefusalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        moderation.refuse(event, form.cleaned_data["reason"])
        messages.success(request, _("“%(title)s” is refused; the organiser is told why.")
                         % {"title": event})
        return redirect(LIST_URL)
    return _render(request, "events/admin/refuse.html", event, form=form)
