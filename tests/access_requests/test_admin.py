from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation

from access_requests.models import AccessRequest, Holiday, State

from .conftest import aware


@pytest.fixture
def officer(db):
    # The demo account: in the group "Access-request officers" (its permissions
    # come from a migration), not a superuser.
    user = get_user_model().objects.get(username="officer")
    assert not user.is_superuser
    return user


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


def edit_url(item):
    return f"/admin/access-requests/requests/edit/{item.pk}/"


@pytest.mark.django_db
def test_officers_group_works_requests_and_nothing_else(admin_client, make_request):
    item = make_request()
    assert admin_client.get("/admin/access-requests/requests/").status_code == 200
    assert admin_client.get(edit_url(item)).status_code == 200
    assert admin_client.get("/admin/access-requests/holidays/new/").status_code == 200
    assert admin_client.get("/admin/access-requests/emails/").status_code == 200
    # Requests are kept: no deleting them; no other part of the site either.
    delete = f"/admin/access-requests/requests/delete/{item.pk}/"
    for url in (delete, "/admin/users/", "/admin/groups/", "/admin/images/"):
        response = admin_client.get(url)
        assert response.status_code in {302, 403}, url
        assert response.status_code == 403 or "/admin/login" not in response.url


@pytest.mark.django_db
def test_edit_view_shows_state_deadline_days_left_and_history(
    admin_client, make_request, officer
):
    item = make_request(received="2018-01-15T10:00")
    item.transition(
        State.IN_PROGRESS,
        user=officer,
        note="Asked Urbanism",
        when=aware("2018-01-16T09:00"),
    )
    html = admin_client.get(edit_url(item)).content.decode()
    with translation.override("sq"):
        assert translation.gettext("Current state") in html
        assert translation.gettext("History") in html
        assert str(State.IN_PROGRESS.label) in html
        assert translation.gettext("Filed") in html
    assert "24.01.2018" in html  # the deadline
    # Days left: long overdue by now, counted in working days.
    days = item.days_left()
    assert days < 0 and f"{-days}" in html
    assert "Asked Urbanism" in html and "Drita Zyrtare" in html


@pytest.mark.django_db
def test_received_date_is_read_only_for_the_officer(admin_client, make_request):
    item = make_request(received="2018-01-15T10:00")
    html = admin_client.get(edit_url(item)).content.decode()
    assert 'name="received_at"' not in html
    assert "15.01.2018" in html or "Jan. 15, 2018" in html or "15 Jan" in html
    response = admin_client.post(
        edit_url(item),
        {**_form_data(item), "received_at": "2018-03-01 10:00"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    item.refresh_from_db()
    assert item.received_at == aware("2018-01-15T10:00")


@pytest.mark.django_db
def test_a_holiday_added_by_the_officer_moves_open_deadlines_with_history(
    admin_client, make_request, officer
):
    open_item = make_request(received="2018-01-15T10:00")  # due Wed 24 Jan
    closed = make_request(received="2018-01-15T10:00")
    closed.transition(
        State.GRANTED, decision_text="Sent", when=aware("2018-01-16T09:00")
    )
    response = admin_client.post(
        "/admin/access-requests/holidays/new/",
        {"date": "2018-01-17", "name": "Day of mourning", "kind": "fixed"},
    )
    assert response.status_code == 302
    open_item.refresh_from_db()
    closed.refresh_from_db()
    assert open_item.deadline == date(2018, 1, 25)
    # A closed request keeps the deadline it was judged against.
    assert closed.deadline == date(2018, 1, 24)
    record = open_item.history.latest()
    assert "Day of mourning" in record.history_change_reason
    assert record.history_user == officer
    html = admin_client.get(edit_url(open_item)).content.decode()
    assert "Day of mourning" in html and "25.01.2018" in html

    # Moving it to a weekend gives the day back; deleting changes nothing more.
    holiday = Holiday.objects.get(name="Day of mourning")
    admin_client.post(
        f"/admin/access-requests/holidays/edit/{holiday.pk}/",
        {"date": "2018-01-20", "name": "Day of mourning", "kind": "fixed"},
    )
    open_item.refresh_from_db()
    assert open_item.deadline == date(2018, 1, 24)
    before = open_item.history.count()
    admin_client.post(f"/admin/access-requests/holidays/delete/{holiday.pk}/")
    assert not Holiday.objects.filter(pk=holiday.pk).exists()
    assert open_item.history.count() == before


def _form_data(item, **extra):
    return {
        "next_state": "",
        "transition_note": "",
        "legal_ground": item.legal_ground,
        "decision_text": item.decision_text,
        "extension_reason": item.extension_reason,
        "requester_name": item.requester_name,
        "email": item.email,
        "postal_address": item.postal_address,
        "category": item.category,
        "documents_requested": item.documents_requested,
        "preferred_format": item.preferred_format,
        "urgency_reason": item.urgency_reason,
        "documents-TOTAL_FORMS": "0",
        "documents-INITIAL_FORMS": "0",
        "documents-MIN_NUM_FORMS": "0",
        "documents-MAX_NUM_FORMS": "1000",
        **extra,
    }


@pytest.mark.django_db
def test_a_paper_request_gets_its_received_date_when_entered(admin_client):
    html = admin_client.get("/admin/access-requests/requests/new/").content.decode()
    assert 'name="received_at"' in html
    with translation.override("sq"):
        assert translation.gettext("Current state") not in html  # nothing yet
