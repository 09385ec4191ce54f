"""The outbox: every e-mail Relais sends is stored here first, then sent.

How it works (public functions in ``portal.outbox.sending``):

- ``queue_email()`` stores an ``OutgoingEmail`` row in the caller's transaction, so an e-mail
  exists exactly when what it is about (a question, a request, an approval) exists; once the
  transaction commits, a task (``django_tasks``) sends it.
- A sender first *claims* the row with one conditional UPDATE that marks it as being sent
  for a while (a lease): the task, the ``send_outbox`` cron command and an officer's "send
  again" can run at the same time, only one of them sends. A sender that dies mid-way leaves
  the row to be picked up again once the lease is over.
- Each attempt is logged (``DeliveryAttempt``); a failure is retried with exponential backoff
  (5 minutes, doubling, at most 6 hours apart) by ``manage.py send_outbox``, and given up
  after ``MAX_ATTEMPTS``. Officers read the outbox and its errors in the Wagtail admin
  (Reports → E-mails) and may send a failed e-mail again.
- Each e-mail may point at what it is about (a generic relation), so a question or a request
  lists its own e-mails, and deleting a question deletes its e-mails.

Why our own module rather than django-post-office (3.12, which supports Django 5.2): its
queue, retries and logs are close to what we need, but its retries come at a fixed interval
(``RETRY_INTERVAL``), its sending runs from its own command under a file lock (or Celery),
not from Django's task queue after the commit, its e-mails cannot point at what they are
about, and it brings database e-mail templates, attachments storage and a Django-admin
registration that Relais does not use (officers work in the Wagtail admin only). Wrapping
it would have meant a second model for the link to the object and our own task and backoff
around it: more code than these two models and one sending module.
"""
