"""An inline SVG map of the 18 regions, schematic on purpose (a tile map: one tile per
region, placed roughly where it lies, overseas regions on a row of their own). It needs no
map tiles, no script, and each tile is a link with an accessible name and its count."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

TILE_WIDTH = 120
TILE_HEIGHT = 72
GAP = 8

# INSEE region code: (column, row, short label), columns may be fractional to stagger.
TILE_POSITIONS = {
    "32": (2.0, 0, "HDF"),
    "53": (0.0, 1, "BRE"),
    "28": (1.0, 1, "NOR"),
    "11": (2.0, 1, "IDF"),
    "44": (3.0, 1, "GES"),
    "52": (0.5, 2, "PDL"),
    "24": (1.5, 2, "CVL"),
    "27": (2.5, 2, "BFC"),
    "75": (1.0, 3, "NAQ"),
    "84": (2.0, 3, "ARA"),
    "76": (1.5, 4, "OCC"),
    "93": (2.5, 4, "PAC"),
    "94": (3.5, 4.6, "COR"),
    "01": (0, 6, "GUA"),
    "02": (1, 6, "MTQ"),
    "03": (2, 6, "GUY"),
    "04": (3, 6, "REU"),
    "06": (4, 6, "MAY"),
}


@dataclass
class Tile:
    name: str
    label: str
    count: int
    url: str
    accessible_name: str
    map_name: str
    x: int
    y: int
    points: str
    text_x: int
    text_y: int


def _hexagon(x: float, y: float) -> str:
    """A flat-sided hexagon filling the tile, closer to a map shape than a rectangle."""
    w, h, cut = TILE_WIDTH, TILE_HEIGHT, 16
    corners = [(x + cut, y), (x + w - cut, y), (x + w, y + h / 2), (x + w - cut, y + h),
               (x + cut, y + h), (x, y + h / 2)]
    return " ".join(f"{px:.0f},{py:.0f}" for px, py in corners)


def region_map(counts: dict, urls: dict, regions) -> dict:
    """Tiles for every region with its event count and link (its programme page, or the
    national list filtered on it)."""
    tiles = []
    for region in regions:
        column, row, label = TILE_POSITIONS[region.code]
        count = counts.get(region.pk, 0)
        x, y = round(column * (TILE_WIDTH + GAP)), round(row * (TILE_HEIGHT + GAP))
        accessible_name = (ngettext("%(region)s: %(count)s event",
                                    "%(region)s: %(count)s events", count)
                           % {"region": region.name, "count": count})
        tiles.append(Tile(
            name=region.name,
            label=label,
            count=count,
            url=urls.get(region.pk) or f"?region={region.slug}#programme",
            accessible_name=accessible_name,
            # A tile's name starts with what it shows ("BRE 12"), as WCAG 2.5.3 asks.
            map_name=f"{label} {count} – {accessible_name}",
            x=x, y=y, points=_hexagon(x, y),
            text_x=x + TILE_WIDTH // 2, text_y=y + TILE_HEIGHT // 2,
        ))
    width = 5 * (TILE_WIDTH + GAP)
    height = 7 * (TILE_HEIGHT + GAP)
    return {"tiles": tiles, "width": int(width), "height": int(height),
            "overseas_y": int(5.7 * (TILE_HEIGHT + GAP)), "overseas_label": _("Overseas")}
