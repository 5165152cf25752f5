from zope import schema
from zope.interface import Interface

from transparenca.plone import _


class IBrowserLayer(Interface):
    """Marks requests of a site with the add-on installed."""


class IHubSettings(Interface):
    """Where the add-on sends its notifications (registry prefix
    `transparenca`, e.g. `transparenca.hub_url`)."""

    hub_url = schema.URI(
        title=_("Hub webhook URL"),
        description=_(
            "The Transparenca hub's webhook address for this source; "
            "empty sends nothing."
        ),
        required=False,
    )
    secret = schema.TextLine(
        title=_("Shared secret"),
        description=_("Signs every notification (HMAC-SHA256)."),
        required=False,
        default="",
    )
    source_slug = schema.ASCIILine(
        title=_("Source slug"),
        description=_("The name of this site in the hub, e.g. urbanizmi."),
        required=False,
        default="",
    )
