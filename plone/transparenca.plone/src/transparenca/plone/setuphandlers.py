from plone.base.interfaces import INonInstallable
from zope.interface import implementer


@implementer(INonInstallable)
class HiddenProfiles:
    def getNonInstallableProfiles(self):
        # Only "default" is offered in the add-ons control panel.
        return ["transparenca.plone:uninstall"]


def uninstall(context):
    """Nothing beyond the profile: the outbox file stays for the operator."""


def post_install(context):
    """Reindex the language root folders: plone.app.multilingual links them
    while installing, but the catalog can keep the Serbian root without its
    translation group, and then translations of content land in /sq."""
    from plone import api
    from plone.app.multilingual.interfaces import ILanguageRootFolder

    portal = api.portal.get()  # the context is the setup tool
    for folder in portal.objectValues():
        if ILanguageRootFolder.providedBy(folder):
            folder.reindexObject()
