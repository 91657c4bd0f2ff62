"""The one StreamField block set used for a case study's intervention description."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "blockquote"]


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=200, help_text=_("Describe the image for people who cannot see it.")
    )
    caption = blocks.CharBlock(required=False, max_length=300)
    credit = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "image"
        template = "blocks/captioned_image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(max_length=800)
    attribution = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"
        preview_value = {
            "text": "Prevention works when the whole municipality owns it.",
            "attribution": "Municipal security secretary",
        }


class KeyFigureBlock(blocks.StructBlock):
    figure = blocks.CharBlock(max_length=40, help_text=_("e.g. 41% or 12,000"))
    label = blocks.CharBlock(max_length=200, help_text=_("What the figure measures."))
    source = blocks.CharBlock(
        max_length=300, help_text=_("Where the figure is published (must be one of the sources).")
    )

    class Meta:
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
        icon = "pilcrow"
        template = "blocks/paragraph.html"
        preview_value = "<p>Describe what was done, by whom and how.</p>"


class InterventionBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    key_figure = KeyFigureBlock()
    table = TableBlock(template="blocks/table.html", icon="table")
