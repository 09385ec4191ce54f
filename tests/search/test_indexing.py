"""What is indexed, with which fields and privacy, and how the index follows the content:
the registry's sources, the task after commit, the rebuild and the status."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from pages.models import StandardPage
from search import indexing, registry
from search.models import SearchEntry
from tests.helpers.pages import add_page
from tests.helpers.search import add_document, restrict

pytestmark = pytest.mark.django_db


def entry(obj, source="page"):
    return SearchEntry.objects.filter(key=f"{source}:{obj.pk}").first()


def test_the_sources_are_pages_documents_local_events_and_the_directory():
    assert {source.name for source in registry.sources()} == {
        "page", "document", "localevent", "person", "service"}
    assert set(registry.result_types()) >= {"page", "news", "publication", "document", "event",
                                            "national_event"}


def test_a_public_page_gives_every_field(content):
    page = content["public"]
    row = entry(page)
    assert row.heading == "Patrimoine de la région"
    assert row.summary == "Les monuments de la région."
    assert (row.type, row.site, row.language, row.visibility) == ("page", "public", "fr",
                                                                  "everyone")
    assert row.url == page.get_full_url()
    assert row.url.startswith("http://localhost:8000/")
    assert row.date is not None and row.year == timezone.now().year


def test_the_body_is_flattened_from_stream_fields(sites):
    page = StandardPage(title="Fouilles", slug="fouilles", body=[
        ("heading", {"text": "Le chantier de Carnac", "level": "h2"}),
        ("paragraph", "<p>Des <b>menhirs</b> alignés.</p>"),
    ])
    sites[0].root_page.add_child(instance=page)
    page.save_revision().publish()
    (found,) = indexing.entries_for_keys([f"page:{page.pk}"]).values()
    assert "Le chantier de Carnac" in found.body
    assert "Des menhirs alignés." in found.body
    assert "<" not in found.body


def test_intranet_pages_keep_their_privacy_and_that_of_their_ancestors(content, directorates):
    bretagne = directorates[0]
    assert (entry(content["intranet"]).site, entry(content["intranet"]).visibility) == (
        "intranet", "staff")
    for name in ("bretagne", "bretagne_child"):
        row = entry(content[name])
        assert (row.site, row.visibility) == ("intranet", "groups")
        assert row.group_keys == f"|{bretagne.staff_group_id}|"
        assert (row.directorate, row.region) == ("DRAC Bretagne", "Bretagne")
    assert entry(content["bretagne_child"]).section == "Patrimoine breton : réunion"


def test_nested_restrictions_keep_only_the_groups_both_allow(content, directorates):
    bretagne, normandie = directorates
    inner = add_page(content["bretagne"], "Patrimoine commun", "commun")
    restrict(inner, bretagne.staff_group, normandie.staff_group)
    (found,) = indexing.entries_for_keys([f"page:{inner.pk}"]).values()
    assert found.groups == [bretagne.staff_group_id]


def test_password_pages_and_their_children_are_not_indexed(content):
    PageViewRestriction.objects.create(page=content["public"], password="secret",
                                       restriction_type=PageViewRestriction.PASSWORD)
    child = add_page(content["public"], "Patrimoine caché", "cache")
    found = indexing.entries_for_keys([f"page:{content['public'].pk}", f"page:{child.pk}"])
    assert set(found.values()) == {None}


def test_drafts_and_future_pages_are_never_indexed(content, sites):
    assert entry(content["draft"]) is None
    scheduled = StandardPage(title="Patrimoine à venir", slug="a-venir", live=False,
                             go_live_at=timezone.now() + timezone.timedelta(days=3))
    sites[0].root_page.add_child(instance=scheduled)
    scheduled.save_revision(approved_go_live_at=scheduled.go_live_at)
    assert indexing.entries_for_keys([f"page:{scheduled.pk}"]) == {
        f"page:{scheduled.pk}": None}
    # A live page's draft changes stay out: the index holds what is published.
    page = content["public"]
    page.title = "Brouillon du titre"
    page.save_revision()
    (found,) = indexing.entries_for_keys([f"page:{page.pk}"]).values()
    assert found.title == "Patrimoine de la région"


def test_documents_follow_their_collection(content, directorates):
    bretagne = directorates[0]
    public = entry(content["public_document"], "document")
    assert (public.site, public.visibility, public.language) == ("public", "everyone", "")
    assert public.url.startswith("http://localhost:8000/documents/")
    intranet = entry(content["intranet_document"], "document")
    assert (intranet.site, intranet.visibility) == ("intranet", "staff")
    assert intranet.url.startswith("http://intranet.localhost:8000/documents/")
    restricted = entry(content["bretagne_document"], "document")
    assert (restricted.site, restricted.visibility, restricted.directorate) == (
        "intranet", "groups", "DRAC Bretagne")
    assert restricted.group_keys == f"|{bretagne.staff_group_id}|"


def test_the_text_of_a_pdf_is_indexed(content):
    assert "Budget des fouilles de Carnac" in entry(content["bretagne_document"], "document").body


def test_a_damaged_pdf_is_indexed_without_its_text(sites):
    document = add_document("Rapport abîmé", name="abime.pdf", data=b"%PDF-1.4 nothing else")
    (found,) = indexing.entries_for_keys([f"document:{document.pk}"]).values()
    assert found.title == "Rapport abîmé" and found.body == ""


def test_published_local_events_only(content):
    event = entry(content["event"], "localevent")
    assert (event.type, event.site, event.visibility) == ("event", "public", "everyone")
    assert event.region == "Bretagne" and event.department == "Ille-et-Vilaine"
    assert event.start is not None and event.url.endswith(f"/evenements/{content['event'].pk}/")
    assert event.section == content["edition"].title
    assert entry(content["submitted_event"], "localevent") is None


def test_questions_registrations_and_paper_copy_requests_are_never_indexed(content):
    types = set(SearchEntry.objects.values_list("type", flat=True))
    assert types <= {"page", "news", "publication", "document", "event", "national_event",
                     "person", "service"}
    assert not SearchEntry.objects.filter(heading__icontains="question").exists()
    assert not SearchEntry.objects.filter(key__startswith="question").exists()


def test_the_national_event_page_is_an_event_type(content):
    row = entry(content["edition"])
    assert row.type == "national_event"
    assert timezone.localtime(row.date).date().isoformat() == "2026-09-19"


# --- Keeping it current -------------------------------------------------------------------


def test_publishing_indexes_after_commit(sites, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        page = add_page(sites[0].root_page, "Archéologie préventive", "archeologie")
    assert callbacks
    assert entry(page).heading == "Archéologie préventive"


def test_unpublishing_and_deleting_remove_the_entry(content,
                                                    django_capture_on_commit_callbacks):
    page = content["public"]
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert entry(page) is None
    other = content["intranet"]
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=other.pk).delete()
    assert not SearchEntry.objects.filter(key=f"page:{other.pk}").exists()


def test_moving_a_page_to_the_intranet_moves_its_entry_and_its_childrens(
        content, sites, django_capture_on_commit_callbacks):
    page = content["public"]
    child = add_page(page, "Patrimoine rural", "rural")
    indexing.rebuild()
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=page.pk).move(sites[1].root_page, pos="last-child")
    for moved in (page, child):
        row = entry(moved)
        assert (row.site, row.visibility) == ("intranet", "staff")
        assert row.url.startswith("http://intranet.localhost:8000/")


def test_a_privacy_change_reindexes_the_page_and_its_children(
        content, directorates, django_capture_on_commit_callbacks):
    page = content["intranet"]
    child = add_page(page, "Patrimoine : annexe", "annexe")
    indexing.rebuild()
    with django_capture_on_commit_callbacks(execute=True):
        restrict(page, directorates[1].staff_group)
    assert entry(child).visibility == "groups"
    assert entry(child).group_keys == f"|{directorates[1].staff_group_id}|"
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.filter(page=page).delete()
    assert entry(child).visibility == "staff"


def test_a_collection_privacy_change_reindexes_its_documents(
        content, directorates, django_capture_on_commit_callbacks):
    from wagtail.models import CollectionViewRestriction

    document = content["normandie_document"]
    with django_capture_on_commit_callbacks(execute=True):
        CollectionViewRestriction.objects.filter(collection=document.collection).delete()
    assert entry(document, "document").visibility == "staff"


def test_approving_and_unpublishing_a_local_event(content, django_capture_on_commit_callbacks):
    from events import moderation

    event = content["submitted_event"]
    with django_capture_on_commit_callbacks(execute=True):
        event = moderation.approve(event)
    assert entry(event, "localevent").heading == "Patrimoine proposé"
    with django_capture_on_commit_callbacks(execute=True):
        event.unpublish()
    assert entry(event, "localevent") is None


def test_the_update_is_sent_to_elasticsearch_in_its_alias_and_removed_from_the_others(
        content, recording_client, settings, django_capture_on_commit_callbacks):
    settings.SEARCH_INDEX_PREFIX = "relais-search"
    recording_client.answers["HEAD /_alias/*"] = {}
    page = content["intranet"]
    page.title = "Patrimoine : nouvelles notes"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    (bulk,) = recording_client.sent("PUT", "/_bulk")
    assert bulk.params.get("require_alias") in ("true", True)
    key = f"page:{page.pk}"
    operations = bulk.body
    assert operations[0] == {"delete": {"_index": "relais-search-public-fr", "_id": key}}
    assert {"delete": {"_index": "relais-search-public-en", "_id": key}} in operations
    assert {"delete": {"_index": "relais-search-intranet-en", "_id": key}} in operations
    position = operations.index({"index": {"_index": "relais-search-intranet-fr", "_id": key}})
    document = operations[position + 1]
    assert document["title"] == "Patrimoine : nouvelles notes"
    assert (document["site"], document["visibility"], document["language"]) == (
        "intranet", "staff", "fr")
    assert not SearchEntry.objects.get(key=key).elasticsearch_pending


def test_elasticsearch_down_never_blocks_publishing_and_sync_catches_up(
        content, recording_client, django_capture_on_commit_callbacks, caplog):
    recording_client.down = True
    page = content["public"]
    page.title = "Patrimoine régional"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    row = entry(page)
    assert row.heading == "Patrimoine régional" and row.elasticsearch_pending
    recording_client.down = False
    from search import connection

    connection.reset()
    out = io.StringIO()
    call_command("search_index", "sync", stdout=out)
    assert "Sent 1 entries" in out.getvalue()
    assert not entry(page).elasticsearch_pending


def test_rebuild_fills_new_indices_then_swaps_the_aliases(content, recording_client, settings):
    settings.SEARCH_INDEX_PREFIX = "relais-search"
    recording_client.answers["GET /relais-search-*/_alias"] = {
        "relais-search-public-fr-old": {"aliases": {"relais-search-public-fr": {}}},
        "relais-search-intranet-fr-old": {"aliases": {"relais-search-intranet-fr": {}}},
    }
    out = io.StringIO()
    call_command("rebuild_search_index", stdout=out)
    created = recording_client.sent("PUT", "/relais-search-*")
    created = [request for request in created if "_bulk" not in request.path]
    assert len(created) == 4
    assert all(set(request.body) == {"settings", "mappings"} for request in created)
    new = {request.path.strip("/").rsplit("-", 1)[0]: request.path.strip("/")
           for request in created}
    assert set(new) == {"relais-search-public-fr", "relais-search-public-en",
                        "relais-search-intranet-fr", "relais-search-intranet-en"}
    # The synonyms set exists before any index that uses it.
    assert recording_client.requests[0].path == "/_synonyms/relais-search-synonyms"
    written = [operation["index"]["_index"] for request in recording_client.sent("PUT", "/_bulk")
               for operation in request.body if "index" in operation]
    assert set(written) <= set(new.values())
    (swap,) = recording_client.sent("POST", "/_aliases")
    actions = swap.body["actions"]
    assert {"remove": {"index": "relais-search-public-fr-old",
                       "alias": "relais-search-public-fr"}} in actions
    assert {"add": {"index": new["relais-search-intranet-en"],
                    "alias": "relais-search-intranet-en", "is_write_index": True}} in actions
    (deleted,) = recording_client.sent("DELETE")
    assert deleted.path == "/relais-search-intranet-fr-old,relais-search-public-fr-old"
    assert "Indexed:" in out.getvalue()


def test_status_compares_the_table_with_the_content(content):
    out = io.StringIO()
    call_command("search_index", "status", stdout=out)
    assert "database:" in out.getvalue() and "in order" in out.getvalue()
    SearchEntry.objects.filter(key=f"page:{content['public'].pk}").delete()
    out = io.StringIO()
    with pytest.raises(Exception, match="differs"):
        call_command("search_index", "status", stdout=out)
    assert f"missing (1): page:{content['public'].pk}" in out.getvalue()


def test_renaming_a_directorate_renames_it_in_its_entries(content, directorates,
                                                          django_capture_on_commit_callbacks):
    bretagne = directorates[0]
    bretagne.short_name = "DRAC BZH"
    with django_capture_on_commit_callbacks(execute=True):
        bretagne.save()
    assert entry(content["bretagne_child"]).directorate == "DRAC BZH"
    assert entry(content["bretagne_document"], "document").directorate == "DRAC BZH"


def test_while_the_circuit_is_open_updates_wait_for_the_next_sync(
        content, recording_client, django_capture_on_commit_callbacks):
    from search import connection

    connection.record_failure(Exception("down"), "testing")
    page = content["public"]
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert recording_client.sent("PUT", "/_bulk") == []
    assert entry(page).elasticsearch_pending
