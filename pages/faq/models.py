"""Frequently asked questions, on either site: sections of DSFR accordions, and schema.org
FAQPage data for search engines on the public site."""


from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from pages.base.models import BasePage
from pages.blocks import faq_blocks


class FAQPage(BasePage):
    page_description = _("Frequently asked questions, each with its answer.")
    intro = RichTextField(_("introduction"), blank=True,
                          features=["bold", "italic", "link", "ul"])
    sections = StreamField(faq_blocks(), verbose_name=_("sections"), blank=True)
    contact_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page to ask another question"), null=True,
        blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text=_("Offered at the end, for visitors who did not find their answer."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("sections"),
                      FieldPanel("contact_page")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"),
                     index.SearchField("sections")]
    parent_page_types = ["pages.HomePage", "pages.IntranetHomePage", "pages.StandardPage"]
    template = "pages/faq/faq_page.html"

    class Meta:
        verbose_name = _("FAQ page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        target = self.contact_page.localized if self.contact_page else None
        context["ask_page"] = target if target and target.live else None
        return context

    def question_answers(self):
        """(question, answer HTML) pairs of every section, in order."""
        return [(item["title"], str(item["body"]))
                for section in self.sections for item in section.value["items"]]

    def structured_data(self, request):
        if getattr(request, "is_intranet", False):
            return None  # search engines never see the intranet
        return {
            "@context": "https://schema.org",
            "@type": "FAQPage",
            "name": self.title,
            "mainEntity": [
                {"@type": "Question", "name": question,
                 "acceptedAnswer": {"@type": "Answer", "text": answer}}
                for question, answer in self.question_answers()
            ],
        }
