"""Links between pages stay in the page's language: a Serbian decision links the
Serbian session, a session lists each of its decisions once, in its own language,
and a link falls back to the source page (marked with its language) only while
no translation is live. Drafts and private pages never appear as links."""

import pytest
from django.utils import translation
from wagtail.models import Locale, PageViewRestriction

from municipal_acts.models import DecisionPage, MunicipalActPage
from sessions.models import AssemblySessionPage

pytestmark = pytest.mark.django_db


def main_html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


@pytest.fixture
def sr(demo_site):
    return Locale.objects.get(language_code="sr")


@pytest.fixture
def decision_pair(sr):
    """An Albanian decision adopted at a session, both live in Serbian too."""
    for decision in DecisionPage.objects.live().filter(
        locale__language_code="sq", session__isnull=False
    ):
        decision_sr = decision.get_translation_or_none(sr)
        session_sr = decision.session.get_translation_or_none(sr)
        if decision_sr and decision_sr.live and session_sr and session_sr.live:
            return decision, decision_sr, decision.session, session_sr
    pytest.fail("the demo has a decision and its session both live in Serbian")


def test_serbian_decision_links_the_serbian_session(client, decision_pair):
    decision, decision_sr, session, session_sr = decision_pair
    # As stored, the Serbian decision names the Albanian session.
    assert decision_sr.session_id in (session.pk, session_sr.pk)
    html = main_html(client, decision_sr)
    assert f'href="{session_sr.url}"' in html
    assert f'href="{session.url}"' not in html
    with translation.override("sr"):
        assert translation.gettext("Adopted at") in html


def test_each_session_lists_its_decision_once_in_its_language(client, decision_pair):
    decision, decision_sr, session, session_sr = decision_pair
    translations = decision.get_translations(inclusive=True).live()
    assert translations.count() >= 2
    for page, own in [(session, decision), (session_sr, decision_sr)]:
        html = main_html(client, page)
        assert html.count(f'href="{own.url}"') == 1, page.url
        for other in translations.exclude(pk=own.pk):
            assert f'href="{other.url}"' not in html, (page.url, other.url)


def test_link_falls_back_to_the_source_while_no_translation_is_live(
    client, decision_pair
):
    decision, decision_sr, session, session_sr = decision_pair
    session_sr.unpublish()
    html = main_html(client, decision_sr)
    assert f'href="{session.url}" hreflang="sq" lang="sq"' in html
    assert f'href="{session_sr.url}"' not in html
    # The Serbian session's own list is gone with it; the Albanian one still
    # lists the Albanian decision once.
    html = main_html(client, session)
    assert html.count(f'href="{decision.url}"') == 1
    assert f'href="{decision_sr.url}"' not in html


def test_drafts_and_private_pages_are_never_linked(client, decision_pair):
    decision, _decision_sr, session, _session_sr = decision_pair
    index = decision.get_parent()
    draft = DecisionPage(
        title="Draft decision of the session", session=session, live=False
    )
    index.add_child(instance=draft)
    draft.save_revision()
    private = DecisionPage(title="Private decision of the session", session=session)
    index.add_child(instance=private)
    private.save_revision().publish()
    PageViewRestriction.objects.create(
        page=private, restriction_type="password", password="s3cret"
    )
    html = main_html(client, session)
    assert decision.title in html
    assert draft.title not in html and private.title not in html
    # Nor a session back in draft in every language (while one language is
    # live, that one is linked).
    for version in session.get_translations(inclusive=True).live():
        version.unpublish()
    html = main_html(client, decision)
    with translation.override("sq"):
        assert translation.gettext("Adopted at") not in html


def test_agenda_links_the_adopted_decision_in_the_sessions_language(
    client, decision_pair
):
    decision, decision_sr, session, session_sr = decision_pair
    session_sr.agenda = [
        {
            "type": "item",
            "value": {
                "title": "Usvajanje odluke",
                "rapporteur": "",
                "adopted": decision.pk,
                "video_timestamp": "1:02:03",
            },
        }
    ]
    session_sr.save_revision().publish()
    html = main_html(client, session_sr)
    agenda = html[html.index('class="agenda"') :]
    assert f'href="{decision_sr.url}"' in agenda
    assert f'href="{decision.url}"' not in agenda
    if session_sr.recording_url or session_sr.livestream_url:
        assert "t=3723s" in agenda


def test_acts_list_amendments_once_in_their_language(client, sr):
    amendment = (
        MunicipalActPage.objects.live()
        .filter(locale__language_code="sq", amends__isnull=False)
        .first()
    )
    assert amendment is not None, "the demo has an amending act"
    target = amendment.amends.first()
    target_sr = target.get_translation_or_none(sr) or target.copy_for_translation(sr)
    target_sr.save_revision().publish()
    # The demo translates every act: take the amendment's Serbian version away.
    existing = amendment.get_translation_or_none(sr)
    if existing is not None:
        existing.delete()
    # Until the amendment is translated, the Serbian act links the Albanian one.
    html = main_html(client, target_sr)
    assert f'href="{amendment.url}" hreflang="sq" lang="sq"' in html
    amendment_sr = amendment.get_translation_or_none(sr)
    if amendment_sr is None:
        amendment_sr = amendment.copy_for_translation(sr)
    amendment_sr.title = "Pravilnik o izmeni taksi"
    amendment_sr.save_revision().publish()
    html = main_html(client, target_sr)
    assert html.count(f'href="{amendment_sr.url}"') == 1
    assert f'href="{amendment.url}"' not in html
    with translation.override("sr"):
        assert translation.gettext("Amended by") in html
    html = main_html(client, target)
    assert html.count(f'href="{amendment.url}"') == 1
    assert f'href="{amendment_sr.url}"' not in html
    html = main_html(client, amendment_sr)
    assert f'href="{target_sr.url}"' in html and f'href="{target.url}"' not in html


def test_the_session_of_a_new_page_in_preview_is_not_queried(decision_pair):
    # An unsaved session (a preview of a new page) lists nothing instead of
    # raising "needs to have a primary key value".
    _decision, _decision_sr, session, _session_sr = decision_pair
    new = AssemblySessionPage(title="New", number=99, starts_at=session.starts_at)
    assert new.outcomes() == []
