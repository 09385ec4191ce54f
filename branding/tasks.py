"""Tasks of the logo portal, queued once the transaction that asks for them commits."""

import logging
from functools import partial

from django.db import transaction
from django_tasks import task

from branding.models import LogoVersion

logger = logging.getLogger(__name__)


@task()
def generate_version_files(version_id: int) -> bool:
    from branding.variants import generate_variants

    version = LogoVersion.objects.filter(pk=version_id).select_related("logo").first()
    if version is None:
        return False
    try:
        generate_variants(version)
    except Exception as error:  # the officer reads the reason in the admin
        logger.exception("Files of %s could not be generated", version)
        LogoVersion.objects.filter(pk=version_id).update(generation_error=str(error)[:1000])
        return False
    return True


def schedule_generation(version: LogoVersion) -> None:
    """Generate the version's files once the current transaction has committed."""
    transaction.on_commit(partial(generate_version_files.enqueue, version.pk), robust=True)
