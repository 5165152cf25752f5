import base64
import json
import os
import tempfile
import time
import unittest
import urllib.request

import transaction
from plone import api
from plone.app.testing import (
    SITE_OWNER_NAME,
    SITE_OWNER_PASSWORD,
    TEST_USER_ID,
    setRoles,
)
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent

from transparenca.plone import outbox
from transparenca.plone.testing import FUNCTIONAL, SERVER
from transparenca.plone.tests.hub import FakeHub

SECRET = "s3cret-for-tests"
FIELDS = {
    "event",
    "uid",
    "path",
    "url",
    "language",
    "portal_type",
    "modified",
    "timestamp",
    "nonce",
}


class NotifyTestCase(unittest.TestCase):
    layer = FUNCTIONAL

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        os.environ["TRANSPARENCA_OUTBOX"] = os.path.join(self.tmp.name, "o.sqlite")
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.hub = FakeHub(SECRET)
        self.configure(self.hub.url)

    def tearDown(self):
        self.hub.close()
        os.environ.pop("TRANSPARENCA_OUTBOX")
        self.tmp.cleanup()

    def configure(self, url):
        api.portal.set_registry_record("transparenca.hub_url", url)
        api.portal.set_registry_record("transparenca.secret", SECRET)
        api.portal.set_registry_record("transparenca.source_slug", "urbanizmi")
        transaction.commit()

    def published_notice(self, title="Njoftim"):
        item = api.content.create(
            container=self.portal["sq"], type="transparenca_notice", title=title
        )
        api.content.transition(item, transition="publish")
        transaction.commit()
        return item


class TestNotifications(NotifyTestCase):
    def test_publish_is_signed_and_complete(self):
        item = self.published_notice()
        [(verified, headers, payload)] = self.hub.wait_for(1)
        self.assertTrue(verified)
        self.assertEqual(set(payload), FIELDS)
        self.assertEqual(payload["event"], "publish")
        self.assertEqual(payload["uid"], api.content.get_uuid(item))
        self.assertEqual(payload["path"], "/plone/sq/njoftim")
        self.assertEqual(payload["url"], item.absolute_url())
        self.assertEqual(payload["language"], "sq")
        self.assertEqual(payload["portal_type"], "transparenca_notice")
        self.assertEqual(headers["X-Transparenca-Timestamp"], str(payload["timestamp"]))
        self.assertEqual(headers["X-Transparenca-Source"], "urbanizmi")
        self.assertLess(abs(payload["timestamp"] - time.time()), 30)
        self.assertEqual(len(payload["nonce"]), 32)
        self.assertEqual(outbox.pending(), [])

    def test_modify_only_when_published(self):
        draft = api.content.create(
            container=self.portal["sq"], type="transparenca_notice", title="Draft"
        )
        transaction.commit()
        notify(ObjectModifiedEvent(draft))
        transaction.commit()
        item = self.published_notice()
        self.hub.wait_for(1)
        item.title = "Njoftim i ndryshuar"
        notify(ObjectModifiedEvent(item))
        transaction.commit()
        self.hub.wait_for(2)
        uid = api.content.get_uuid(item)
        self.assertEqual(self.hub.events(), [("publish", uid), ("modify", uid)])

    def test_retract_move_delete(self):
        item = self.published_notice()
        uid = api.content.get_uuid(item)
        api.content.rename(obj=item, new_id="njoftim-i-ri")
        transaction.commit()
        item = self.portal["sq"]["njoftim-i-ri"]
        api.content.transition(item, transition="retract")
        transaction.commit()
        api.content.transition(item, transition="publish")
        transaction.commit()
        api.content.delete(item, check_linkintegrity=False)
        transaction.commit()
        received = self.hub.wait_for(5)
        self.assertEqual(
            [p["event"] for _, _, p in received],
            ["publish", "move", "retract", "publish", "delete"],
        )
        self.assertEqual({p["uid"] for _, _, p in received}, {uid})
        self.assertEqual(received[1][2]["path"], "/plone/sq/njoftim-i-ri")
        # The deleted item's last address, so the hub can drop it.
        self.assertTrue(received[4][2]["url"].endswith("/sq/njoftim-i-ri"))

    def test_private_items_and_aborted_transactions_send_nothing(self):
        item = api.content.create(
            container=self.portal["sq"], type="transparenca_notice", title="Private"
        )
        transaction.commit()
        api.content.delete(item, check_linkintegrity=False)
        transaction.commit()
        other = api.content.create(
            container=self.portal["sq"], type="transparenca_notice", title="Aborted"
        )
        api.content.transition(other, transition="publish")
        transaction.abort()
        self.published_notice("Marker")  # everything before it was delivered
        received = self.hub.wait_for(1)
        time.sleep(0.3)
        self.assertEqual([p["path"] for _, _, p in received], ["/plone/sq/marker"])


