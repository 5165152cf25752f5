from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from municipal_acts.models import CompetitionPage, CompetitionState

TZ = ZoneInfo("Europe/Belgrade")
OPENS = datetime(2018, 2, 1, 8, 0, tzinfo=TZ)
CLOSES = datetime(2018, 2, 16, 16, 0, tzinfo=TZ)


def competition(**extra):
    return CompetitionPage(title="Konkurs", opens_at=OPENS, closes_at=CLOSES, **extra)


@pytest.mark.parametrize(
    ("moment", "state"),
    [
        (OPENS - timedelta(days=3), CompetitionState.UPCOMING),
        (OPENS - timedelta(seconds=1), CompetitionState.UPCOMING),
        (OPENS, CompetitionState.OPEN),
        (OPENS + timedelta(days=7), CompetitionState.OPEN),
        (CLOSES - timedelta(seconds=1), CompetitionState.OPEN),
        (CLOSES, CompetitionState.CLOSED),
        (CLOSES + timedelta(days=365), CompetitionState.CLOSED),
    ],
)
def test_state_at_each_moment(moment, state):
    assert competition().state_at(moment) == state


def test_results_win_at_any_moment():
    page = competition(results_document_id=1)
    for moment in (OPENS - timedelta(days=1), OPENS, CLOSES + timedelta(days=1)):
        assert page.state_at(moment) == CompetitionState.RESULTS


def test_state_follows_the_clock():
    page = competition()
    for moment, state in [
        (OPENS - timedelta(hours=1), "upcoming"),
        (OPENS + timedelta(hours=1), "open"),
        (CLOSES + timedelta(hours=1), "closed"),
    ]:
        with time_machine.travel(moment, tick=False):
            assert page.state == state
            assert str(page.get_state_display())


@pytest.mark.django_db
def test_api_and_index_filter_follow_the_clock(client, demo_site):
    page = CompetitionPage.objects.live().get(
        slug="konkurs-per-mesimdhenes", locale__language_code="sq"
    )
    for moment, state in [
        (page.opens_at - timedelta(days=1), "upcoming"),
        (page.opens_at + timedelta(days=1), "open"),
        (page.closes_at + timedelta(days=1), "closed"),
    ]:
        with time_machine.travel(moment, tick=False):
            data = client.get(f"/api/v2/pages/{page.pk}/").json()
            assert data["state"] == state
            html = client.get("/sq/konkurset/", {"state": state}).content.decode()
            assert page.title in html
            other = "open" if state != "open" else "closed"
            html = client.get("/sq/konkurset/", {"state": other}).content.decode()
            assert page.title not in html
