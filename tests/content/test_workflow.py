from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        username="moderator", password="x", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def editor(django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        username="plain-editor", password="x", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.mark.parametrize(
    ("model_label", "code"),
    [
        ("municipal_acts.ActIndexPage", "sq"),
        ("municipal_acts.DecisionIndexPage", "sq"),
        ("municipal_acts.ActIndexPage", "sr"),
        ("municipal_acts.DecisionIndexPage", "sr"),
    ],
)
def test_acts_and_decisions_indexes_have_the_review_workflow(
    demo_site, model_label, code
):
    from django.apps import apps

    from municipal_acts.workflows import REVIEW_WORKFLOW

    index = apps.get_model(model_label).objects.get(locale__language_code=code)
    workflow = index.get_workflow()
    assert workflow is not None and workflow.name == REVIEW_WORKFLOW
    tasks = [task.specific for task in workflow.tasks]
    assert [group.name for group in tasks[0].groups.all()] == ["Moderators"]
    # Items inherit it from their index.
    child = index.get_children().first()
    if child is not None:
        assert child.specific.get_workflow() == workflow


def test_press_keeps_wagtails_default_workflow(demo_site):
    from municipal_acts.workflows import REVIEW_WORKFLOW
    from press.models import PressIndexPage

    index = PressIndexPage.objects.get(locale__language_code="sq")
    workflow = index.get_workflow()
    assert workflow is None or workflow.name != REVIEW_WORKFLOW


def test_a_decision_goes_draft_review_publish(demo_site, editor, moderator):
    from municipal_acts.models import DecisionIndexPage, DecisionPage

    index = DecisionIndexPage.objects.get(locale__language_code="sq")
    decision = DecisionPage(
        title="Vendim për rrugën e re",
        slug="vendim-rruga-e-re",
        decision_number="01-999/18",
        live=False,
    )
    index.add_child(instance=decision)
    decision.save_revision(user=editor)
    workflow = decision.get_workflow()
    state = workflow.start(decision, editor)
    decision.refresh_from_db()
    assert not decision.live
    assert state.status == "in_progress"
    task_state = state.current_task_state
    task = task_state.task.specific
    assert task.user_can_access_editor(decision, moderator)
    assert not task.get_actions(decision, editor)
    assert {name for name, *_ in task.get_actions(decision, moderator)} >= {
        "approve",
        "reject",
    }
    task.on_action(task_state, moderator, "approve")
    decision.refresh_from_db()
    state.refresh_from_db()
    assert decision.live
    assert state.status == "approved"


def test_scheduled_publication_with_publish_scheduled(client, demo_site):
    from press.models import NoticePage, PressIndexPage

    index = PressIndexPage.objects.get(locale__language_code="sq")
    notice = NoticePage(
        title="Njoftim i planifikuar",
        slug="njoftim-i-planifikuar",
        summary="Publikohet vetë.",
        live=False,
    )
    index.add_child(instance=notice)
    go_live = timezone.now() + timedelta(hours=1)
    notice.go_live_at = go_live
    notice.save_revision().publish()
    notice.refresh_from_db()
    assert not notice.live
    assert notice.get_latest_revision().approved_go_live_at == go_live
    url = "/sq/komunikata/njoftim-i-planifikuar/"

    call_command("publish_scheduled", stdout=StringIO())
    notice.refresh_from_db()
    assert not notice.live
    assert client.get(url).status_code == 404

    with time_machine.travel(go_live + timedelta(minutes=5), tick=False):
        call_command("publish_scheduled", stdout=StringIO())
        notice.refresh_from_db()
        assert notice.live
        assert client.get(url).status_code == 200
