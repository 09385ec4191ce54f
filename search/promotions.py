"""Promoted results: pages (or external links) editors choose for a query in the admin
(Wagtail's ``search_promotions``: *Settings → Promoted search results*), shown above the
results. A promoted page is shown only when it is live, on a site searched from where the
visitor is (the public site's pages on the public host; both sites' on the intranet) and
the visitor may open it (``portal.intranet.visible_to``; on the public host, as anyone
would). External links are shown on both sites."""

import dataclasses

from django.contrib.auth.models import AnonymousUser
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from portal.intranet import visible_to
from portal.sites import is_intranet_page


@dataclasses.dataclass
class Promoted:
    title: str
    url: str
    description: str
    key: str = ""  # the index key of a promoted page, to leave it out of the hits below


def promoted_for(request, query: str) -> list[Promoted]:
    picks = list(SearchPromotion.objects.filter(
        query__query_string=normalise_query_string(query)).order_by("sort_order", "pk"))
    if not picks:
        return []
    intranet = getattr(request, "is_intranet", False)
    visitor = request.user if intranet else AnonymousUser()
    pages = visible_to(Page.objects.live().filter(pk__in=[pick.page_id for pick in picks
                                                          if pick.page_id]), visitor)
    pages = {page.pk: page for page in pages if intranet or not is_intranet_page(page)}
    shown = []
    for pick in picks:
        if pick.page_id:
            page = pages.get(pick.page_id)
            url = page.get_full_url(request) if page else None
            if url:
                shown.append(Promoted(page.title, url, pick.description, f"page:{page.pk}"))
        elif pick.external_link_url:
            shown.append(Promoted(pick.external_link_text or pick.external_link_url,
                                  pick.external_link_url, pick.description))
    return shown
