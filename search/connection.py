"""The Elasticsearch client of the search app, and the circuit breaker in front of it.

Without ``ELASTICSEARCH_URL`` there is no client and the database answers every search.
With it, each request waits at most ``SEARCH_TIMEOUT`` seconds and is not retried: a search
that fails answers from the database (``search.engines``), and Elasticsearch is then left
alone for ``SEARCH_CIRCUIT_BREAKER_SECONDS``, so that an outage costs one timeout, not one
per request.
"""

import logging
import threading
import time

from django.conf import settings
from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch

logger = logging.getLogger(__name__)

# What an unreachable, slow or failing Elasticsearch raises.
FAILURES = (TransportError, ApiError)

_lock = threading.Lock()
_clients: dict[tuple, Elasticsearch] = {}
_open_until = 0.0


def configured() -> bool:
    return bool(settings.SEARCH_ELASTICSEARCH_URL)


def get_client() -> Elasticsearch | None:
    """The client for ``ELASTICSEARCH_URL``, or None when it is not set."""
    if not configured():
        return None
    key = (settings.SEARCH_ELASTICSEARCH_URL, settings.SEARCH_TIMEOUT)
    with _lock:
        if key not in _clients:
            _clients[key] = Elasticsearch(
                settings.SEARCH_ELASTICSEARCH_URL, request_timeout=settings.SEARCH_TIMEOUT,
                max_retries=0, retry_on_timeout=False,
            )
        return _clients[key]


def available() -> bool:
    """Configured, and not left alone after a recent failure."""
    return configured() and time.monotonic() >= _open_until


def record_failure(error, doing: str):
    """Log the failure and leave Elasticsearch alone for a while."""
    global _open_until
    _open_until = time.monotonic() + settings.SEARCH_CIRCUIT_BREAKER_SECONDS
    logger.warning("Elasticsearch failed while %s (%s): the database answers for the next "
                   "%s seconds.", doing, error, settings.SEARCH_CIRCUIT_BREAKER_SECONDS)


def reset():
    """Close the circuit (tests, or once Elasticsearch is known to be back)."""
    global _open_until
    _open_until = 0.0
