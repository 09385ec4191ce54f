"""Who reads a page, said in words in the page editor: which site the editor is working on.

Wagtail's privacy status says "Visible to all" for any page without a restriction, intranet
pages included, and "Private" for a page restricted to groups. The admin's status names the
intranet's readers instead: the staff, or the staff of the directorates it is restricted to.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from wagtail.models import BaseViewRestriction, PageViewRestriction

from portal.models import Directorate
from portal.sites import is_intranet_page


@dataclass
class Readers:
    open_label: str  # what the status says while the page has no restriction of its own
    open_help: str
    restricted_label: str  # … and once restricted
    restricted_help: str
    open_icon: str = "view"  # an intranet page shows a group instead of an eye


def wagtails_wording() -> Readers:
    """Wagtail's own words (and their translations in Wagtail's catalogue): a public page."""
    return Readers(open_label=_("Visible to all"), open_help=_("Once live anyone can view"),
                   restricted_label=_("Private"), restricted_help=_("Not visible to the public"))


def group_names(groups) -> list[str]:
    """A directorate's staff group by its directorate's name, any other group by its own."""
    groups = list(groups)
    directorates = {directorate.staff_group_id: directorate.short_name
                    for directorate in Directorate.objects.filter(staff_group__in=groups)}
    return sorted(directorates.get(group.pk, group.name) for group in groups)


def page_readers(page) -> Readers:
    """Who reads this page: the intranet's readers for an intranet page, Wagtail's wording for
    a page of the public site (or one not saved yet)."""
    if not page.pk or not is_intranet_page(page):
        return wagtails_wording()
    restrictions = PageViewRestriction.objects.filter(
        page__in=page.get_ancestors(inclusive=True),
        restriction_type=BaseViewRestriction.GROUPS,
    ).prefetch_related("groups")
    names = group_names({group for restriction in restrictions
                         for group in restriction.groups.all()})
    readers = wagtails_wording()  # "Private" while no directorate is named
    readers.open_label = _("Intranet — staff")
    readers.open_help = _("Once live, every member of staff signed in to the intranet can view it")
    readers.open_icon = "group"
    if names:
        listed = ", ".join(names)
        readers.restricted_label = _("Intranet — staff of %(names)s") % {"names": listed}
        readers.restricted_help = _("Once live, only the staff of %(names)s can view it") % {
            "names": listed}
    return readers
