"""The rule blocks of a logo-usage guidelines page. Each rule may show the logo it is about."""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from pages.blocks import HeadingBlock, ParagraphBlock

TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol"]


def logo_block():
    return SnippetChooserBlock("branding.Logo", label=_("Logo this rule is about"),
                               required=False)


class RuleBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.RichTextBlock(label=_("Rule"), features=TEXT_FEATURES)
    logo = logo_block()


class ClearSpaceBlock(RuleBlock):
    unit = blocks.CharBlock(
        label=_("Unit of the clear space"), max_length=200,
        help_text=_("What measures the margin, e.g. “the height of the Marianne”."))
    illustration = ImageChooserBlock(label=_("Diagram"), required=False)

    class Meta:
        icon = "placeholder"
        label = _("Clear space")
        template = "branding/blocks/clear_space.html"
        description = _("The margin to keep empty around the logo, with a diagram.")
        preview_value = {"title": _("Clear space"), "unit": _("the height of the Marianne"),
                         "text": format_lazy("<p>{}</p>", _("Keep this margin on every side.")),
                         "logo": None, "illustration": None}


class MinimumSizeBlock(RuleBlock):
    print_mm = blocks.DecimalBlock(label=_("Print: minimum width (mm)"), min_value=1,
                                   max_digits=5, decimal_places=1)
    screen_px = blocks.IntegerBlock(label=_("Screen: minimum width (px)"), min_value=1)

    class Meta:
        icon = "expand-right"
        label = _("Minimum sizes")
        template = "branding/blocks/minimum_size.html"
        description = _("The smallest width of the logo in print and on screen.")
        preview_value = {"title": _("Minimum sizes"), "print_mm": "20", "screen_px": 120,
                         "text": format_lazy("<p>{}</p>", _("Below this, the logo is unreadable.")),
                         "logo": None}


class ColourVersionBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Version"), max_length=100,
                            help_text=_("e.g. four-colour, black, white (reversed)."))
    use = blocks.CharBlock(label=_("When to use it"), max_length=300)
    logo = logo_block()


class ColourVersionsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.RichTextBlock(label=_("Rule"), features=TEXT_FEATURES, required=False)
    versions = blocks.ListBlock(ColourVersionBlock(), label=_("Versions"), min_num=1)

    class Meta:
        icon = "image"
        label = _("Colour versions")
        template = "branding/blocks/colour_versions.html"
        description = _("The versions of the logo (four-colour, black, white) and when to use "
                        "each one.")
        preview_value = {"title": _("Colour versions"), "text": "", "versions": [
            {"name": _("Four-colour"), "use": _("On white or light backgrounds"), "logo": None},
            {"name": _("White (reversed)"), "use": _("On dark backgrounds"), "logo": None},
        ]}


class BackgroundBlock(blocks.StructBlock):
    background = blocks.ChoiceBlock(label=_("Background"), choices=[
        ("white", _("On white or a very light background")),
        ("cartouche", _("White cartouche on a coloured background or a photograph")),
        ("dark", _("Reversed (white) on a dark plain background")),
    ])
    allowed = blocks.BooleanBlock(label=_("Allowed"), required=False, default=True)
    text = blocks.CharBlock(label=_("Explanation"), max_length=300)
    example = ImageChooserBlock(label=_("Example"), required=False)


class BackgroundsBlock(RuleBlock):
    cases = blocks.ListBlock(BackgroundBlock(), label=_("Backgrounds"), min_num=1)
    text = blocks.RichTextBlock(label=_("Rule"), features=TEXT_FEATURES, required=False)

    class Meta:
        icon = "grid"
        label = _("Backgrounds")
        template = "branding/blocks/backgrounds.html"
        description = _("The backgrounds the logo may or may not be placed on, with examples.")
        preview_value = {"title": _("Backgrounds"), "text": "", "logo": None, "cases": [
            {"background": "white", "allowed": True,
             "text": _("The four-colour logo on white."), "example": None},
            {"background": "dark", "allowed": False,
             "text": _("Never the four-colour logo on a dark background."), "example": None},
        ]}


