"""StreamField blocks, grouped by theme as editors find them in the block menu."""

from uuid import uuid4

from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

TEXT = _("Text")
MEDIA = _("Media")
LAYOUT = _("Layout")

RICH_TEXT_FEATURES = [
    "bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4", "superscript",
]


class WithDomIdMixin:
    """Gives the template a unique ``dom_id`` for the aria-controls of collapsible parts."""

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["dom_id"] = uuid4().hex[:10]
        return context


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Level 2")), ("h3", _("Level 3")), ("h4", _("Level 4"))],
        default="h2",
        help_text=_("Keep the levels in order: a level 3 heading follows a level 2 one."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "pages/blocks/heading.html"
        description = _("A section title: readers and screen readers find their way by it.")
        preview_value = {"text": _("Visiting the cathedral"), "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        description = _("Text with bold, italics, lists and links.")
        preview_value = format_lazy("<p>{}</p>", _(
            "The directorate supports the restoration of protected monuments and advises "
            "their owners."))


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quotation"))
    author = blocks.CharBlock(label=_("Author"), required=False, max_length=200)
    source = blocks.CharBlock(label=_("Source"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quotation")
        template = "pages/blocks/quote.html"
        description = _("Words someone said or wrote, with their author and source.")
        preview_value = {
            "quote": _("Heritage is what we receive and what we hand down."),
            "author": "Victor Hugo", "source": _("Speech, 1832"),
        }


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Title level"), choices=[("h2", _("Section (h2)")), ("h3", _("Sub-section (h3)"))],
        default="h2", required=False,
        help_text=_("Follows the page: h2 under the page title, h3 inside a section."),
    )
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul"])
    link = blocks.PageChooserBlock(label=_("Link to a page"), required=False)
    link_label = blocks.CharBlock(label=_("Button label"), required=False, max_length=80)

    class Meta:
        icon = "pick"
        label = _("Callout")
        template = "pages/blocks/callout.html"
        description = _("A framed message that stands out: a deadline, a key piece of "
                        "information, with an optional button to a page.")
        preview_value = {
            "title": _("Applications close on 30 September"), "level": "h2",
            "text": format_lazy("<p>{}</p>", _("Send your file before the deadline.")),
            "link": None, "link_label": "",
        }

    def clean(self, value):
        value = super().clean(value)
        if value["link"] and not value["link_label"]:
            raise StructBlockValidationError(
                {"link_label": ValidationError(_("Give the button a label."))}
            )
        return value


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)
    credit = blocks.CharBlock(label=_("Credit"), required=False, max_length=200)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "pages/blocks/figure.html"
        description = _("One image from the library, with its caption and credit.")
        preview_value = {"image": None, "caption": _("The restored rose window"),
                         "credit": _("Photographer's name")}


class VideoBlock(WithDomIdMixin, blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    video = EmbedBlock(label=_("Video address"), help_text=_("The address of the video page."))
    transcript = blocks.TextBlock(
        label=_("Transcript"),
        help_text=_("Required: the text alternative for people who cannot watch or hear it."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "pages/blocks/video.html"
        description = _("A video from YouTube, Vimeo or Dailymotion, with its transcript.")
        preview_value = {"title": _("The restoration site in three minutes"),
                         "video": "https://www.dailymotion.com/video/x8relais",
                         "transcript": _("The transcript of the video, for everyone.")}


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"), required=False, max_length=200,
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document to download")
        template = "pages/blocks/document.html"
        description = _("A download link to a document of the library, with its format and "
                        "size.")
        preview_value = {"document": None, "title": _("Application form (PDF)")}


class LinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or external address"), required=False)
    label = blocks.CharBlock(label=_("Label"), required=False, max_length=120)

    class Meta:
        icon = "link"
        label = _("Link")
        description = _("A link to a page of the site or to another site.")
        preview_value = {"page": None, "url": "https://www.culture.gouv.fr/",
                         "label": _("Ministry of Culture")}
        preview_template = "pages/blocks/previews/link.html"

    def clean(self, value):
        value = super().clean(value)
        if bool(value["page"]) == bool(value["url"]):
            raise StructBlockValidationError(
                {"url": ValidationError(_("Choose a page or give an external address, not both."))}
            )
        if value["url"] and not value["label"]:
            raise StructBlockValidationError(
                {"label": ValidationError(_("An external link needs a label."))}
            )
        return value


class LinkListBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    links = blocks.ListBlock(LinkBlock(), label=_("Links"), min_num=1)

    class Meta:
        icon = "link"
        label = _("List of links")
        template = "pages/blocks/link_list.html"
        description = _("A titled list of links to pages or other sites, to read further.")
        preview_value = {"title": _("To go further"), "links": [
            {"page": None, "url": "https://www.culture.gouv.fr/",
             "label": _("Ministry of Culture")},
            {"page": None, "url": "https://www.service-public.fr/",
             "label": "Service-public.fr"},
        ]}


class AccordionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    body = blocks.RichTextBlock(label=_("Content"), features=RICH_TEXT_FEATURES)


class AccordionsBlock(WithDomIdMixin, blocks.StructBlock):
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Sections"), min_num=1)

    class Meta:
        icon = "collapse-down"
        label = _("Accordions")
        template = "pages/blocks/accordions.html"
        description = _("Sections that open on a click: long details readers may skip.")
        preview_value = {"items": [
            {"title": _("Who may apply?"),
             "body": format_lazy("<p>{}</p>", _("Owners of a protected monument."))},
            {"title": _("Which documents to send?"),
             "body": format_lazy("<p>{}</p>", _("The form, the estimate and photographs."))},
        ]}


def body_blocks():
    """The blocks every content page offers, grouped by theme."""
    return [
        ("heading", HeadingBlock(group=TEXT)),
        ("paragraph", ParagraphBlock(features=RICH_TEXT_FEATURES, group=TEXT,
                                     template="pages/blocks/paragraph.html")),
        ("quote", QuoteBlock(group=TEXT)),
        ("callout", CalloutBlock(group=TEXT)),
        ("image", FigureBlock(group=MEDIA)),
        ("video", VideoBlock(group=MEDIA)),
        ("document", DocumentBlock(group=MEDIA)),
        ("links", LinkListBlock(group=LAYOUT)),
        ("accordions", AccordionsBlock(group=LAYOUT)),
    ]


# --- Multimedia folders ---------------------------------------------------------------------

AUDIO_EXTENSIONS = ("mp3", "ogg")


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    images = blocks.ListBlock(
        FigureBlock(), label=_("Images"), min_num=1,
        help_text=_("Each image needs its alternative text, or to be marked as decorative."),
    )

    class Meta:
        icon = "grid"
        label = _("Image gallery")
        template = "pages/blocks/gallery.html"
        description = _("Several images side by side, each with its caption and credit.")
        preview_value = {"title": _("The site, step by step"), "images": []}


class AudioBlock(WithDomIdMixin, blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    audio = DocumentChooserBlock(
        label=_("Sound file"), help_text=_("An MP3 or Ogg file from the document library."),
    )
    transcript = blocks.TextBlock(
        label=_("Transcript"),
        help_text=_("Required: the text alternative for people who cannot hear it."),
    )

    class Meta:
        icon = "radio-full"
        label = _("Audio")
        template = "pages/blocks/audio.html"
        description = _("A sound file (MP3 or Ogg) with a player and its transcript.")
        preview_value = {"title": _("Interview with the architect"), "audio": None,
                         "transcript": _("The transcript of the interview, for everyone.")}

    def clean(self, value):
        value = super().clean(value)
        document = value["audio"]
        if document and document.file_extension.lower() not in AUDIO_EXTENSIONS:
            raise StructBlockValidationError({"audio": ValidationError(
                _("Choose a sound file in MP3 or Ogg format."), code="audio_format",
            )})
        return value


def multimedia_blocks():
    """A multimedia folder offers the body blocks plus galleries and sound."""
    return [
        *body_blocks(),
        ("gallery", GalleryBlock(group=MEDIA)),
        ("audio", AudioBlock(group=MEDIA)),
    ]
# --- Frequently asked questions -----------------------------------------------------------


class FAQItemBlock(AccordionItemBlock):
    """An accordion whose title is the question and whose content is the answer."""

    title = blocks.CharBlock(label=_("Question"), max_length=300)
    body = blocks.RichTextBlock(label=_("Answer"), features=RICH_TEXT_FEATURES)

    class Meta:
        label = _("Question and answer")


class FAQSectionBlock(WithDomIdMixin, blocks.StructBlock):
    """A titled group of questions drawn as DSFR accordions. The FAQ page draws the heading
    (level 2), with an anchor its summary links to."""

    heading = blocks.CharBlock(label=_("Section heading"), max_length=200)
    items = blocks.ListBlock(FAQItemBlock(), label=_("Questions"), min_num=1)

    class Meta:
        icon = "help"
        label = _("Section of questions")
        template = "pages/blocks/accordions.html"
        description = _("A titled group of questions, each opening on its answer.")
        preview_value = {"heading": _("Grants"), "items": [
            {"title": _("Who may apply for a grant?"),
             "body": format_lazy("<p>{}</p>", _("Owners of a protected monument."))},
        ]}


def faq_blocks():
    return [("section", FAQSectionBlock())]
