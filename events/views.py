"""Public views of local events (detail, calendar, feeds, exports), the organisers' space
and the intranet statistics."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.db.models.functions import Coalesce, Greatest
from django.http import Http404, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_POST

from events import calendars, communes, exports, moderation
from events.filters import ExportFilters, MyEventsFilters, StatisticsFilters, public_editions
from events.forms import (
    AttendanceForm,
    AudienceForm,
    EventDetailsForm,
    TimeSlotFormSet,
    VenueForm,
)
from events.models import EventStatus, LocalEvent, RegionalProgrammePage
from events.officers import officer_regions
from events.schema import event_json_ld
from pages.seo import Shared
from portal.filters import InvalidFilters, answer_invalid_filters
from portal.listing import paginate

MY_EVENTS_PER_PAGE = 25

# --- Public ---------------------------------------------------------------------------------


def _published_or_own(request, pk):
    """A published event, or the signed-in organiser's own event (shown as a preview)."""
    events = LocalEvent.objects.with_listing_relations().select_related("edition")
    event = events.published().filter(pk=pk).first()
    if event is None and request.user.is_authenticated:
        event = events.filter(pk=pk, organiser=request.user).first()
    if event is None:
        raise Http404
    return event


def shared_event(event, request) -> Shared:
    """What the head and the share links of a local event's page say about it."""
    return Shared(
        title=event.title,
        description=Truncator(" ".join(event.description.split())).chars(200),
        url=request.build_absolute_uri(event.get_absolute_url()),
        image_url=request.build_absolute_uri(event.image.url) if event.image else "",
        image_alt=event.image_alt,
    )


def event_detail(request, pk):
    event = _published_or_own(request, pk)
    return render(request, "events/local_event_detail.html", {
        "event": event,
        "shared": shared_event(event, request),
        "programme_page": RegionalProgrammePage.objects.child_of(event.edition).live()
        .filter(region_id=event.region_id).first() or event.edition,
        "structured_data": event_json_ld(event, request),
        "is_preview": not event.is_published,
    })


def event_ics(request, pk):
    event = get_object_or_404(LocalEvent.objects.published().prefetch_related("slots")
                              .select_related("venue"), pk=pk)
    return calendars.local_event_calendar(event, request)


def _exported_events(request):
    """Published events of the public site, narrowed by the query's filters and edition
    (``InvalidFilters``, answered 400 by portal's middleware, when one is malformed or
    unknown). The exports read only the columns they publish (``events.bulk``)."""
    filters = ExportFilters(request.GET, queryset=LocalEvent.objects.published(),
                            request=request)
    return filters.qs.order_by("first_start", "id")


def _exporting(build):
    def view(request):
        # Filters are checked before the response streams: a 400 cannot follow a 200.
        return build(_exported_events(request), request)

    return view


ics_feed = _exporting(lambda events, request: calendars.feed_response(
    events, request, _("Programme")))
export_csv = _exporting(exports.csv_response)
export_json = _exporting(exports.json_response)


# --- Organisers -----------------------------------------------------------------------------

STEPS = [
    ("evenement", _("The event")),
    ("lieu", _("The place")),
    ("dates", _("Dates and times")),
    ("public", _("Audience and practical details")),
    ("recapitulatif", _("Review and submit")),
]
STEP_SLUGS = [slug for slug, _label in STEPS]


def _own_event(request, pk):
    return get_object_or_404(LocalEvent, pk=pk, organiser=request.user)


