from datetime import datetime, timedelta

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale, Page

from core.models import Department
from tests.localization.helpers import translate

START = timezone.make_aware(datetime(2030, 1, 6, 9, 0))


def publish_release(index, slug, moment):
    model = apps.get_model("press.PressReleasePage")
    page = model(title=f"Njoftim {slug}", slug=slug, summary="Përmbledhje.")
    index.add_child(instance=page)
    page.save_revision().publish()
    model.objects.filter(pk=page.pk).update(
        first_published_at=moment, last_published_at=moment
    )
    page.refresh_from_db()
    return page


@pytest.mark.django_db
def test_parity_figures_for_a_known_period(
    client, demo_site, django_capture_on_commit_callbacks
):
    index = Page.objects.get(locale__language_code="sq", depth=3, slug="komunikata")
    pages = [publish_release(index, f"p{n}", START) for n in range(3)]
    with django_capture_on_commit_callbacks(execute=True):
        for page in pages[:2]:
            translate(page, "sr")
    for page, days in zip(pages[:2], (2, 4), strict=True):
        Page.objects.filter(
            translation_key=page.translation_key, locale__language_code="sr"
        ).update(first_published_at=START + timedelta(days=days))
    response = client.get("/api/parity/?from=2030-01-01&to=2030-01-31")
    assert response.status_code == 200
    sections = response.json()["sections"]
    assert [row["section"]["id"] for row in sections] == [index.pk]
    figures = {row["locale"]: row for row in sections[0]["locales"]}
    assert figures["sr"]["total"] == 3
    assert figures["sr"]["available"] == 2
    assert figures["sr"]["share"] == 0.667
    assert figures["sr"]["median_delay_days"] == 3.0
    assert figures["sr"]["worst_delay_days"] == 4.0
    assert [gap["id"] for gap in figures["sr"]["gaps"]] == [pages[2].pk]
    assert figures["tr"]["available"] == 0
    assert figures["tr"]["median_delay_days"] is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["from=yesterday", "to=2030-13-01", "from=2030-02-01&to=2030-01-01"]
)
def test_parity_api_rejects_bad_dates(client, query):
    response = client.get(f"/api/parity/?{query}")
    assert response.status_code == 400
    assert "error" in response.json()


@pytest.mark.django_db
def test_parity_admin_view(admin_client, demo_site):
    response = admin_client.get("/admin/localization/parity/")
    assert response.status_code == 200
    assert response.context["report"]


@pytest.mark.django_db
def test_simple_history_records_the_editing_user_once(admin_client, admin_user):
    sq = Locale.objects.get(language_code="sq")
    department = Department.objects.create(locale=sq, name="Zyra e Protokollit")
    before = department.history.count()
    response = admin_client.post(
        f"/admin/snippets/core/department/edit/{department.pk}/",
        {
            "name": "Zyra e Protokollit dhe Arkivit",
            "short_name": "",
            "email": "",
            "phone": "",
        },
    )
    assert response.status_code == 302
    records = list(department.history.order_by("-history_id"))
    assert len(records) == before + 1
    assert records[0].history_user == admin_user
    assert records[0].name == "Zyra e Protokollit dhe Arkivit"
    listing = admin_client.get(
        "/admin/snippets/core/department/", {"q": "Protokollit", "locale": "sq"}
    )
    history_url = f"/admin/localization/history/core/department/{department.pk}/"
    assert history_url in listing.content.decode()
    page = admin_client.get(history_url)
    assert page.status_code == 200
    assert "Zyra e Protokollit dhe Arkivit" in page.content.decode()
    assert admin_user.get_username() in page.content.decode()


@pytest.mark.django_db
def test_history_view_needs_change_permission(client, demo_site):
    user = get_user_model().objects.create_user(username="lexues", password="x-1-y")
    client.force_login(user)
    department = Department.objects.first()
    response = client.get(
        f"/admin/localization/history/core/department/{department.pk}/"
    )
    assert response.status_code in {302, 403}
