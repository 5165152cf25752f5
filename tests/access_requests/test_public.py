import re
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import translation

from access_requests.models import (
    CODE_ALPHABET,
    CODE_LENGTH,
    AccessRequest,
    OutgoingEmail,
    State,
)
from access_requests.reminders import send_reminders

VALID = {
    "action": "file",
    "requester_name": "Fatmire Gashi-Secret",
    "email": "fatmire.secret@example.net",
    "postal_address": "",
    "category": "civil_society",
    "documents_requested": "The contract for school transport, 2018",
    "preferred_format": "electronic",
    "urgency_reason": "",
    "website": "",
}


class FailingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP server unreachable")


def post(client, locale="sq", headers=None, **changes):
    return client.post(f"/{locale}/qasje/", {**VALID, **changes}, **(headers or {}))


@pytest.mark.django_db
@pytest.mark.parametrize("locale", ["sq", "sr", "tr", "en"])
def test_form_page_renders_in_every_locale(client, locale):
    response = client.get(f"/{locale}/qasje/")
    assert response.status_code == 200
    assert f'lang="{locale}"' in response.content.decode()
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()
    assert "noindex" not in response.content.decode()  # the form is to be found


@pytest.mark.django_db
def test_validation_messages_follow_the_visitor_language(client):
    messages = {}
    for locale in ["sq", "sr", "tr", "en"]:
        response = post(client, locale, email="not-an-address")
        assert response.status_code == 400
        errors = response.context["form"].errors["email"]
        messages[locale] = errors[0]
    assert messages["en"] == "Enter a valid email address."
    assert len(set(messages.values())) == 4, messages


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field", "fragment"),
    [
        ({"requester_name": ""}, "requester_name", "Please give your name."),
        ({"email": "", "postal_address": ""}, "email", "e-mail address or a postal"),
        ({"is_urgent": "on", "urgency_reason": ""}, "urgency_reason", "urgent"),
        ({"documents_requested": "x" * 4001}, "documents_requested", "4000"),
        ({"requester_name": "n" * 201}, "requester_name", "200"),
        ({"documents_requested": "a\x07b"}, "documents_requested", "control"),
        ({"documents_requested": "a\x00b"}, "documents_requested", "Null"),
        (
            {"documents_requested": "<script>alert(1)</script>"},
            "documents_requested",
            "HTML",
        ),
        ({"category": "king"}, "category", "valid choice"),
    ],
)
def test_bad_input_gives_a_clear_form_error(client, changes, field, fragment):
    response = post(client, "en", **changes)
    assert response.status_code == 400
    errors = " ".join(response.context["form"].errors[field])
    assert fragment.lower() in errors.lower()
    assert (
        AccessRequest.objects.filter(requester_name=VALID["requester_name"]).count()
        == 0
    )


@pytest.mark.django_db
def test_radios_start_unchosen_without_a_blank_choice(client):
    html = client.get("/en/qasje/").content.decode()
    for name in ("category", "preferred_format"):
        radios = re.findall(rf'<input type="radio" name="{name}"[^>]*>', html)
        assert len(radios) >= 3
        assert not [radio for radio in radios if 'value=""' in radio]
        assert not [radio for radio in radios if "checked" in radio]
    assert "---------" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("locale", ["sq", "sr", "tr", "en"])
def test_a_missing_radio_choice_gets_its_own_translated_message(client, locale):
    response = post(client, locale, category="", preferred_format="")
    assert response.status_code == 400
    form = response.context["form"]
    with translation.override(locale):
        assert form.errors["category"] == [
            translation.gettext("Please choose who you are asking as.")
        ]
        assert form.errors["preferred_format"] == [
            translation.gettext("Please choose a format.")
        ]
        if locale != "en":
            assert form.errors["category"][0] != "Please choose who you are asking as."
    html = response.content.decode()
    assert 'href="#id_category"' in html  # listed in the error summary


@pytest.mark.django_db
def test_a_huge_body_is_refused_without_a_server_error(client):
    response = post(client, "en", documents_requested="x" * 3_000_000)
    assert response.status_code == 400


@pytest.mark.django_db
def test_honeypot_rejects_bots(client):
    response = post(client, "en", website="http://spam.example")
    assert response.status_code == 400
    assert "could not be accepted" in response.content.decode()
    assert not AccessRequest.objects.filter(requester_name=VALID["requester_name"])


@pytest.mark.django_db
def test_csrf_is_enforced(db):
    response = post(Client(enforce_csrf_checks=True), "en")
    assert response.status_code == 403


@pytest.mark.django_db
def test_rate_limit_answers_429_after_five_filings(client, settings):
    for _ in range(5):
        assert post(client, "en").status_code == 302
    response = post(client, "en")
    assert response.status_code == 429
    assert "try again" in response.content.decode()
    # Another address is not affected.
    assert post(client, "en", {"REMOTE_ADDR": "10.1.1.1"}).status_code == 302
    assert (
        AccessRequest.objects.filter(requester_name=VALID["requester_name"]).count()
        == 6
    )


