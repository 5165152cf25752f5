from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.actions.publish_page_revision import PublishPagePermissionError

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model, demo_site):
    # The demo's accounts (DEMO_USERS): Editors and Moderators groups.
    return django_user_model.objects.get(username="editor")


@pytest.fixture
def moderator(django_user_model, demo_site):
    return django_user_model.objects.get(username="moderator")


@pytest.fixture
def second_moderator(django_user_model):
    user = django_user_model.objects.create_user(
        username="second-moderator", password="x", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def sq_index(label):
    from django.apps import apps

    return apps.get_model(label).objects.get(locale__language_code="sq")


def new_decision(author, slug="vendim-rruga-e-re"):
    from municipal_acts.models import DecisionPage

    decision = DecisionPage(
        title="Vendim për rrugën e re",
        slug=slug,
        decision_number="01-999/18",
        live=False,
    )
    sq_index("municipal_acts.DecisionIndexPage").add_child(instance=decision)
    decision.save_revision(user=author)
    return decision


@pytest.mark.parametrize(
    ("model_label", "code"),
    [
        ("municipal_acts.ActIndexPage", "sq"),
        ("municipal_acts.DecisionIndexPage", "sq"),
        ("municipal_acts.ActIndexPage", "sr"),
        ("municipal_acts.DecisionIndexPage", "sr"),
    ],
)
def test_acts_and_decisions_indexes_have_the_four_eyes_review(
    demo_site, model_label, code
):
    from django.apps import apps

    from municipal_acts.workflows import REVIEW_WORKFLOW, FourEyesApprovalTask

    index = apps.get_model(model_label).objects.get(locale__language_code=code)
    workflow = index.get_workflow()
    assert workflow is not None and workflow.name == REVIEW_WORKFLOW
    tasks = [task.specific for task in workflow.tasks]
    assert len(tasks) == 1 and isinstance(tasks[0], FourEyesApprovalTask)
    assert [group.name for group in tasks[0].groups.all()] == ["Moderators"]
    # Items inherit it from their index.
    child = index.get_children().first()
    if child is not None:
        assert child.specific.get_workflow() == workflow


def test_press_keeps_wagtails_default_workflow(demo_site):
    from municipal_acts.workflows import REVIEW_WORKFLOW

    workflow = sq_index("press.PressIndexPage").get_workflow()
    assert workflow is None or workflow.name != REVIEW_WORKFLOW


@pytest.mark.parametrize("username", ["editor", "moderator"])
def test_nobody_but_a_superuser_publishes_acts_directly(
    django_user_model, demo_site, username
):
    user = django_user_model.objects.get(username=username)
    for label in ("municipal_acts.ActIndexPage", "municipal_acts.DecisionIndexPage"):
        for page in sq_index(label).get_descendants(inclusive=True)[:3]:
            permissions = page.permissions_for_user(user)
            assert permissions.can_edit(), page
            assert not permissions.can_publish(), page
    for page in sq_index("press.PressIndexPage").get_descendants()[:3]:
        assert page.permissions_for_user(user).can_publish(), page
    admin = django_user_model.objects.get(username="admin")
    assert (
        sq_index("municipal_acts.ActIndexPage")
        .permissions_for_user(admin)
        .can_publish()
    )


def test_the_editor_is_offered_submit_but_not_publish(editor, demo_site):
    from municipal_acts.models import MunicipalActPage
    from press.models import PressReleasePage

    client = Client()
    client.force_login(editor)
    act = MunicipalActPage.objects.filter(locale__language_code="sq").first()
    html = client.get(f"/admin/pages/{act.pk}/edit/").content.decode()
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html
    # Publishing anyway (the edit view, bulk actions and the API all go through
    # this action) is refused.
    with pytest.raises(PublishPagePermissionError):
        act.save_revision(user=editor).publish(user=editor)
    release = PressReleasePage.objects.filter(locale__language_code="sq").first()
    html = client.get(f"/admin/pages/{release.pk}/edit/").content.decode()
    assert 'name="action-publish"' in html


def test_a_decision_goes_draft_review_publish(editor, moderator):
    decision = new_decision(editor)
    state = decision.get_workflow().start(decision, editor)
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


def test_a_moderator_cannot_approve_their_own_submission(moderator, second_moderator):
    from wagtail.models import TaskState

    decision = new_decision(moderator)
    state = decision.get_workflow().start(decision, moderator)
    task_state = state.current_task_state
    task = task_state.task.specific
    decision.refresh_from_db()
    assert task.get_actions(decision, moderator) == []
    assert task_state not in TaskState.objects.reviewable_by(moderator)
    with pytest.raises(PermissionDenied):
        task.on_action(task_state, moderator, "approve")
    task_state.refresh_from_db()
    assert task_state.status == "in_progress"
    decision.refresh_from_db()
    assert not decision.live
    # Another moderator may.
    assert task_state in TaskState.objects.reviewable_by(second_moderator)
    task.on_action(task_state, second_moderator, "approve")
    decision.refresh_from_db()
    assert decision.live


def test_the_author_of_the_reviewed_revision_cannot_approve_it(
    editor, moderator, second_moderator
):
    # The moderator wrote the text, the editor only pressed "Submit".
    decision = new_decision(moderator)
    state = decision.get_workflow().start(decision, editor)
    task_state = state.current_task_state
    with pytest.raises(PermissionDenied):
        task_state.task.specific.on_action(task_state, moderator, "approve")
    task_state.task.specific.on_action(task_state, second_moderator, "approve")
    decision.refresh_from_db()
    assert decision.live


def test_self_approval_through_the_admin_is_refused(moderator):
    decision = new_decision(moderator)
    state = decision.get_workflow().start(decision, moderator)
    client = Client()
    client.force_login(moderator)
    response = client.post(
        f"/admin/pages/workflow/action/{decision.pk}/approve/"
        f"{state.current_task_state.pk}/",
        {"comment": ""},
    )
    assert response.status_code in {302, 403}
    decision.refresh_from_db()
    assert not decision.live


def test_publish_rights_follow_new_sections(
    demo_site, django_capture_on_commit_callbacks
):
    from wagtail.models import GroupPagePermission

    from municipal_acts.models import ActIndexPage
    from press.models import PressIndexPage

    # Wagtail's default grant on the root would reach every act: it is gone.
    assert not GroupPagePermission.objects.filter(
        group__name__in=["Editors", "Moderators"],
        permission__codename="publish_page",
        page__depth__lte=2,
    ).exists()
    home = sq_index("municipal_acts.ActIndexPage").get_parent()
    ActIndexPage.objects.filter(locale=home.locale).delete()
    PressIndexPage.objects.filter(locale=home.locale).delete()
    home.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        acts = home.add_child(instance=ActIndexPage(title="Aktet e reja"))
        acts.save_revision().publish()
        press = home.add_child(instance=PressIndexPage(title="Lajme"))
        press.save_revision().publish()
    editors = Group.objects.get(name="Editors")
    granted = set(
        GroupPagePermission.objects.filter(
            group=editors, permission__codename="publish_page"
        ).values_list("page_id", flat=True)
    )
    assert press.pk in granted
    assert acts.pk not in granted


def test_scheduled_publication_with_publish_scheduled(client, demo_site):
    from press.models import NoticePage

    index = sq_index("press.PressIndexPage")
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
    url = notice.url

    call_command("publish_scheduled", stdout=StringIO())
    notice.refresh_from_db()
    assert not notice.live
    assert client.get(url).status_code == 404

    with time_machine.travel(go_live + timedelta(minutes=5), tick=False):
        call_command("publish_scheduled", stdout=StringIO())
        notice.refresh_from_db()
        assert notice.live
        assert client.get(url).status_code == 200


def test_a_reviewer_who_edits_the_text_becomes_an_author(
    editor, moderator, second_moderator
):
    decision = new_decision(editor)
    state = decision.get_workflow().start(decision, editor)
    task_state = state.current_task_state
    task = task_state.task.specific
    decision.refresh_from_db()
    assert task.get_actions(decision, moderator)
    decision.title = "Vendim për rrugën e re (redaktuar)"
    decision.save_revision(user=moderator)
    decision.refresh_from_db()
    assert task.get_actions(decision, moderator) == []
    with pytest.raises(PermissionDenied):
        task.on_action(task_state, moderator, "approve")
    task.on_action(task_state, second_moderator, "approve")
    decision.refresh_from_db()
    assert decision.live and decision.title.endswith("(redaktuar)")
