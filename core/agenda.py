"""Pages an assembly session's agenda item can name as adopted there.

The sessions app may not name the acts app (that app already points at
sessions: a decision's `session` field), so a page type says it can be adopted
at a session with the class attribute `adoptable_at_session = True`, and the
agenda's chooser offers every such type installed.
"""

from functools import cached_property

from django.apps import apps
from wagtail import blocks
from wagtail.models import Page


def adoptable_page_types():
    """Concrete page models that declared `adoptable_at_session`."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and getattr(model, "adoptable_at_session", False)
    ]


class AdoptedPageChooserBlock(blocks.PageChooserBlock):
    """A page chooser limited to the adoptable types (read when first used, so
    the apps that declare them may load after the block is built)."""

    @cached_property
    def target_models(self):
        return adoptable_page_types() or [Page]

    def deconstruct(self):
        # No page types in migrations: they depend on what a site installs.
        path = "core.agenda.AdoptedPageChooserBlock"
        _name, args, kwargs = super().deconstruct()
        kwargs.pop("page_type", None)
        return path, args, kwargs
