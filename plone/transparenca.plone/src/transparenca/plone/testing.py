"""Test layers: a Plone site with the add-on and plone.app.multilingual set up
for Albanian (source) and Serbian."""

import os

from plone.app.testing import (
    PLONE_FIXTURE,
    FunctionalTesting,
    IntegrationTesting,
    PloneSandboxLayer,
    applyProfile,
)
from plone.testing.zope import WSGI_SERVER_FIXTURE

# The catalogues are committed as .po only; zope.i18n compiles them on load
# (a Plone instance's zope.conf sets the same).
os.environ.setdefault("zope_i18n_compile_mo_files", "true")


class TransparencaLayer(PloneSandboxLayer):
    defaultBases = (PLONE_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        import plone.app.multilingual
        import plone.restapi

        import transparenca.plone

        self.loadZCML(package=plone.restapi)
        self.loadZCML(package=plone.app.multilingual)
        self.loadZCML(package=transparenca.plone)

    def setUpPloneSite(self, portal):
        from plone.registry.interfaces import IRegistry
        from zope.component import getUtility

        registry = getUtility(IRegistry)
        registry["plone.available_languages"] = ["sq", "sr"]
        registry["plone.default_language"] = "sq"
        # Installs plone.app.multilingual too, which makes /sq and /sr.
        applyProfile(portal, "transparenca.plone:default")


FIXTURE = TransparencaLayer()
INTEGRATION = IntegrationTesting(bases=(FIXTURE,), name="Transparenca:Integration")
FUNCTIONAL = FunctionalTesting(bases=(FIXTURE,), name="Transparenca:Functional")
SERVER = FunctionalTesting(
    bases=(FIXTURE, WSGI_SERVER_FIXTURE), name="Transparenca:Server"
)
