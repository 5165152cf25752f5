import unittest

from plone import api
from plone.app.multilingual.interfaces import ITranslationManager
from plone.app.testing import TEST_USER_ID, setRoles

from transparenca.plone.testing import INTEGRATION


class TestMultilingual(unittest.TestCase):
    layer = INTEGRATION

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])

    def test_language_roots(self):
        self.assertIn("sq", self.portal.objectIds())
        self.assertIn("sr", self.portal.objectIds())

    def test_serbian_translation_keeps_the_official_fields(self):
        act = api.content.create(
            container=self.portal["sq"],
            type="transparenca_act",
            title="Rregullorja për taksat",
            official_number="01-016/18",
            status="in_force",
        )
        self.assertEqual(act.language, "sq")
        manager = ITranslationManager(act)
        manager.add_translation("sr")
        sr = manager.get_translation("sr")
        sr.title = "Pravilnik o taksama"
        self.assertEqual(sr.language, "sr")
        self.assertEqual(sr.aq_parent, self.portal["sr"])
        # language-independent fields are copied to the translation
        self.assertEqual(sr.official_number, "01-016/18")
        self.assertEqual(set(ITranslationManager(sr).get_translations()), {"sq", "sr"})
        self.assertEqual(
            ITranslationManager(act).get_translation("sr").title,
            "Pravilnik o taksama",
        )