class TestFolders(NotifyTestCase):
    """A folder's transition changes what anonymous visitors see of its
    contents, whose own states stay as they were: the hub hears of each."""

    def test_retracting_a_folder_announces_its_visible_contents(self):
        # As in a classic Plone site (the test fixture has no default chain).
        workflow = api.portal.get_tool("portal_workflow")
        workflow.setChainForPortalTypes(["Folder"], ["simple_publication_workflow"])
        folder = api.content.create(
            container=self.portal["sq"], type="Folder", title="Urbanizmi"
        )
        api.content.transition(folder, transition="publish")
        inner = api.content.create(container=folder, type="Folder", title="2018")
        api.content.transition(inner, transition="publish")
        notice = api.content.create(
            container=inner, type="transparenca_notice", title="Njoftim"
        )
        api.content.transition(notice, transition="publish")
        draft = api.content.create(
            container=folder, type="transparenca_notice", title="Draft"
        )
        transaction.commit()
        self.assertEqual(len(self.hub.wait_for(3)), 3)  # the three publications
        uids = {
            name: api.content.get_uuid(obj)
            for name, obj in [("folder", folder), ("inner", inner), ("notice", notice)]
        }

        api.content.transition(folder, transition="retract")
        transaction.commit()
        received = self.hub.wait_for(6)[3:]
        time.sleep(0.3)  # nothing more arrives: the draft was never public
        self.assertEqual(len(self.hub.received), 6)
        self.assertEqual(
            {(p["event"], p["uid"]) for _, _, p in received},
            {("retract", uid) for uid in uids.values()},
        )
        self.assertNotIn(api.content.get_uuid(draft), self.hub.events())
        # The items' own states are unchanged; what anonymous visitors may
        # still see of them the hub finds out when it pulls each one.
        self.assertEqual(api.content.get_state(notice), "published")

        api.content.transition(folder, transition="publish")
        transaction.commit()
        again = self.hub.wait_for(9)[6:]
        self.assertEqual(
            {(p["event"], p["uid"]) for _, _, p in again},
            {("publish", uid) for uid in uids.values()},
        )

    def test_an_item_retracted_alone_is_one_event(self):
        item = self.published_notice()
        self.hub.wait_for(1)
        api.content.transition(item, transition="retract")
        transaction.commit()
        time.sleep(0.3)
        uid = api.content.get_uuid(item)
        self.assertEqual(self.hub.events(), [("publish", uid), ("retract", uid)])


