"""The public programme: filtered, paginated lists of local events, the options of each
filter with their counts, the map of the regions and the printable regional programme."""

from dataclasses import dataclass

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _

from events.filters import InvalidFilters, apply_filters, parse_filters
from events.map import region_map
from events.models import Department, LocalEvent, Region, Theme
from portal.listing import paginate, query_with

PER_PAGE = 20


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool


def _counts(events, field) -> dict:
    rows = events.order_by().values(field).annotate(n=Count("id", distinct=True))
    return {row[field]: row["n"] for row in rows}


def _options(objects, counts, value_of, label_of, selected) -> list[Option]:
    return [
        Option(value_of(obj), label_of(obj), counts.get(obj.pk, 0), obj == selected)
        for obj in objects
    ]


def filter_options(base, data, fixed_region=None) -> dict:
    """Each dropdown's choices with the number of events they would give (the other
    filters applied), so that the template can say which would give nothing."""
    region_counts = _counts(apply_filters(base, data, skip=("region",)), "region_id")
    department_base = apply_filters(base, data, skip=("department",))
    departments = Department.objects.select_related("region")
    region = fixed_region or data.get("region")
    if region:
        departments = departments.filter(region=region)
    theme_counts = _counts(apply_filters(base, data, skip=("theme",)), "themes")
    return {
        "regions": _options(Region.objects.all(), region_counts, lambda r: r.slug,
                            lambda r: r.name, data.get("region")),
        "departments": _options(departments, _counts(department_base, "department_id"),
                                lambda d: d.code, str, data.get("department")),
        "themes": _options(Theme.objects.all(), theme_counts, lambda t: t.slug,
                           lambda t: t.name, data.get("theme")),
        "region_counts": region_counts,
    }


def export_links(request, edition, region) -> dict:
    """Feed and export addresses carrying the same filters as the list."""
    fixed = {"edition": edition.pk, "page": None}
    if region is not None:
        fixed["region"] = region.slug
    query = query_with(request.GET, **fixed)
    return {
        "ics_feed_url": f"{reverse('events:feed')}?{query}",
        "csv_url": f"{reverse('events:export_csv')}?{query}",
        "json_url": f"{reverse('events:export_json')}?{query}",
    }


def programme_context(request, edition, region=None) -> dict:
    query = request.GET.copy()
    if region is not None:
        query["region"] = region.slug
    form = parse_filters(query)
    data = form.cleaned_data
    base = LocalEvent.objects.published().filter(edition=edition)
    if region is not None:
        base = base.filter(region=region)
    events = apply_filters(base, data).with_listing_relations().order_by("first_start", "id")
    page_obj = paginate(request, events, PER_PAGE)
    options = filter_options(base, data, fixed_region=region)
    context = {
        "filter_form": form,
        "page_obj": page_obj,
        "events": page_obj.object_list,
        "is_filtering": form.is_filtering() if region is None else _filtering_beyond_region(
            data),
        "options": options,
        "fixed_region": region,
        **export_links(request, edition, region),
    }
    if region is None:
        context["region_map"] = region_map(
            options["region_counts"], _regional_urls(request, edition)
        )
    return context


def _filtering_beyond_region(data) -> bool:
    return any(value not in (None, "", False) for key, value in data.items() if key != "region")


def _regional_urls(request, edition) -> dict:
    return {page.region_id: page.get_url(request) for page in edition.regional_pages()}


def render_programme(page, request, *, edition, region):
    try:
        context = programme_context(request, edition, region)
    except InvalidFilters as error:
        response = page.render(request, context_overrides={
            "filter_form": error.form, "filter_errors": error.messages(), "events": [],
            "fixed_region": region,
        })
        response.status_code = 400
        return response
    return page.render(request, context_overrides=context)


def render_printable(page, request, *, edition, region):
    events = (
        LocalEvent.objects.published().filter(edition=edition, region=region)
        .with_listing_relations()
        .order_by("department__code", "venue__commune", "first_start", "id")
    )
    return page.render(
        request,
        template="events/regional_programme_print.html",
        context_overrides={"events": events, "print_title": _("Printable programme")},
    )
