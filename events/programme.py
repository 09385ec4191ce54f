"""The public programme: filtered, paginated lists of local events, the options of each
filter with their counts, the map of the regions and the printable regional programme."""

from dataclasses import dataclass

from django.db.models import Count, Exists, Expression, IntegerField, OuterRef
from django.urls import reverse
from django.utils.translation import gettext as _

from events.filters import ProgrammeFilters
from events.map import region_map
from events.models import Department, LocalEvent, Region, Theme
from portal.filters import InvalidFilters, answer_invalid_filters
from portal.listing import paginate, query_with

PER_PAGE = 20
# Filters that each dropdown's count leaves out (see count_events).
DROPDOWN_FILTERS = ("region", "department", "theme")


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool


def _options(objects, counts, value_of, label_of, selected) -> list[Option]:
    return [
        Option(value_of(obj), label_of(obj), counts.get(obj.pk, 0), obj == selected)
        for obj in objects
    ]


@dataclass
class Counts:
    """How many events each region, department and theme would give (the other filters
    applied), and how many match every filter."""

    regions: dict
    departments: dict
    themes: dict
    total: int


def _add(counts: dict, key, number: int) -> None:
    counts[key] = counts.get(key, 0) + number


def count_events(base, filters, only=None) -> Counts:
    """Two grouped queries instead of one COUNT per dropdown plus the paginator's: one
    groups the events by (region, department, has the chosen theme), from which the region
    and department dropdowns and the total follow; the other counts events per theme.
    ``only`` names the filters left to apply to ``base`` (see narrow_by_search)."""
    data = filters.cleaned_data
    region, department, theme = data.get("region"), data.get("department"), data.get("theme")
    around = filters.apply(base, skip=DROPDOWN_FILTERS, only=only).order_by()
    groups = around.values("region_id", "department_id")
    if theme is not None:
        groups = groups.annotate(has_theme=Exists(
            LocalEvent.themes.through.objects.filter(localevent_id=OuterRef("pk"),
                                                     theme_id=theme.pk)))
    regions, departments, total = {}, {}, 0
    for row in groups.annotate(n=Count("id")):
        if theme is not None and not row["has_theme"]:
            continue
        in_region = region is None or row["region_id"] == region.pk
        in_department = department is None or row["department_id"] == department.pk
        if in_department:
            _add(regions, row["region_id"], row["n"])
        if in_region:
            _add(departments, row["department_id"], row["n"])
        if in_region and in_department:
            total += row["n"]
    # (event, theme) pairs are unique: counting them counts events.
    themes = dict(
        LocalEvent.themes.through.objects
        .filter(localevent__in=filters.apply(base, skip=("theme",), only=only).order_by()
                .values("pk"))
        .values("theme_id").annotate(n=Count("localevent_id")).values_list("theme_id", "n")
    )
    return Counts(regions, departments, themes, total)


SEARCH_FILTERS = ("q", "commune")
# Above this many matches an IN list grows costly (and SQLite caps its parameters): the
# queries then keep the search as a condition of their own.
MAX_SEARCH_IDS = 5000


def narrow_by_search(base, filters) -> tuple:
    """With a text or commune search, run once every filter the later queries (counts,
    page) share and hand them the matching ids: these filters join the venues and read
    every event's text, the slowest condition of all, which would otherwise run in each of
    those queries. Returns the narrowed base and the names of the filters left to apply
    (None: all of them)."""
    if not any(filters.cleaned_data.get(key) for key in SEARCH_FILTERS):
        return base, None
    shared = filters.apply(base, skip=DROPDOWN_FILTERS).order_by()
    ids = list(shared.values_list("pk", flat=True)[:MAX_SEARCH_IDS + 1])
    if len(ids) > MAX_SEARCH_IDS:
        return base, None
    narrowed = base.filter(pk__in=IdList(ids)) if ids else base.none()
    return narrowed, DROPDOWN_FILTERS


class IdList(Expression):
    """Integer ids written into the SQL as ``(1,2,3)``: the ORM would otherwise prepare
    each one as a parameter, which for a few thousand ids costs more than the query, and
    each later query repeats it."""

    output_field = IntegerField()

    def __init__(self, ids):
        super().__init__()
        self.ids = [int(pk) for pk in ids]  # int(): nothing but digits reaches the SQL

    def as_sql(self, compiler, connection):
        return "(" + ",".join(map(str, self.ids)) + ")", []


def filter_options(counts: Counts, data, fixed_region=None) -> dict:
    """Each dropdown's choices with the number of events they would give (the other
    filters applied), so that the template can say which would give nothing."""
    departments = Department.objects.select_related("region")
    region = fixed_region or data.get("region")
    if region:
        departments = departments.filter(region=region)
    regions = list(Region.objects.all())
    return {
        "all_regions": regions,
        "regions": _options(regions, counts.regions, lambda r: r.slug,
                            lambda r: r.name, data.get("region")),
        "departments": _options(departments, counts.departments, lambda d: d.code, str,
                                data.get("department")),
        "themes": _options(Theme.objects.all(), counts.themes, lambda t: t.slug,
                           lambda t: t.name, data.get("theme")),
        "region_counts": counts.regions,
    }


class CountedEvents:
    """A queryset whose length is already known, so that the paginator does not run its
    own COUNT(*) over the filtered events."""

    def __init__(self, events, total: int):
        self.events, self.total = events, total

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, index):
        return self.events[index]


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
    base = LocalEvent.objects.published().filter(edition=edition)
    if region is not None:
        base = base.filter(region=region)
    filters = ProgrammeFilters(request.GET, queryset=base, request=request,
                               fixed={"region": region.slug} if region is not None else None)
    data = filters.cleaned_data  # InvalidFilters when a value is malformed or unknown
    base, only = narrow_by_search(base, filters)
    counts = count_events(base, filters, only)
    events = filters.apply(base, only=only).with_listing_relations().order_by("first_start",
                                                                                 "id")
    page_obj = paginate(request, CountedEvents(events, counts.total), PER_PAGE)
    options = filter_options(counts, data, fixed_region=region)
    context = {
        "filters": filters,
        "page_obj": page_obj,
        "events": page_obj.object_list,
        "options": options,
        "fixed_region": region,
        **export_links(request, edition, region),
    }
    if region is None:
        context["region_map"] = region_map(
            options["region_counts"], _regional_urls(request, edition), options["all_regions"]
        )
    return context


def _regional_urls(request, edition) -> dict:
    return {page.region_id: page.get_url(request) for page in edition.regional_pages()}


def render_programme(page, request, *, edition, region):
    try:
        context = programme_context(request, edition, region)
    except InvalidFilters as error:
        return answer_invalid_filters(request, error, page.render(request, context_overrides={
            "filters": error.filters, "events": [], "fixed_region": region,
        }))
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
        context_overrides={"events": events, "print_title": _("Printable programme"),
                           "edition": page.get_parent().specific},
    )
