"""The synonyms set in Elasticsearch, kept equal to the ``Synonym`` snippets.

Each save or deletion of a synonym sends the whole set again (``PUT _synonyms/<set>``, one
rule per snippet, ``synonym-<id>``): Elasticsearch then reloads the search analysers of every
index that uses the set, and ``reload_search_analyzers`` is asked as well for older 8.x
clusters, so a synonym takes effect at once, without any rebuild. The database search knows
no synonyms: the README says so.
"""

import logging

from search import connection
from search.analysis import synonyms_set_name
from search.index import index_pattern

logger = logging.getLogger(__name__)


def synonyms_rules() -> list[dict]:
    from search.models import Synonym

    return [{"id": f"synonym-{synonym.pk}", "synonyms": synonym.rule()}
            for synonym in Synonym.objects.order_by("pk") if len(synonym.term_list) > 1]


def push_synonyms(client=None, *, reload: bool = True) -> bool:
    """Send the synonyms set to Elasticsearch, then reload the search analysers. False (and a
    warning in the log) when Elasticsearch is not configured or failed."""
    client = client or connection.get_client()
    if client is None:
        return False
    try:
        client.synonyms.put_synonym(id=synonyms_set_name(), synonyms_set=synonyms_rules())
        if reload:
            client.indices.reload_search_analyzers(index=index_pattern(),
                                                   allow_no_indices=True)
    except connection.FAILURES as error:
        logger.warning("The synonyms could not be sent to Elasticsearch (%s); they will be "
                       "sent with the next change or rebuild.", error)
        return False
    return True
