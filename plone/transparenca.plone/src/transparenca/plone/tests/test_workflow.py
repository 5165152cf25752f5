import unittest

from plone import api
from plone.app.testing import TEST_USER_ID, login, logout, setRoles

from transparenca.plone.testing import INTEGRATION


class TestReviewWorkflow(unittest.TestCase):
    layer = INTEGRATION

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        for name in ("drafter", "reviewer"):
            api.user.create(email=f"{name}@example.org", username=name)
        # The drafter both writes and reviews: the workflow must still stop
        # them from publishing what they submitted.
        api.user.grant_roles("drafter", roles=["Editor", "Contributor", "Reviewer"])
        api.user.grant_roles("reviewer", roles=["Reviewer"])
        login(self.portal, "drafter")
        self.act = api.content.create(
            container=self.portal["sq"], type="transparenca_act", title="Rregullore"
        )

    def transitions(self, obj):
        wf = api.portal.get_tool("portal_workflow")
        return {t["id"] for t in wf.getTransitionsFor(obj)}

    def test_act_needs_review_by_someone_else(self):
        self.assertEqual(api.content.get_state(self.act), "private")
        self.assertNotIn("publish", self.transitions(self.act))
        api.content.transition(self.act, transition="submit")
        self.assertEqual(api.content.get_state(self.act), "pending")
        self.assertNotIn("publish", self.transitions(self.act))
        login(self.portal, "reviewer")
        self.assertIn("publish", self.transitions(self.act))
        api.content.transition(self.act, transition="publish")
        self.assertEqual(api.content.get_state(self.act), "published")

    def test_anonymous_sees_only_published(self):
        api.content.transition(self.act, transition="submit")
        logout()
        catalog = api.portal.get_tool("portal_catalog")
        self.assertEqual(len(catalog(portal_type="transparenca_act")), 0)
        login(self.portal, "reviewer")
        api.content.transition(self.act, transition="publish")
        logout()
        self.assertEqual(len(catalog(portal_type="transparenca_act")), 1)

    def test_reviewer_can_reject(self):
        api.content.transition(self.act, transition="submit")
        login(self.portal, "reviewer")
        api.content.transition(self.act, transition="reject")
        self.assertEqual(api.content.get_state(self.act), "private")

    def test_press_release_is_published_directly_by_a_reviewer(self):
        api.user.grant_roles("reviewer", roles=["Contributor", "Reviewer"])
        login(self.portal, "reviewer")
        item = api.content.create(
            container=self.portal["sq"],
            type="transparenca_press_release",
            title="Njoftim për media",
        )
        self.assertIn("publish", self.transitions(item))

    def test_site_owner_may_publish_alone(self):
        # The Zope Manager (scripts, the demo) is exempt from the four eyes.
        self.layer["app"].acl_users.userFolderAddUser("boss", "secret", ["Manager"], [])
        login(self.layer["app"], "boss")
        api.content.transition(self.act, transition="submit")
        api.content.transition(self.act, transition="publish")
        self.assertEqual(api.content.get_state(self.act), "published")
