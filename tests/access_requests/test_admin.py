import pytest
from django.contrib.auth import get_user_model
from django.utils import translation

from access_requests.models import AccessRequest, State


@pytest.fixture
def officer(db):
    return get_user_model().objects.create_superuser(
        username="officer", email="officer@gjilan.test", password="x"
    )


@pytest.fixture
def admin_client(client, officer):
    client.force_login(officer)
    return client


@pytest.mark.django_db
def test_queue_lists_requests_with_days_left_and_overdue(admin_client, make_request):
    item = make_request()  # due 24 Jan 2018: long overdue
    response = admin_client.get(
        "/admin/access-requests/requests/", {"state": State.RECEIVED}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert item.tracking_code in html
    # The admin speaks the site's default language, Albanian.
    with translation.override("sq"):
        assert translation.gettext("overdue") in html
        assert translation.gettext("Working days left") in html


@pytest.mark.django_db
def test_officer_answers_through_the_edit_form(admin_client, make_request, officer):
    item = make_request()
    url = f"/admin/access-requests/requests/edit/{item.pk}/"
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(
        url,
        {
            "next_state": State.REFUSED,
            "transition_note": "",
            "legal_ground": "personal_data",
            "decision_text": "Refused: the file holds health data.",
            "extension_reason": "",
            "requester_name": item.requester_name,
            "email": item.email,
            "postal_address": "",
            "category": item.category,
            "documents_requested": item.documents_requested,
            "preferred_format": item.preferred_format,
            "urgency_reason": "",
            "received_at": "2018-01-15 10:00",
            "documents-TOTAL_FORMS": "0",
            "documents-INITIAL_FORMS": "0",
            "documents-MIN_NUM_FORMS": "0",
            "documents-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    item.refresh_from_db()
    assert item.state == State.REFUSED
    assert item.transitions.get().user == officer
    # HistoryRequestMiddleware records the officer on every historical row.
    assert item.history.latest().history_user == officer
    # The requester is told, through the outbox.
    assert item.emails.get().kind == "answer"
    assert item.emails.get().to == item.email


@pytest.mark.django_db
def test_outbox_and_holidays_are_listed(admin_client):
    assert admin_client.get("/admin/access-requests/emails/").status_code == 200
    response = admin_client.get("/admin/access-requests/holidays/")
    assert response.status_code == 200
    assert "Eid al-Fitr" in response.content.decode()


@pytest.mark.django_db
def test_stored_text_is_escaped_in_the_admin(admin_client, make_request):
    item = make_request(documents_requested="Budget")
    AccessRequest.objects.filter(pk=item.pk).update(
        decision_text="<script>alert(1)</script>"
    )
    html = admin_client.get(
        f"/admin/access-requests/requests/inspect/{item.pk}/"
    ).content.decode()
    assert "<script>alert(1)</script>" not in html
