import pytest
from wagtail.models import Page, PageViewRestriction


@pytest.fixture
def press_index(demo_site):
    from press.models import PressIndexPage

    return PressIndexPage.objects.get(locale__language_code="sq")


@pytest.fixture
def hidden_pages(press_index):
    """A draft and a page behind a password, both under the sq press index."""
    from press.models import PressReleasePage

    draft = PressReleasePage(
        title="Draft press release never published",
        slug="draft-never-published",
        summary="secret draft",
        publication_date="2018-03-01",
        live=False,
    )
    press_index.add_child(instance=draft)
    draft.save_revision()
    private = PressReleasePage(
        title="Private press release behind a password",
        slug="private-press-release",
        summary="secret private",
        publication_date="2018-03-01",
    )
    press_index.add_child(instance=private)
    private.save_revision().publish()
    PageViewRestriction.objects.create(
        page=private, restriction_type="password", password="s3cret"
    )
    return {"draft": Page.objects.get(pk=draft.pk), "private": private}
