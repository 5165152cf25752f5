import pytest
from django.contrib.auth import get_user_model

from access_requests.models import (
    CLOSED_STATES,
    TRANSITIONS,
    AccessRequest,
    AccessRequestTransition,
    State,
    TransitionError,
)

from .conftest import aware

# What each target state needs so that only the table decides.
COMPLETE = {
    "note": "Ministry of Finance",
    "extension_days": 5,
    "extension_reason": "Archive search",
    "legal_ground": "personal_data",
    "decision_text": "Decision text",
}

# How to reach each state from "received" through allowed steps.
PATHS = {
    State.RECEIVED: [],
    State.IN_PROGRESS: [State.IN_PROGRESS],
    State.CLARIFICATION: [State.CLARIFICATION],
    State.EXTENDED: [State.EXTENDED],
    State.GRANTED: [State.GRANTED],
    State.PARTIALLY_GRANTED: [State.PARTIALLY_GRANTED],
    State.REFUSED: [State.REFUSED],
    State.TRANSFERRED: [State.TRANSFERRED],
    State.WITHDRAWN: [State.WITHDRAWN],
}

PAIRS = [(a, b) for a in State for b in State]


def reach(make_request, state):
    item = make_request()
    for step in PATHS[state]:
        item.transition(step, when=aware("2018-01-16T09:00"), **COMPLETE)
    return item


def test_table_covers_every_state_and_closed_states_are_final():
    assert set(TRANSITIONS) == set(State)
    for state in CLOSED_STATES:
        assert TRANSITIONS[state] == set()


@pytest.mark.django_db
@pytest.mark.parametrize(("source", "target"), PAIRS, ids=lambda s: s.value)
def test_every_transition_is_allowed_or_forbidden_by_the_table(
    make_request, source, target
):
    item = reach(make_request, source)
    assert item.state == source
    before = AccessRequestTransition.objects.filter(request=item).count()
    if target in TRANSITIONS[source]:
        item.transition(target, when=aware("2018-01-17T09:00"), **COMPLETE)
        item.refresh_from_db()
        assert item.state == target
        assert (
            AccessRequestTransition.objects.filter(request=item).count() == before + 1
        )
    else:
        with pytest.raises(TransitionError):
            item.transition(target, when=aware("2018-01-17T09:00"), **COMPLETE)
        item.refresh_from_db()
        assert item.state == source
        assert AccessRequestTransition.objects.filter(request=item).count() == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("target", "missing", "field"),
    [
        (State.EXTENDED, "extension_reason", "extension_reason"),
        (State.EXTENDED, "extension_days", "new_extension_days"),
        (State.REFUSED, "legal_ground", "legal_ground"),
        (State.PARTIALLY_GRANTED, "legal_ground", "legal_ground"),
        (State.GRANTED, "decision_text", "decision_text"),
        (State.TRANSFERRED, "note", "transition_note"),
    ],
)
def test_steps_need_what_the_law_asks(make_request, target, missing, field):
    item = make_request()
    values = {**COMPLETE, missing: "" if missing != "extension_days" else None}
    with pytest.raises(TransitionError) as error:
        item.transition(target, **values)
    assert field in error.value.message_dict
    assert AccessRequest.objects.get(pk=item.pk).state == State.RECEIVED


@pytest.mark.django_db
def test_extension_is_bounded_and_happens_once(make_request):
    item = make_request()
    with pytest.raises(TransitionError):
        item.transition(State.EXTENDED, extension_days=16, extension_reason="x")
    item.transition(State.EXTENDED, extension_days=15, extension_reason="x")
    assert State.EXTENDED not in item.allowed_transitions()
    assert State.CLARIFICATION not in item.allowed_transitions()


@pytest.mark.django_db
def test_transitions_record_who_when_and_note_and_history(make_request):
    user = get_user_model().objects.create(username="officer-w", email="o@example.org")
    item = make_request()
    item.transition(
        State.IN_PROGRESS,
        user=user,
        note="Asked Urbanism",
        when=aware("2018-01-16T09:00"),
    )
    step = item.transitions.get()
    assert (step.from_state, step.to_state, step.user, step.note) == (
        State.RECEIVED,
        State.IN_PROGRESS,
        user,
        "Asked Urbanism",
    )
    assert step.at == aware("2018-01-16T09:00")
    states = list(item.history.order_by("history_date").values_list("state", flat=True))
    assert states == [State.RECEIVED, State.IN_PROGRESS]


@pytest.mark.django_db
def test_admin_form_refuses_a_forbidden_or_incomplete_step(make_request):
    item = make_request()
    item.transition(State.GRANTED, decision_text="Sent")
    form_class = _admin_form_class()
    data = _admin_data(item, next_state=State.IN_PROGRESS)
    form = form_class(data, instance=item)
    assert not form.is_valid()
    assert "next_state" in form.errors

    fresh = make_request()
    form = form_class(_admin_data(fresh, next_state=State.REFUSED), instance=fresh)
    assert not form.is_valid()
    assert "legal_ground" in form.errors


@pytest.mark.django_db
def test_admin_form_applies_a_valid_step(make_request):
    user = get_user_model().objects.create(username="officer2")
    item = make_request()
    form = _admin_form_class()(
        _admin_data(
            item,
            next_state=State.EXTENDED,
            new_extension_days="10",
            extension_reason="Documents are in the 2012 archive",
            transition_note="Archive",
        ),
        instance=item,
        for_user=user,
    )
    assert form.is_valid(), form.errors
    form.save()
    item.refresh_from_db()
    assert item.state == State.EXTENDED
    assert item.extension_days == 10
    assert item.transitions.get().user == user


def _admin_form_class():
    from access_requests.panels import edit_handler

    handler = edit_handler.bind_to_model(AccessRequest)
    return handler.get_form_class()


def _admin_data(item, **extra):
    data = {
        "requester_name": item.requester_name,
        "email": item.email,
        "postal_address": item.postal_address,
        "category": item.category,
        "documents_requested": item.documents_requested,
        "preferred_format": item.preferred_format,
        "received_at": "2018-01-15 10:00",
        "urgency_reason": "",
        "extension_reason": item.extension_reason,
        "legal_ground": item.legal_ground,
        "decision_text": item.decision_text,
        "documents-TOTAL_FORMS": "0",
        "documents-INITIAL_FORMS": "0",
        "documents-MIN_NUM_FORMS": "0",
        "documents-MAX_NUM_FORMS": "1000",
    }
    data.update(extra)
    return data
