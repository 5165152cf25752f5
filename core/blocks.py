from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from .documents import is_public_document


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"))
    level = blocks.ChoiceBlock(
        choices=[("h2", "H2"), ("h3", "H3"), ("h4", "H4")], default="h2"
    )

    class Meta:
        icon = "title"
        template = "core/blocks/heading.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, label=_("Attribution"))

    class Meta:
        icon = "openquote"
        template = "core/blocks/quote.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    caption = blocks.CharBlock(required=False)
    alt_text = blocks.CharBlock(
        required=False, help_text=_("Describe the image for people who cannot see it.")
    )

    class Meta:
        icon = "image"
        template = "core/blocks/image.html"


class DocumentLinkBlock(blocks.StructBlock):
    """A link to a document; one in a restricted collection is neither shown nor
    given out by the API (its title alone can be confidential)."""

    document = DocumentChooserBlock()
    title = blocks.CharBlock(
        required=False, help_text=_("Defaults to the document title.")
    )

    def render(self, value, context=None):
        if not is_public_document(value.get("document")):
            return ""
        return super().render(value, context)

    def get_api_representation(self, value, context=None):
        if not is_public_document(value.get("document")):
            return None
        return super().get_api_representation(value, context)

    class Meta:
        icon = "doc-full"
        template = "core/blocks/document.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]
    )
    quote = QuoteBlock()
    table = TableBlock()
    document = DocumentLinkBlock()
    image = ImageBlock()
    embed = EmbedBlock(max_width=800)


class AttachmentBlock(blocks.StreamBlock):
    """Attachments belong to one language version: the signed Serbian PDF is not
    the Albanian one, so translators replace them per locale."""

    attachment = DocumentLinkBlock()

    def get_api_representation(self, value, context=None):
        return [
            item
            for item in super().get_api_representation(value, context)
            if item["value"] is not None
        ]