class TestHubDown(NotifyTestCase):
    def setUp(self):
        super().setUp()
        self.first_retry = outbox.FIRST_RETRY
        outbox.FIRST_RETRY = 0.2  # seconds, to see several retries in a test

    def tearDown(self):
        outbox.FIRST_RETRY = self.first_retry
        super().tearDown()

    def test_queued_while_down_and_retried(self):
        self.hub.status = 503
        item = self.published_notice()
        deadline = time.time() + 10
        while time.time() < deadline and not any(
            p["attempts"] >= 2 for p in outbox.pending()
        ):
            time.sleep(0.05)
        [queued] = outbox.pending()
        self.assertGreaterEqual(queued["attempts"], 2)
        self.assertEqual(queued["error"], "HTTP 503")
        self.assertEqual(queued["event"]["uid"], api.content.get_uuid(item))
        self.hub.status = 204
        [(verified, _, payload)] = self.hub.wait_for(1)
        self.assertTrue(verified)
        self.assertEqual(payload["event"], "publish")
        deadline = time.time() + 5
        while time.time() < deadline and outbox.pending():
            time.sleep(0.05)
        self.assertEqual(outbox.pending(), [])

    def test_hub_unreachable_is_queued(self):
        self.hub.close()
        self.configure(self.hub.url)  # nothing listens there any more
        self.published_notice()
        deadline = time.time() + 5
        while time.time() < deadline and not outbox.pending()[0]["attempts"]:
            time.sleep(0.05)
        [queued] = outbox.pending()
        self.assertIn("refused", queued["error"].lower())
        self.hub = FakeHub(SECRET)  # the tearDown closes this one

    def test_slow_hub_does_not_block_the_commit(self):
        self.hub.delay = 3
        item = api.content.create(
            container=self.portal["sq"], type="transparenca_notice", title="Slow"
        )
        api.content.transition(item, transition="publish")
        started = time.monotonic()
        transaction.commit()
        self.assertLess(time.monotonic() - started, 1)
        self.assertEqual(len(self.hub.wait_for(1)), 1)


class TestThroughTheRestApi(NotifyTestCase):
    """Real requests through Plone's WSGI server, as the Volto or classic UI
    (and the hub's end-to-end tests) make them."""

    layer = SERVER

    def call(self, method, path, data=None, anonymous=False):
        url = f"http://{self.layer['host']}:{self.layer['port']}/plone{path}"
        body = json.dumps(data).encode() if data is not None else None
        request = urllib.request.Request(url, data=body, method=method)
        request.add_header("Accept", "application/json")
        request.add_header("Content-Type", "application/json")
        if not anonymous:
            token = base64.b64encode(
                f"{SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}".encode()
            )
            request.add_header("Authorization", f"Basic {token.decode()}")
        started = time.monotonic()
        with urllib.request.urlopen(request, timeout=30) as response:
            text = response.read()
        return (json.loads(text) if text else None), time.monotonic() - started

    def test_create_publish_edit_over_rest(self):
        self.hub.delay = 2  # a slow hub must not slow the editor down
        created, _ = self.call(
            "POST",
            "/sq",
            {
                "@type": "transparenca_act",
                "title": "Rregullorja për parkim",
                "official_number": "01-110/18",
                "status": "in_force",
            },
        )
        path = "/sq/" + created["id"]
        search = "/@search?portal_type=transparenca_act&fullobjects=1"
        found, _ = self.call("GET", search, anonymous=True)
        self.assertEqual(found["items_total"], 0)  # the hub sees no drafts
        _, took = self.call("POST", path + "/@workflow/submit")
        _, took = self.call("POST", path + "/@workflow/publish")
        self.assertLess(took, 1.5)
        _, took = self.call("PATCH", path, {"title": "Rregullorja për parkimin"})
        self.assertLess(took, 1.5)
        received = self.hub.wait_for(2, timeout=15)
        self.assertTrue(all(verified for verified, _, _ in received))
        self.assertEqual(
            [(p["event"], p["uid"]) for _, _, p in received],
            [("publish", created["UID"]), ("modify", created["UID"])],
        )
        self.assertEqual(received[0][2]["portal_type"], "transparenca_act")
        # What the hub then pulls, as an anonymous visitor.
        found, _ = self.call("GET", search, anonymous=True)
        [item] = found["items"]
        self.assertEqual(item["official_number"], "01-110/18")
        self.assertEqual(item["title"], "Rregullorja për parkimin")
        self.assertEqual(item["status"]["token"], "in_force")
