"""Page tree repairs.

wagtail-localize publishes a translated page on commit from its revision, whose
copy of treebeard's `numchild` predates the children translated in the same
transaction (wagtail-localize #773): the parent then looks childless and its
children 404. Recounting after commit repairs it.
"""

from wagtail.models import Page


def repair_child_counts(pages=None):
    """Recount `numchild` for the given pages (default: every page).

    Returns:
        The number of pages whose count was wrong.
    """
    pages = Page.objects.all() if pages is None else pages
    repaired = 0
    for page in pages.only("id", "path", "depth", "numchild"):
        actual = Page.objects.filter(
            path__startswith=page.path, depth=page.depth + 1
        ).count()
        if actual != page.numchild:
            Page.objects.filter(pk=page.pk).update(numchild=actual)
            repaired += 1
    return repaired