@login_required
def my_events(request):
    """The organiser's events, most recently worked on first, with filters (status, national
    event, words); a bad filter value is a 400 naming the filter, the form kept."""
    # A change to a published event is a revision: it counts as activity too.
    last_activity = Greatest("updated_at", Coalesce("latest_revision__created_at", "updated_at"))
    own = LocalEvent.objects.filter(organiser=request.user)
    filters = MyEventsFilters(request.GET, queryset=own, request=request)
    response = TemplateResponse(request, "events/organiser/my_events.html", {
        "filters": filters})
    try:
        events = (filters.qs.select_related("venue", "edition", "latest_revision")
                  .defer("latest_revision__content")
                  .order_by(last_activity.desc(), "-pk"))
    except InvalidFilters as invalid:
        response.context_data.update(events=[], page_obj=None, has_events=own.exists())
        return answer_invalid_filters(request, invalid, response)
    page_obj = paginate(request, events, MY_EVENTS_PER_PAGE)
    # Any event at all (else the page invites to propose the first one): the page's count
    # says so, unless filters leave none.
    has_events = page_obj.paginator.count > 0 or (filters.is_filtering and own.exists())
    response.context_data.update(events=page_obj.object_list, page_obj=page_obj,
                                 has_events=has_events)
    return response


def _step_context(event, step, **forms):
    index = STEP_SLUGS.index(step)
    return {
        "event": event, "step": step, "step_number": index + 1, "step_count": len(STEPS),
        "step_title": STEPS[index][1],
        "next_step_title": STEPS[index + 1][1] if index + 1 < len(STEPS) else "",
        "steps": STEPS, **forms,
    }


def _after_save(request, event, working, step):
    """Store the step's changes (``working``), then go on to the next step."""
    moderation.save_draft(event, working, request.user)
    if "save_draft" in request.POST:
        messages.success(request, _("Your draft is saved."))
        return redirect("events:my_events")
    following = STEP_SLUGS[STEP_SLUGS.index(step) + 1]
    return redirect("events:edit_step", pk=event.pk, step=following)


@login_required
def new_event(request):
    event = LocalEvent(organiser=request.user)
    form = EventDetailsForm(request.POST or None, request.FILES or None, instance=event)
    if request.method == "POST" and form.is_valid():
        return _after_save(request, event, form.save(commit=False), "evenement")
    return render(request, "events/organiser/step_event.html",
                  _step_context(None, "evenement", form=form))


@login_required
def edit_step(request, pk, step):
    """One step of the form, on the event's working version: for a published event, its
    pending change (opening a step creates nothing; saving it stores the change)."""
    if step not in STEP_SLUGS:
        raise Http404
    event = _own_event(request, pk)
    working = moderation.working_version(event)
    handler = {
        "evenement": _details_step, "lieu": _venue_step, "dates": _dates_step,
        "public": _audience_step, "recapitulatif": _review_step,
    }[step]
    return handler(request, event, working, step)


def _details_step(request, event, working, step):
    form = EventDetailsForm(request.POST or None, request.FILES or None, instance=working)
    if request.method == "POST" and form.is_valid():
        return _after_save(request, event, form.save(commit=False), step)
    return render(request, "events/organiser/step_event.html",
                  _step_context(event, step, form=form))


def _venue_initial(event):
    venue = event.venue
    if venue is None:
        return {}
    return {name: getattr(venue, name) for name in VenueForm.Meta.fields}


def _venue_step(request, event, working, step):
    venue_form = VenueForm(request.POST or None, initial=_venue_initial(working),
                           prefix="venue")
    attendance_form = AttendanceForm(request.POST or None, instance=working)
    if request.method == "POST" and venue_form.is_valid() and attendance_form.is_valid():
        working = attendance_form.save(commit=False)
        working.venue = venue_form.save_or_reuse()
        return _after_save(request, event, working, step)
    return render(request, "events/organiser/step_venue.html", _step_context(
        event, step, venue_form=venue_form, attendance_form=attendance_form,
        commune_found=communes.describe(working.venue.department, working.venue.commune_code)
        if working.venue and not venue_form.is_bound else ""))


@cache_control(max_age=3600, public=True)
def commune_suggestions(request):
    """Communes of the reference data matching the first letters of a name or postcode
    (``?q=``), for the autocomplete of the organisers' venue step; one query."""
    typed = request.GET.get("q", "")[:150].replace("\x00", "")
    return JsonResponse({"communes": [
        {"name": commune.name, "postcode": commune.postcode, "code": commune.code,
         "department": str(commune.department),
         "description": communes.describe(commune.department, commune.code)}
        for commune in communes.suggestions(typed)
    ]})


