"""Tasks of the search app that are not index updates (those are in ``search.indexing``)."""

from django_tasks import task

from search.synonyms import push_synonyms


@task()
def send_synonyms() -> bool:
    """Send the synonyms set to Elasticsearch after a synonym changed."""
    return push_synonyms()