@pytest.mark.django_db
def test_filing_stores_the_request_and_mails_a_receipt(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, "sq")
    assert response.status_code == 302
    item = AccessRequest.objects.get(requester_name=VALID["requester_name"])
    assert len(item.tracking_code) == CODE_LENGTH
    assert set(item.tracking_code) <= set(CODE_ALPHABET)
    assert response["Location"] == f"/sq/qasje/{item.tracking_code}/?filed=1"
    assert item.language == "sq"
    assert item.state == State.RECEIVED
    receipt = client.get(response["Location"]).content.decode()
    assert item.tracking_code in receipt
    assert item.deadline.strftime("%-d.%-m.%Y") in receipt
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [VALID["email"]]
    assert item.tracking_code in mail.outbox[0].body
    assert item.deadline.strftime("%-d.%-m.%Y") in mail.outbox[0].body
    assert item.emails.get().sent_at is not None


@pytest.mark.django_db
def test_a_mail_failure_never_loses_the_request_and_is_retried(
    client, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.access_requests.test_public.FailingBackend"
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, "en")
    assert response.status_code == 302
    item = AccessRequest.objects.get(requester_name=VALID["requester_name"])
    email = item.emails.get()
    assert email.sent_at is None
    assert email.attempts == 1
    assert "SMTP server unreachable" in email.last_error

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send_pending_access_emails", stdout=open("/dev/null", "w"))  # noqa: SIM115
    email.refresh_from_db()
    assert email.sent_at is not None
    assert email.attempts == 2
    assert [m.to for m in mail.outbox] == [[VALID["email"]]]


@pytest.mark.django_db
def test_status_page_shows_progress_and_answer_but_no_personal_data(
    client, make_request
):
    item = make_request(
        requester_name="Secret Name",
        email="secret@example.net",
        postal_address="Secret Street 5",
        documents_requested='Budget lines "A & B", 5 < 6',
    )
    item.transition(State.IN_PROGRESS, note="internal note about Secret Name")
    item.transition(
        State.PARTIALLY_GRANTED,
        legal_ground="commercial",
        decision_text="<script>alert('x')</script> Part of the contract is released.",
    )
    for locale in ["sq", "sr", "tr", "en"]:
        response = client.get(f"/{locale}/qasje/{item.tracking_code.lower()}/")
        assert response.status_code == 200
        html = response.content.decode()
        # The page is the code holder's: search engines are asked to skip it.
        assert '<meta name="robots" content="noindex, nofollow">' in html
        assert item.tracking_code in html
        for secret in (
            "Secret Name",
            "secret@example.net",
            "Secret Street",
            "internal",
        ):
            assert secret not in html
        assert "<script>alert" not in html
        assert "&lt;script&gt;" in html
        assert "A &amp; B" in html and "5 &lt; 6" in html


@pytest.mark.django_db
def test_unknown_codes_are_not_found(client):
    assert client.get("/sq/qasje/ZZZZZZZZZZ/").status_code == 404
    response = client.get("/en/qasje/gjurmo/", {"code": "zzzz-zzzz"})
    assert response.status_code == 400
    assert "No request has this tracking code" in response.content.decode()


@pytest.mark.django_db
def test_lookup_redirects_to_the_status_page(client, make_request):
    item = make_request()
    code = item.tracking_code.lower()
    response = client.get("/en/qasje/gjurmo/", {"code": f"{code[:5]}-{code[5:]}"})
    assert response.status_code == 302
    assert response["Location"] == f"/en/qasje/{item.tracking_code}/"


@pytest.mark.django_db
def test_suggestions_list_published_pages_and_file_nothing(client, demo_site):
    response = post(
        client, "sq", action="suggest", documents_requested="buxhetit komunal"
    )
    assert response.status_code == 200
    suggestions = response.context["suggestions"]
    assert suggestions, "the demo municipality publishes budget pages"
    assert all(page.live for page in suggestions)
    assert not AccessRequest.objects.filter(requester_name=VALID["requester_name"])


@pytest.mark.django_db
def test_tracking_codes_retry_on_collision(make_request, monkeypatch):
    first = make_request()
    codes = iter([first.tracking_code, first.tracking_code, "ABCDEFGHJK"])
    monkeypatch.setattr("access_requests.models.new_tracking_code", lambda: next(codes))
    assert make_request().tracking_code == "ABCDEFGHJK"


@pytest.mark.django_db
def test_reminders_before_the_deadline_and_on_the_day_it_is_missed(make_request):
    officer = get_user_model().objects.create(username="o", email="officer@gjilan.test")
    item = make_request(assigned_to=officer)  # due Wed 24 Jan 2018
    assert send_reminders(date(2018, 1, 19)) == (0, 0)
    assert send_reminders(date(2018, 1, 22)) == (1, 0)
    assert send_reminders(date(2018, 1, 23)) == (0, 0)
    assert send_reminders(date(2018, 1, 24)) == (0, 0)
    assert send_reminders(date(2018, 1, 25)) == (0, 1)
    assert send_reminders(date(2018, 1, 26)) == (0, 0)
    kinds = list(OutgoingEmail.objects.filter(request=item).values_list("kind", "to"))
    assert sorted(kinds) == [
        ("overdue", "officer@gjilan.test"),
        ("reminder", "officer@gjilan.test"),
    ]


@pytest.mark.django_db
def test_answered_requests_get_no_reminders(make_request, settings):
    settings.ACCESS_REQUEST_OFFICER_EMAILS = ["office@gjilan.test"]
    item = make_request()
    item.transition(State.GRANTED, decision_text="Sent", notify=False)
    assert send_reminders(date(2018, 1, 25)) == (0, 0)