class DoDontPairBlock(blocks.StructBlock):
    do_image = ImageChooserBlock(label=_("Do: image"))
    do_caption = blocks.CharBlock(label=_("Do: caption"), max_length=300)
    dont_image = ImageChooserBlock(label=_("Don’t: image"))
    dont_caption = blocks.CharBlock(label=_("Don’t: caption"), max_length=300)


class DoDontBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.RichTextBlock(label=_("Introduction"), features=TEXT_FEATURES,
                                required=False)
    pairs = blocks.ListBlock(DoDontPairBlock(), label=_("Pairs"), min_num=1)
    logo = logo_block()

    class Meta:
        icon = "warning"
        label = _("Forbidden uses (do / don’t)")
        template = "branding/blocks/do_dont.html"
        description = _("Pairs of images: the right use beside the wrong one.")
        preview_value = {"title": _("Forbidden uses"), "logo": None,
                         "text": format_lazy("<p>{}</p>", _("Never distort or recolour the logo.")),
                         "pairs": []}


class PartnerLevelBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Partner"), max_length=200)
    note = blocks.CharBlock(label=_("Note"), max_length=300, required=False)
    logo = logo_block()


class PartnerZoneBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.RichTextBlock(label=_("Rule"), features=TEXT_FEATURES, required=False)
    order = blocks.ListBlock(PartnerLevelBlock(), label=_("Protocol order"), min_num=1,
                             help_text=_("From the first logo (left or top) to the last."))

    class Meta:
        icon = "list-ol"
        label = _("Partner zone (protocol order)")
        template = "branding/blocks/partner_zone.html"
        description = _("The order of the partners' logos, from the first to the last.")
        preview_value = {"title": _("Partner zone"), "text": "", "order": [
            {"name": _("The State"), "note": "", "logo": None},
            {"name": _("The region"), "note": "", "logo": None},
        ]}


class CreditLineBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    line = blocks.CharBlock(
        label=_("Credit line"), max_length=400,
        help_text=_("The sentence partners copy, e.g. “Avec le soutien de la Direction "
                    "régionale des affaires culturelles de Bretagne”."))
    text = blocks.RichTextBlock(label=_("Where and how"), features=TEXT_FEATURES,
                                required=False)

    class Meta:
        icon = "openquote"
        label = _("Credit line")
        template = "branding/blocks/credit_line.html"
        description = _("The sentence partners copy to credit the directorate's support.")
        preview_value = {"title": _("Credit line"), "text": "", "line": _(
            "With the support of the Regional Directorate of Cultural Affairs")}


class ContactBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    service = blocks.CharBlock(label=_("Service"), max_length=200)
    email = blocks.EmailBlock(label=_("E-mail"))
    phone = blocks.CharBlock(label=_("Phone"), max_length=30, required=False)
    text = blocks.CharBlock(label=_("Note"), max_length=300, required=False)

    class Meta:
        icon = "mail"
        label = _("Contact")
        template = "branding/blocks/contact.html"
        description = _("Who answers questions about the logo: service, e-mail and phone.")
        preview_value = {"title": _("Questions about the logo"),
                         "service": _("Communication service"),
                         "email": "communication@example.gouv.fr", "phone": "02 99 00 00 00",
                         "text": ""}


def guidelines_blocks():
    return [
        ("heading", HeadingBlock()),
        ("paragraph", ParagraphBlock(features=TEXT_FEATURES)),
        ("clear_space", ClearSpaceBlock()),
        ("minimum_size", MinimumSizeBlock()),
        ("colour_versions", ColourVersionsBlock()),
        ("backgrounds", BackgroundsBlock()),
        ("do_dont", DoDontBlock()),
        ("partner_zone", PartnerZoneBlock()),
        ("credit_line", CreditLineBlock()),
        ("contact", ContactBlock()),
    ]
