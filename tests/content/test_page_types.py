"""Each page type: where it may be created, that it renders and edits, that the
API serves its fields and that it shows up in its feed."""

import xml.etree.ElementTree as ET

import pytest
from django.apps import apps
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage

# (page type, its index, the feed or calendar it appears in)
PAGE_TYPES = [
    ("municipal_acts.MunicipalActPage", "municipal_acts.ActIndexPage", "feeds/acts"),
    (
        "municipal_acts.DecisionPage",
        "municipal_acts.DecisionIndexPage",
        "feeds/decisions",
    ),
    ("municipal_acts.MinutesPage", "municipal_acts.MinutesIndexPage", None),
    (
        "municipal_acts.CompetitionPage",
        "municipal_acts.CompetitionIndexPage",
        "feeds/competitions",
    ),
    ("press.PressReleasePage", "press.PressIndexPage", "feeds/press"),
    ("press.NoticePage", "press.PressIndexPage", "feeds/notices"),
    ("press.InvitationPage", "press.PressIndexPage", "calendar/invitations"),
    (
        "assembly_sessions.AssemblySessionPage",
        "assembly_sessions.AssemblySessionIndexPage",
        "calendar/sessions",
    ),
]
INDEX_TYPES = sorted({index for _page, index, _feed in PAGE_TYPES})


def model(label):
    return apps.get_model(label)


@pytest.mark.django_db
class TestPageTypes(WagtailPageTestCase):
    def test_items_are_created_only_in_their_index(self):
        for page_label, index_label, _feed in PAGE_TYPES:
            with self.subTest(page=page_label):
                page_model, index_model = model(page_label), model(index_label)
                self.assertAllowedParentPageTypes(page_model, {index_model})
                self.assertCanCreateAt(index_model, page_model)
                self.assertCanNotCreateAt(HomePage, page_model)
                self.assertAllowedSubpageTypes(page_model, {})
                for other in INDEX_TYPES:
                    if other != index_label:
                        self.assertCanNotCreateAt(model(other), page_model)

    def test_indexes_live_under_the_home_page_only(self):
        for index_label in INDEX_TYPES:
            with self.subTest(index=index_label):
                index_model = model(index_label)
                self.assertCanCreateAt(HomePage, index_model)
                for other in INDEX_TYPES:
                    self.assertCanNotCreateAt(model(other), index_model)

    def example(self, page_label, code="sq"):
        page = (
            model(page_label)
            .objects.live()
            .filter(locale__language_code=code)
            .order_by("pk")
            .first()
        )
        self.assertIsNotNone(page, f"the demo has a live {page_label}")
        return page

    def edit_post_data(self, page):
        """The edit form's own values. StreamFields are drawn by JavaScript, so
        their (empty) data is added by hand."""
        from django.urls import reverse
        from wagtail.fields import StreamField

        from tests.content.test_previews import edit_form_values

        user = self.create_superuser("form-reader")
        self.client.force_login(user)
        path = reverse("wagtailadmin_pages:edit", args=[page.pk])
        html = self.client.get(path).content.decode()
        self.client.logout()
        data = edit_form_values(html)
        for field in type(page)._meta.get_fields():
            if isinstance(field, StreamField):
                data[f"{field.name}-count"] = "0"
        data["action-publish"] = ""
        return data, user, path

    def test_every_type_renders_and_is_editable(self):
        for page_label, index_label, _feed in PAGE_TYPES:
            with self.subTest(page=page_label):
                page = self.example(page_label)
                self.assertPageIsRenderable(page)
                data, user, path = self.edit_post_data(page)
                self.assertPageIsEditable(page, post_data=data)
                # The form's own values pass validation: publishing redirects.
                self.client.force_login(user)
                response = self.client.post(path, data)
                self.assertEqual(response.status_code, 302, page_label)
                self.client.logout()
                user.delete()
                self.assertPageIsRenderable(self.example(index_label))

    def test_every_type_is_served_by_the_api_with_its_fields(self):
        for page_label, _index, _feed in PAGE_TYPES:
            with self.subTest(page=page_label):
                page = self.example(page_label)
                response = self.client.get(f"/api/v2/pages/{page.pk}/")
                self.assertEqual(response.status_code, 200)
                data = response.json()
                self.assertEqual(data["meta"]["type"], page_label)
                for field in type(page).api_fields:
                    self.assertIn(field.name, data)
                self.assertEqual(data["title"], page.title)
                listing = self.client.get(
                    "/api/v2/pages/", {"type": page_label, "locale": "sq", "limit": 100}
                ).json()
                self.assertIn(page.pk, [item["id"] for item in listing["items"]])

    def test_every_type_appears_in_its_feed(self):
        from icalendar import Calendar

        for page_label, _index, feed in PAGE_TYPES:
            if feed is None:
                continue
            with self.subTest(page=page_label):
                newest = (
                    model(page_label)
                    .objects.live()
                    .filter(locale__language_code="sq")
                    .order_by("-first_published_at")
                    .first()
                )
                if feed.startswith("feeds/"):
                    response = self.client.get(f"/sq/{feed}/rss/")
                    root = ET.fromstring(response.content)  # noqa: S314 - ours
                    titles = [item.findtext("title") for item in root.iter("item")]
                else:
                    response = self.client.get(f"/sq/{feed}.ics")
                    calendar = Calendar.from_ical(response.content)
                    titles = [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]
                self.assertEqual(response.status_code, 200)
                self.assertIn(newest.title, titles)
