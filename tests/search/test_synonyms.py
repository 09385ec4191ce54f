"""Synonyms editors manage in the admin: saved, then the whole synonyms set is sent to
Elasticsearch (which reloads the search analysers), without any rebuild."""

import pytest
from django.core.exceptions import ValidationError

from search import synonyms
from search.models import Synonym

pytestmark = pytest.mark.django_db


def test_terms_are_cleaned_and_checked():
    synonym = Synonym(terms="  JEP ,Journées   européennes du patrimoine,, ")
    synonym.clean()
    assert synonym.terms == "JEP, Journées européennes du patrimoine"
    assert synonym.rule() == "JEP, Journées européennes du patrimoine"
    for bad in ("JEP", "JEP, jep", "JEP => patrimoine", "MH # monument"):
        with pytest.raises(ValidationError):
            Synonym(terms=bad).clean()


def test_saving_a_synonym_sends_the_whole_set_then_reloads_the_analysers(
        recording_client, settings, django_capture_on_commit_callbacks):
    settings.SEARCH_INDEX_PREFIX = "relais-search"
    with django_capture_on_commit_callbacks(execute=True):
        jep = Synonym.objects.create(terms="JEP, Journées européennes du patrimoine")
    with django_capture_on_commit_callbacks(execute=True):
        mh = Synonym.objects.create(terms="MH, monument historique")
    put = recording_client.sent("PUT", "/_synonyms/*")
    assert [request.path for request in put] == ["/_synonyms/relais-search-synonyms"] * 2
    assert put[-1].body == {"synonyms_set": [
        {"id": f"synonym-{jep.pk}", "synonyms": "JEP, Journées européennes du patrimoine"},
        {"id": f"synonym-{mh.pk}", "synonyms": "MH, monument historique"},
    ]}
    reloads = recording_client.sent("POST", "/*/_reload_search_analyzers")
    assert [request.path for request in reloads] == [
        "/relais-search-*/_reload_search_analyzers"] * 2


def test_deleting_a_synonym_sends_the_set_without_it(recording_client,
                                                     django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        synonym = Synonym.objects.create(terms="MH, monument historique")
    with django_capture_on_commit_callbacks(execute=True):
        synonym.delete()
    assert recording_client.sent("PUT", "/_synonyms/*")[-1].body == {"synonyms_set": []}


def test_nothing_is_sent_without_elasticsearch(settings, django_capture_on_commit_callbacks):
    settings.SEARCH_ELASTICSEARCH_URL = ""
    with django_capture_on_commit_callbacks(execute=True):
        Synonym.objects.create(terms="MH, monument historique")
    assert synonyms.push_synonyms() is False


def test_elasticsearch_down_never_stops_the_editor(recording_client, caplog,
                                                   django_capture_on_commit_callbacks):
    recording_client.down = True
    with django_capture_on_commit_callbacks(execute=True):
        Synonym.objects.create(terms="MH, monument historique")
    assert Synonym.objects.count() == 1
    assert any("synonyms could not be sent" in record.getMessage()
               for record in caplog.records)


def test_editors_manage_synonyms_in_the_admin(recording_client, make_user, sites,
                                              public_client, django_capture_on_commit_callbacks):
    from portal.roles import EDITORS
    from tests.helpers.accounts import activate_totp

    editor = make_user("editrice@example.org", EDITORS)
    activate_totp(editor)
    public_client.force_login(editor)
    assert public_client.get("/admin/snippets/search/synonym/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = public_client.post("/admin/snippets/search/synonym/add/",
                                      {"terms": "JEP, Journées européennes du patrimoine"})
    assert response.status_code == 302
    assert Synonym.objects.get().terms == "JEP, Journées européennes du patrimoine"
    assert recording_client.sent("PUT", "/_synonyms/*")[-1].body["synonyms_set"][0][
        "synonyms"] == "JEP, Journées européennes du patrimoine"
