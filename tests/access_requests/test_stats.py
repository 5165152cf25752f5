import json
from datetime import date

import pytest

from access_requests.models import AccessRequest, State
from access_requests.stats import statistics

from .conftest import aware

HALF_YEAR = {"from": "2018-01-01", "to": "2018-06-30"}


@pytest.mark.django_db
def test_demo_half_year_reads_30_received_28_on_time_2_pending(demo_site):
    figures = statistics(date(2018, 1, 1), date(2018, 6, 30))
    assert figures["received"] == 30
    assert figures["answered_on_time"] == 28
    assert figures["answered_late"] == 0
    assert figures["pending"] == 2
    assert sum(figures["by_requester_category"].values()) == 30
    assert figures["by_requester_category"]["citizen"] == 14
    # Partial refusals count under their ground too.
    assert figures["refused_by_ground"] == {
        "personal_data": 1,
        "not_held": 1,
        "commercial": 3,
    }
    assert figures["extended"] == 1
    assert 0 < figures["median_working_days_to_answer"] <= 7


@pytest.mark.django_db
def test_pending_is_relative_to_the_period_end(demo_site):
    # The two late-June requests were answered in July.
    figures = statistics(date(2018, 1, 1), date(2018, 7, 31))
    assert (figures["received"], figures["answered_on_time"], figures["pending"]) == (
        30,
        30,
        0,
    )


@pytest.mark.django_db
def test_late_answers_transfers_and_withdrawals_are_counted(make_request):
    late = make_request(received="2030-03-04T10:00")
    late.transition(State.GRANTED, decision_text="ok", when=aware("2030-03-20T10:00"))
    on_time = make_request(received="2030-03-05T10:00", category="media")
    on_time.transition(
        State.REFUSED,
        decision_text="no",
        legal_ground="security",
        when=aware("2030-03-07T10:00"),
    )
    moved = make_request(received="2030-03-06T10:00")
    moved.transition(State.TRANSFERRED, note="Ministry", when=aware("2030-03-07T10:00"))
    gone = make_request(received="2030-03-06T10:00")
    gone.transition(State.WITHDRAWN, when=aware("2030-03-08T10:00"))
    make_request(received="2030-03-30T10:00")
    figures = statistics(date(2030, 3, 1), date(2030, 3, 31))
    assert figures["received"] == 5
    assert figures["answered_late"] == 1
    assert figures["answered_on_time"] == 1
    assert figures["transferred"] == 1
    assert figures["withdrawn"] == 1
    assert figures["pending"] == 1
    assert figures["refused_by_ground"] == {"security": 1}
    assert figures["by_requester_category"]["media"] == 1
    # 12 and 2 working days: the median of two values is their mean.
    assert figures["median_working_days_to_answer"] == 7


@pytest.mark.django_db
def test_stats_api_returns_the_figures(client, demo_site):
    response = client.get("/api/access-requests/stats/", HALF_YEAR)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert (data["received"], data["answered_on_time"], data["pending"]) == (30, 28, 2)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"from": "2018-13-01", "to": "2018-06-30"},
        {"from": "yesterday"},
        {"from": "2018-06-30", "to": "2018-01-01"},
        {"from": "1900-01-01", "to": "2100-01-01"},
    ],
)
def test_stats_api_rejects_bad_dates_with_a_message(client, params):
    response = client.get("/api/access-requests/stats/", params)
    assert response.status_code == 400
    assert response.json()["error"]


@pytest.mark.django_db
def test_public_stats_page_shows_chart_and_table(client, demo_site):
    response = client.get("/sq/qasje/statistika/", HALF_YEAR)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<ul class="bars"' in html
    assert "<table>" in html
    assert "<td>30</td>" in html and "<td>28</td>" in html
    assert client.get("/en/qasje/statistika/", {"from": "x"}).status_code == 400


@pytest.mark.django_db
def test_stats_never_expose_personal_data(client, demo_site):
    body = client.get("/api/access-requests/stats/", HALF_YEAR).content.decode()
    page = client.get("/sq/qasje/statistika/", HALF_YEAR).content.decode()
    for item in AccessRequest.objects.all():
        for secret in (item.requester_name, item.email, item.tracking_code):
            if secret:
                assert secret not in body
                assert secret not in page
    assert "example.org" not in json.dumps(body)
