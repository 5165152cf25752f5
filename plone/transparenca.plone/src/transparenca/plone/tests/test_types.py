import unittest
from datetime import date, datetime

from plone import api
from plone.app.testing import TEST_USER_ID, setRoles
from plone.dexterity.interfaces import IDexterityFTI
from z3c.relationfield import RelationValue
from zope.component import getUtility, queryUtility
from zope.intid.interfaces import IIntIds
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IVocabularyFactory, WrongContainedType

from transparenca.plone.testing import INTEGRATION

# The field names of the Wagtail page types (hub models) the hub maps onto.
FIELDS = {
    "transparenca_act": {
        "official_number",
        "act_type",
        "issuing_body",
        "adoption_date",
        "entry_into_force_date",
        "legal_basis",
        "status",
        "amends",
        "repeals",
    },
    "transparenca_decision": {
        "decision_number",
        "decision_date",
        "issuing_body",
        "session",
    },
    "transparenca_minutes": {"session", "approval_status", "approval_date"},
    "transparenca_competition": {
        "kind",
        "reference_number",
        "opens_at",
        "closes_at",
        "contact",
    },
    "transparenca_press_release": {"facebook_url"},
    "transparenca_notice": {"valid_until", "facebook_url"},
    "transparenca_invitation": {
        "kind",
        "starts_at",
        "ends_at",
        "place",
        "facebook_url",
    },
    "transparenca_session": {
        "number",
        "kind",
        "starts_at",
        "ends_at",
        "place",
        "agenda",
        "livestream_url",
        "recording_url",
    },
}


class TestTypes(unittest.TestCase):
    layer = INTEGRATION

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.folder = self.portal["sq"]

    def test_schemas_have_the_hub_fields(self):
        for name, fields in FIELDS.items():
            schema = getUtility(IDexterityFTI, name=name).lookupSchema()
            self.assertEqual({n for n, _ in getFieldsInOrder(schema)}, fields, name)

    def test_vocabularies_store_the_hub_values(self):
        expected = {
            "ActTypes": [
                "regulation",
                "statute",
                "administrative_instruction",
                "plan",
                "other",
            ],
            "ActStatuses": ["consultation", "in_force", "amended", "repealed"],
            "IssuingBodies": ["assembly", "mayor", "directorate"],
            "MinutesApproval": ["draft", "approved"],
            "CompetitionKinds": ["vacancy", "tender", "grant", "scholarship"],
            "SessionKinds": ["regular", "extraordinary", "solemn"],
        }
        for name, values in expected.items():
            factory = queryUtility(IVocabularyFactory, f"transparenca.plone.{name}")
            self.assertEqual([t.value for t in factory(self.portal)], values, name)

    def test_act_with_amends_relation(self):
        old = api.content.create(
            container=self.folder,
            type="transparenca_act",
            title="Rregullorja për taksat komunale",
            official_number="01-016/18",
            adoption_date=date(2018, 2, 27),
            status="amended",
        )
        intids = getUtility(IIntIds)
        new = api.content.create(
            container=self.folder,
            type="transparenca_act",
            title="Rregullorja për ndryshimin e rregullores për taksat",
            official_number="01-016/19",
            act_type="regulation",
            issuing_body="assembly",
            amends=[RelationValue(intids.getId(old))],
        )
        self.assertEqual(new.official_number, "01-016/19")
        self.assertEqual([r.to_object for r in new.amends], [old])
        self.assertEqual(old.status, "amended")
        self.assertEqual(new.status, "in_force")  # the vocabulary's default

    def test_session_agenda_is_validated_json(self):
        field = dict(
            getFieldsInOrder(
                getUtility(IDexterityFTI, name="transparenca_session").lookupSchema()
            )
        )["agenda"]
        good = [{"title": "Buxheti 2019", "video_timestamp": "1:02:30"}]
        field.validate(good)
        with self.assertRaises(WrongContainedType):
            field.validate([{"rapporteur": "no title"}])
        with self.assertRaises(WrongContainedType):
            field.validate([{"title": "x", "video_timestamp": "soon"}])
        session = api.content.create(
            container=self.folder,
            type="transparenca_session",
            title="Seanca e 5-të",
            number=5,
            starts_at=datetime(2018, 3, 29, 10, 0),
            agenda=good,
            recording_url="https://www.youtube.com/watch?v=abc",
        )
        self.assertEqual(session.agenda[0]["title"], "Buxheti 2019")

    def test_restapi_serializes_the_fields(self):
        from plone.restapi.interfaces import ISerializeToJson
        from zope.component import getMultiAdapter

        item = api.content.create(
            container=self.folder,
            type="transparenca_competition",
            title="Konkurs për zyrtar",
            kind="vacancy",
            reference_number="K-12/18",
            opens_at=datetime(2018, 4, 1, 8, 0),
            closes_at=datetime(2018, 4, 15, 16, 0),
        )
        data = getMultiAdapter((item, self.layer["request"]), ISerializeToJson)()
        self.assertEqual(data["reference_number"], "K-12/18")
        self.assertEqual(data["kind"]["token"], "vacancy")
        self.assertTrue(data["closes_at"].startswith("2018-04-15T16:00"))
