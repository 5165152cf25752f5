"""Every page type previews: the draft preview of the edit and the add form (POST
then GET, as the admin's preview panel does), the draft view, and an old
revision's preview and comparison, through the real admin views as the demo
editor. The page types are discovered, so a new type is covered on arrival."""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.fields import StreamField
from wagtail.models import Page, get_page_models
from wagtail.test.utils import WagtailTestUtils
from wagtail.test.utils.form_data import querydict_from_html

pytestmark = pytest.mark.django_db

PAGE_MODELS = [model for model in get_page_models() if model is not Page]


@pytest.fixture
def editor(client, demo_site, django_user_model):
    user = django_user_model.objects.get(username="editor")
    client.force_login(user)
    return user


def example(model):
    """A page of this type in the source language, the oldest first."""
    page = (
        model.objects.filter(locale__language_code="sq").order_by("pk").first()
        or model.objects.order_by("pk").first()
    )
    assert page is not None, f"no {model._meta.label} to preview: add one to the demo"
    return page


def edit_form_values(html):
    """What a browser would submit from the page edit form's HTML."""
    data = querydict_from_html(html, form_id="page-edit-form")
    # Wagtail's helper picks the first option of a select with none chosen, as
    # a browser does for a single select; a multiple select sends nothing.
    for select in WagtailTestUtils.get_soup(html).select("select[multiple]"):
        if not select.find_all("option", selected=True):
            data.pop(select.get("name"), None)
    return data


def form_data(client, page):
    """The edit form's own values. StreamFields are drawn by JavaScript, so
    their (empty) data is added by hand; the stored streams are previewed
    through the revision views below."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200, page
    data = edit_form_values(response.content.decode())
    for field in type(page)._meta.get_fields():
        if isinstance(field, StreamField):
            data[f"{field.name}-count"] = "0"
    return data


def assert_previews(client, url, data, title):
    response = client.post(url, data)
    assert response.status_code == 200, response.content[:500]
    assert response.json() == {"is_valid": True, "is_available": True}, url
    response = client.get(url)
    assert response.status_code == 200, url
    assert title in response.content.decode()


@pytest.mark.parametrize("model", PAGE_MODELS, ids=lambda m: m._meta.label)
def test_draft_preview_of_the_edit_form_renders(client, editor, model):
    page = example(model)
    data = form_data(client, page)
    data["title"] = f"{page.title} (preview)"
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    assert_previews(client, url, data, data["title"])


@pytest.mark.parametrize("model", PAGE_MODELS, ids=lambda m: m._meta.label)
def test_draft_preview_of_a_new_page_renders(client, editor, model):
    # The new page has no primary key yet: related lists can't be queried.
    page = example(model)
    data = form_data(client, page)
    data["title"] = "A new page, previewed before it is saved"
    data["slug"] = "new-page-preview"
    url = reverse(
        "wagtailadmin_pages:preview_on_add",
        args=[model._meta.app_label, model._meta.model_name, page.get_parent().pk],
    )
    assert_previews(client, url, data, data["title"])


@pytest.mark.parametrize("model", PAGE_MODELS, ids=lambda m: m._meta.label)
def test_old_revision_preview_and_comparison_render(client, editor, model):
    page = example(model).specific
    first = page.save_revision(user=editor)
    page.title = f"{page.title} (second draft)"
    latest = page.save_revision(user=editor)
    view = reverse("wagtailadmin_pages:revisions_view", args=[page.pk, first.pk])
    response = client.get(view)
    assert response.status_code == 200, view
    draft = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    assert draft.status_code == 200
    assert page.title in draft.content.decode()
    for a, b in [(first.pk, latest.pk), ("earliest", "latest"), ("live", "latest")]:
        compare = reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, a, b])
        assert client.get(compare).status_code == 200, compare


def test_preview_of_an_act_shows_the_acts_it_amends(client, editor):
    """The preview reads the amended acts from the form (a FakeQuerySet), not
    from the database, and links them as the published page would."""
    from municipal_acts.models import MunicipalActPage

    act = MunicipalActPage.objects.filter(
        locale__language_code="sq", amends__isnull=False
    ).first()
    assert act is not None, "the demo has an amending act"
    target = act.amends.first()
    data = form_data(client, act)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[act.pk])
    assert_previews(client, url, data, act.title)
    html = client.get(url).content.decode()
    with translation.override("sq"):
        assert translation.gettext("Amends") in html
    assert target.url in html
    # Unticking the amended act in the form removes the link from the preview.
    data.setlist("amends", [])
    assert_previews(client, url, data, act.title)
    assert target.url not in client.get(url).content.decode()
