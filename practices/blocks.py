"""The one StreamField block set used for a case study's intervention description."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "blockquote"]


def labelled(block, label):
    """`block` with a translatable label that is not a constructor argument.

    Labels given to the constructor end up in the StreamField definition that migrations record, so
    every rewording would need a migration; a Meta label is left out of it, and `set_name` keeps it.
    """
    block.meta.label = label
    block.label = label
    return block


class CaptionedImageBlock(blocks.StructBlock):
    image = labelled(ImageChooserBlock(), _("Image"))
    alt_text = labelled(
        blocks.CharBlock(max_length=200, help_text=_("Describe the image for people who cannot see it.")),
        _("Alt text"),
    )
    caption = labelled(blocks.CharBlock(required=False, max_length=300), _("Caption"))
    credit = labelled(blocks.CharBlock(required=False, max_length=200), _("Credit"))

    class Meta:
        label = _("Image")
        icon = "image"
        template = "blocks/captioned_image.html"


class QuoteBlock(blocks.StructBlock):
    text = labelled(blocks.TextBlock(max_length=800), _("Text"))
    attribution = labelled(blocks.CharBlock(required=False, max_length=200), _("Attribution"))

    class Meta:
        label = _("Quote")
        icon = "openquote"
        template = "blocks/quote.html"
        preview_value = {
            "text": "Prevention works when the whole municipality owns it.",
            "attribution": "Municipal security secretary",
        }


class KeyFigureBlock(blocks.StructBlock):
    figure = labelled(blocks.CharBlock(max_length=40, help_text=_("e.g. 41% or 12,000")), _("Figure"))
    label = labelled(blocks.CharBlock(max_length=200, help_text=_("What the figure measures.")), _("Label"))
    source = labelled(
        blocks.CharBlock(
            max_length=300, help_text=_("Where the figure is published (must be one of the sources).")
        ),
        _("Source"),
    )

    class Meta:
        label = _("Key figure")
        icon = "pick"
        template = "blocks/key_figure.html"
        preview_value = {
            "figure": "not reported",
            "label": "Change in recorded homicides",
            "source": "Evaluation report",
        }


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        label = _("Paragraph")
        icon = "pilcrow"
        template = "blocks/paragraph.html"
        preview_value = "<p>Describe what was done, by whom and how.</p>"


class InterventionBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    key_figure = KeyFigureBlock()
    table = labelled(TableBlock(template="blocks/table.html", icon="table"), _("Table"))
