"""E-mails of the events app, sent by a task once the transaction has committed.

A failing mail server then never turns an approval, a refusal or a registration into an
error page: the task's result records the failure for the worker's log.
"""

from functools import partial

from django.core.mail import send_mail
from django.db import transaction
from django_tasks import task


@task()
def send_event_mail(subject: str, body: str, recipient: str) -> None:
    send_mail(subject, body, None, [recipient])


def send_after_commit(subject: str, body: str, recipient: str) -> None:
    transaction.on_commit(partial(send_event_mail.enqueue, subject, body, recipient))
