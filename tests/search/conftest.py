"""Fixtures of the search tests: a recording Elasticsearch client in place of the real one,
and helpers to index what the tests create."""

import pytest

from search import connection
from tests.helpers.elasticsearch import RecordingElasticsearch


@pytest.fixture(autouse=True)
def _closed_circuit():
    connection.reset()
    yield
    connection.reset()


@pytest.fixture
def recording_client(settings, monkeypatch):
    """Elasticsearch "configured", every request recorded and answered with nothing."""
    settings.SEARCH_ELASTICSEARCH_URL = "http://127.0.0.1:9"
    client = RecordingElasticsearch()
    monkeypatch.setattr(connection, "get_client", lambda: client)
    from search import indexing

    indexing._ensured.clear()
    yield client
    indexing._ensured.clear()