def _dates_step(request, event, working, step):
    formset = TimeSlotFormSet(request.POST or None, instance=working, prefix="slots")
    if request.method == "POST" and formset.is_valid():
        formset.save(commit=False)  # into the working version's slots, in memory
        return _after_save(request, event, working, step)
    return render(request, "events/organiser/step_dates.html",
                  _step_context(event, step, formset=formset))


def _audience_step(request, event, working, step):
    form = AudienceForm(request.POST or None, instance=working)
    if request.method == "POST" and form.is_valid():
        return _after_save(request, event, form.save(commit=False), step)
    return render(request, "events/organiser/step_audience.html",
                  _step_context(event, step, form=form))


def _review_step(request, event, working, step):
    missing = working.missing_for_submission()
    if request.method == "POST":
        if "save_draft" in request.POST:
            messages.success(request, _("Your draft is saved."))
            return redirect("events:my_events")
        if missing:
            messages.error(request, _("Some parts are missing before you can submit."))
            return redirect("events:edit_step", pk=event.pk, step=missing_step(missing))
        if event.live and not event.has_unpublished_changes:
            messages.info(request, _("You have changed nothing: your published event stays "
                                     "as it is."))
            return redirect("events:my_events")
        moderation.submit(event)
        messages.success(request, _("Your event is sent to the regional team for moderation."))
        return redirect("events:my_events")
    return render(request, "events/organiser/step_review.html", _step_context(
        event, step, working=working, missing=missing))


def missing_step(missing) -> str:
    return {"venue": "lieu", "dates": "dates"}[missing[0]]


@login_required
@require_POST
def change_availability(request, pk):
    """An organiser marks their published event full, cancelled, or open again: facts the
    public must know at once, so they need no moderation."""
    event = _own_event(request, pk)
    wanted = request.POST.get("status", "")
    allowed = {EventStatus.APPROVED, EventStatus.FULL, EventStatus.CANCELLED}
    if event.status not in allowed or wanted not in allowed:
        return HttpResponseBadRequest(_("This change of status is not possible."))
    event.status = wanted
    event.save(update_fields=["status", "updated_at"])
    messages.success(request, _("The status of your event is updated."))
    return redirect("events:my_events")


# --- Intranet -------------------------------------------------------------------------------


def statistics(request):
    """Per-region and per-department figures for the network's staff (intranet only), and
    the pending submissions of the viewer's own region."""
    if not getattr(request, "is_intranet", False):
        raise Http404
    if not request.user.can_access_intranet:
        raise PermissionDenied
    editions = public_editions().order_by("-edition_year")
    filters = StatisticsFilters(request.GET, queryset=LocalEvent.objects.published(),
                                request=request)
    edition = filters.cleaned_data["edition"] or editions.first()
    published = LocalEvent.objects.published()
    if edition is not None:
        published = published.filter(edition=edition)
    figures = {
        "events": Count("id"),
        "venues": Count("venue", distinct=True),
        "first_time_venues": Count("venue", distinct=True, filter=Q(first_participation=True)),
    }
    by_region = (published.order_by().values("region__code", "region__name")
                 .annotate(**figures).order_by("region__name"))
    by_department = (published.order_by().values("department__code", "department__name",
                                                  "region__name")
                     .annotate(**figures).order_by("department__code"))
    regions = officer_regions(request.user)
    pending = (LocalEvent.objects.awaiting_moderation().filter(region__in=regions)
               .select_related("venue", "region", "organiser").order_by("submitted_at"))
    return render(request, "events/statistics.html", {
        "editions": editions, "edition": edition, "by_region": by_region,
        "by_department": by_department, "pending": pending, "own_regions": regions,
        "admin_index": reverse("wagtailsnippets_events_localevent:list"),
    })
