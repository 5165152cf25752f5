from datetime import date

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from wagtail.models import GroupPagePermission, Page

from core.calendar import add_working_days
from localization import queue
from localization.permissions import grant_translator_page_permissions, group_name
from tests.localization.helpers import start_translation, translate, translate_strings

User = get_user_model()


def item_for(page, code):
    items = [
        item for item in queue.build_queue(locales=[code]) if item.page.pk == page.pk
    ]
    assert len(items) == 1
    return items[0]


def fresh_act():
    model = apps.get_model("municipal_acts.MunicipalActPage")
    for page in model.objects.filter(locale__language_code="sq").live():
        if not page.get_translations().exists():
            return page
    # Every demo act is translated: a fresh copy (new translation key) is not.
    page = model.objects.filter(locale__language_code="sq").live().first()
    return page.copy(
        to=page.get_parent(),
        update_attrs={"slug": f"{page.slug}-kopje", "title": f"{page.title} (2)"},
        reset_translation_key=True,
        keep_live=True,
    ).specific


@pytest.mark.django_db
def test_working_days_skip_weekends():
    friday = date(2026, 11, 27)
    assert add_working_days(friday, 1) == date(2026, 11, 30)
    assert add_working_days(friday, 5) == date(2026, 12, 4)
    assert add_working_days(date(2026, 11, 23), 4) == date(2026, 11, 27)


@pytest.mark.django_db
def test_editing_the_source_makes_the_translation_out_of_date(
    demo_site, django_capture_on_commit_callbacks
):
    act = fresh_act()
    with django_capture_on_commit_callbacks(execute=True):
        translate(act, "sr")
    assert item_for(act, "sr").state == queue.PUBLISHED
    assert item_for(act, "tr").state == queue.MISSING
    act.summary = "Teksti i ri i përmbledhjes."
    with django_capture_on_commit_callbacks(execute=True):
        act.save_revision().publish()
    item = item_for(act, "sr")
    assert item.state == queue.OUT_OF_DATE
    assert "/localize/update/" in item.action_url
    assert item.due == add_working_days(item.since, 5)


@pytest.mark.django_db
def test_share_translated_counts_translated_segments(demo_site):
    act = fresh_act()
    _source, translation = start_translation(act, "tr")
    total, done = translation.get_progress()
    assert total >= 3 and done == 0
    assert item_for(act, "tr").state == queue.NOT_STARTED
    translated = translate_strings(translation, limit=2)
    item = item_for(act, "tr")
    assert item.state == queue.IN_PROGRESS
    assert (item.translated, item.total) == (translated, total)
    assert item.percent == round(100 * 2 / total)


@pytest.mark.django_db
def test_overdue_items_are_marked_and_filtered(demo_site):
    items = queue.build_queue(locales=["en"], states={queue.MISSING})
    assert items and all(item.state == queue.MISSING for item in items)
    # The demo content was published months ago: everything missing is late.
    assert all(item.is_overdue(today=add_working_days(item.due, 1)) for item in items)
    assert not any(item.is_overdue(today=item.since) for item in items)
    ages = [item.since for item in items]
    assert ages == sorted(ages)


def translator(code, username):
    user = User.objects.create_user(
        username=username, email=f"{username}@example.org", password="x-secret-1"
    )
    user.groups.add(Group.objects.get(name=group_name(code)))
    return user


@pytest.mark.django_db
def test_translator_of_tr_cannot_edit_sr(demo_site, client):
    grant_translator_page_permissions()
    user = translator("tr", "ayse")
    sr_page = Page.objects.filter(locale__language_code="sr", depth=3).first()
    tr_page = Page.objects.filter(locale__language_code="tr", depth=3).first()
    client.force_login(user)
    assert client.get(f"/admin/pages/{tr_page.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{sr_page.pk}/edit/").status_code != 200
    # Even with a broader grant, the locale guard refuses other languages.
    GroupPagePermission.objects.create(
        group=Group.objects.get(name=group_name("tr")),
        page=Page.get_first_root_node(),
        permission=Permission.objects.get(codename="change_page"),
    )
    assert client.get(f"/admin/pages/{sr_page.pk}/edit/").status_code == 403
    # The queue only offers the translator's language.
    response = client.get("/admin/localization/queue/")
    assert response.status_code == 200
    locales = {item.locale.language_code for item in response.context["items"]}
    assert locales == {"tr"}


@pytest.mark.django_db
def test_translators_hear_of_new_work_and_editors_of_finished_work(
    demo_site, django_capture_on_commit_callbacks
):
    sr_translator = translator("sr", "milica")
    translator("tr", "ayse")
    editor = User.objects.create_user(
        username="redaktor", email="redaktor@example.org", password="x-secret-1"
    )
    act = fresh_act()
    act.owner = editor
    act.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        act.save_revision(user=editor).publish(user=editor, skip_permission_checks=True)
    recipients = sorted(address for message in mail.outbox for address in message.to)
    # Every translator hears of it: these two and the demo's translator accounts.
    translators = User.objects.filter(groups__name__startswith="Translators (")
    expected = sorted(set(translators.values_list("email", flat=True)))
    assert {"ayse@example.org", sr_translator.email} <= set(expected)
    assert editor.email not in expected
    assert recipients == expected
    assert act.title in mail.outbox[0].subject
    mail.outbox.clear()
    _source, translation = start_translation(act, "sr")
    total, _done = translation.get_progress()
    with django_capture_on_commit_callbacks(execute=True):
        translate_strings(translation, limit=total - 1)
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        translate_strings(translation)
    assert [message.to for message in mail.outbox] == [[editor.email]]
    assert "sr" in mail.outbox[0].subject


@pytest.mark.django_db
def test_queue_view_filters_by_state_and_section(admin_client, demo_site):
    acts = Page.objects.get(locale__language_code="sq", slug="aktet")
    response = admin_client.get(
        "/admin/localization/queue/",
        {"locale": "en", "state": "missing", "section": acts.pk, "order": "newest"},
    )
    assert response.status_code == 200
    items = response.context["items"]
    assert items
    assert all(item.section.pk == acts.pk for item in items)
    assert all(item.state == "missing" for item in items)
    assert [i.since for i in items] == sorted([i.since for i in items], reverse=True)
    assert b"select_locale=en" in response.content


DUMMY = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}


@pytest.mark.django_db
def test_machine_translation_is_off_by_default_and_pluggable(
    admin_client, demo_site, settings, django_capture_on_commit_callbacks
):
    act = fresh_act()
    _source, translation = start_translation(act, "tr")
    # The admin's "Translate this page" also creates the draft target page.
    translation.save_target(publish=False)
    url = f"/admin/localize/translate/{translation.pk}/machine_translate/"
    # Off: the view answers "not found" (which LocaleMiddleware turns into a
    # redirect to a language-prefixed URL) and nothing is translated.
    assert admin_client.post(url).status_code in {302, 404}
    assert translation.get_progress()[1] == 0
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DUMMY
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(url).status_code == 302
    total, done = translation.get_progress()
    assert total and done == total
    assert item_for(act, "tr").state == queue.READY
