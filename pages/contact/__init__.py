"""Questions from the public and partners: the form, the e-mails and the retention period.
The models are in ``pages.models.contact``."""
