import unittest

from plone import api
from plone.app.testing import TEST_USER_ID, setRoles
from plone.browserlayer.utils import registered_layers

from transparenca.plone.interfaces import IBrowserLayer
from transparenca.plone.testing import INTEGRATION

TYPES = [
    "transparenca_act",
    "transparenca_decision",
    "transparenca_minutes",
    "transparenca_competition",
    "transparenca_press_release",
    "transparenca_notice",
    "transparenca_invitation",
    "transparenca_session",
]


class TestSetup(unittest.TestCase):
    layer = INTEGRATION

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])

    def test_installed(self):
        from plone.base.utils import get_installer

        installer = get_installer(self.portal, self.layer["request"])
        self.assertTrue(installer.is_product_installed("transparenca.plone"))
        self.assertTrue(installer.is_product_installed("plone.app.multilingual"))
        self.assertIn(IBrowserLayer, registered_layers())

    def test_types_versioned_and_translatable(self):
        repository = api.portal.get_tool("portal_repository")
        for name in TYPES:
            fti = api.portal.get_tool("portal_types").get(name)
            self.assertIsNotNone(fti, name)
            self.assertIn("plone.versioning", fti.behaviors)
            self.assertIn("plone.translatable", fti.behaviors)
            self.assertIn(name, repository.getVersionableContentTypes())

    def test_workflow_bindings(self):
        wf = api.portal.get_tool("portal_workflow")
        for name in TYPES:
            expected = (
                "transparenca_review_workflow"
                if name in ("transparenca_act", "transparenca_decision")
                else "simple_publication_workflow"
            )
            self.assertEqual(wf.getChainForPortalType(name), (expected,))

    def test_hub_settings_in_registry(self):
        self.assertIsNone(api.portal.get_registry_record("transparenca.hub_url"))
        api.portal.set_registry_record("transparenca.source_slug", "urbanizmi")
        self.assertEqual(
            api.portal.get_registry_record("transparenca.source_slug"), "urbanizmi"
        )

    def test_control_panel_renders_the_settings(self):
        from plone.app.testing import TEST_USER_NAME, login
        from zope.interface import alsoProvides

        from transparenca.plone.interfaces import IBrowserLayer

        login(self.portal, TEST_USER_NAME)
        request = self.layer["request"]
        alsoProvides(request, IBrowserLayer)
        view = self.portal.restrictedTraverse("@@transparenca-controlpanel")
        html = view()
        for name in ("hub_url", "secret", "source_slug"):
            self.assertIn(f"form.widgets.{name}", html)
        configlets = api.portal.get_tool("portal_controlpanel").listActions()
        self.assertIn("transparenca-hub", [a.getId() for a in configlets])

    def test_sq_and_sr_catalogues(self):
        from zope.i18n import translate

        from transparenca.plone import _

        for lang, text in [("sq", "Kuvendi Komunal"), ("sr", "Opštinska skupština")]:
            self.assertEqual(
                translate(_("Municipal Assembly"), target_language=lang), text
            )
        fti = api.portal.get_tool("portal_types")["transparenca_act"]
        self.assertEqual(fti.i18n_domain, "transparenca")

    def test_uninstall_removes_types_and_settings(self):
        from plone.base.utils import get_installer

        installer = get_installer(self.portal, self.layer["request"])
        installer.uninstall_product("transparenca.plone")
        types = api.portal.get_tool("portal_types")
        for name in TYPES:
            self.assertNotIn(name, types.objectIds())
        self.assertIsNone(
            api.portal.get_registry_record("transparenca.hub_url", default=None)
        )
        self.assertNotIn(IBrowserLayer, registered_layers())
        wf = api.portal.get_tool("portal_workflow")
        self.assertNotIn("transparenca_review_workflow", wf.objectIds())
