from plone.base.interfaces import INonInstallable
from zope.interface import implementer


@implementer(INonInstallable)
class HiddenProfiles:
    def getNonInstallableProfiles(self):
        # Only "default" is offered in the add-ons control panel.
        return ["transparenca.plone:uninstall"]


def uninstall(context):
    """Nothing beyond the profile: the outbox file stays for the operator."""
