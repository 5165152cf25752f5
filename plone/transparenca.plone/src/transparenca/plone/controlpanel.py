from plone.app.registry.browser.controlpanel import (
    ControlPanelFormWrapper,
    RegistryEditForm,
)

from transparenca.plone import _
from transparenca.plone.interfaces import IHubSettings


class HubSettingsForm(RegistryEditForm):
    schema = IHubSettings
    schema_prefix = "transparenca"
    label = _("Transparenca hub")
    description = _("Where published changes are announced.")


class HubControlPanel(ControlPanelFormWrapper):
    form = HubSettingsForm
