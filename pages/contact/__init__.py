"""Questions from the public and partners: the contact page, its topics, the form, the
e-mails and the retention period."""
