"""An import of contacts: the rows read from the uploaded file, the mapping of its columns,
then the report of each row."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ContactImport(models.Model):
    file_name = models.CharField(_("file"), max_length=255)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True,
                                    on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded on"), auto_now_add=True)
    headers = models.JSONField(default=list)
    rows = models.JSONField(default=list, help_text="Cells as read, until the import is done.")
    mapping = models.JSONField(default=dict, blank=True)
    source = models.CharField(_("source"), max_length=200, blank=True)
    legal_basis = models.CharField(_("legal basis"), max_length=30, blank=True)
    contact_list = models.ForeignKey("press.ContactList", verbose_name=_("added to the list"),
                                     null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    done_at = models.DateTimeField(_("imported on"), null=True, blank=True)
    imported_count = models.PositiveIntegerField(_("imported"), default=0)
    report = models.JSONField(default=list, blank=True,
                              help_text="Rejected rows: [row number, reason, cells].")

    class Meta:
        verbose_name = _("contacts import")
        verbose_name_plural = _("contacts imports")
        ordering = ["-uploaded_at"]
        default_permissions = ("add", "view")

    def __str__(self):
        return self.file_name
