import pytest
from django.contrib.auth import get_user_model
from django.test import Client

pytestmark = pytest.mark.django_db


def test_admin_offers_every_content_language(demo_site):
    client = Client()
    client.force_login(get_user_model().objects.get(username="translator-sr"))
    html = client.get("/admin/account/").content.decode()
    for code in ("sq", "sr", "tr", "en"):
        assert f'<option value="{code}"' in html, code


@pytest.mark.parametrize(
    ("code", "menu_label"),
    [("sq", "Radha e lokalizimit"), ("sr", "Red za lokalizaciju")],
)
def test_admin_in_albanian_and_serbian(demo_site, code, menu_label):
    from wagtail.users.models import UserProfile

    user = get_user_model().objects.get(username="translator-sr")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = code
    profile.save()
    client = Client()
    client.force_login(user)
    response = client.get("/admin/localization/queue/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{code}"' in html
    assert menu_label in html
