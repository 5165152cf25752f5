import pytest
from django.utils import translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def acts_index(demo_site):
    from municipal_acts.models import ActIndexPage

    return ActIndexPage.objects.get(locale__language_code="sq")


@pytest.fixture
def statute(acts_index):
    from municipal_acts.models import MunicipalActPage

    return MunicipalActPage.objects.get(
        slug="statuti-i-komunes", locale__language_code="sq"
    )


def new_act(index, slug, **relations):
    from municipal_acts.models import MunicipalActPage

    act = MunicipalActPage(
        title=f"Act {slug}",
        slug=slug,
        official_number=f"01-{slug}",
        publication_date="2018-07-01",
        live=False,
    )
    index.add_child(instance=act)
    for name, targets in relations.items():
        getattr(act, name).set(targets)
    return act


def test_publishing_an_amendment_marks_the_target_amended(client, acts_index, statute):
    assert statute.status == "in_force"
    amendment = new_act(acts_index, "amends-statute", amends=[statute])
    amendment.save_revision().publish()
    statute.refresh_from_db()
    assert statute.status == "amended"
    # Editors' next publication of the statute keeps the new status.
    assert statute.get_latest_revision_as_object().status == "amended"
    statute.get_latest_revision().publish()
    statute.refresh_from_db()
    assert statute.status == "amended"
    # Both pages link to each other.
    html = client.get(statute.url).content.decode()
    with translation.override("sq"):
        label = translation.gettext("Amended by")
    assert label in html and amendment.url in html
    html = client.get(amendment.url).content.decode()
    with translation.override("sq"):
        label = translation.gettext("Amends")
    assert label in html and statute.url in html


def test_publishing_a_repeal_marks_the_target_repealed(client, acts_index, statute):
    repeal = new_act(acts_index, "repeals-statute", repeals=[statute])
    repeal.save_revision().publish()
    statute.refresh_from_db()
    assert statute.status == "repealed"
    html = client.get(statute.url).content.decode()
    with translation.override("sq"):
        label = translation.gettext("Repealed by")
    assert label in html and repeal.url in html
    # A later amendment does not bring a repealed act back to "amended".
    new_act(acts_index, "amends-repealed", amends=[statute]).save_revision().publish()
    statute.refresh_from_db()
    assert statute.status == "repealed"


def test_a_draft_amendment_changes_nothing(acts_index, statute):
    draft = new_act(acts_index, "draft-amendment", amends=[statute])
    draft.save_revision()
    statute.refresh_from_db()
    assert statute.status == "in_force"
    assert not draft.live
