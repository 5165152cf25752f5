"""Which documents the public may see. Wagtail's serve view refuses a document in
a restricted collection, but titles and links printed by pages, the API and the
search index would still give it away: everything public asks here first."""

from wagtail.models import Collection, CollectionViewRestriction


def restricted_collection_ids():
    """Collections whose documents the public may not see: each collection with a
    view restriction, and everything below it (Wagtail checks ancestors too)."""
    ids = set()
    for collection in Collection.objects.filter(
        pk__in=CollectionViewRestriction.objects.values("collection_id")
    ):
        ids.update(
            Collection.objects.descendant_of(collection, inclusive=True).values_list(
                "pk", flat=True
            )
        )
    return ids


def public_documents(documents, restricted=None):
    """The documents of `documents` an anonymous visitor may download."""
    restricted = restricted_collection_ids() if restricted is None else restricted
    return [doc for doc in documents if doc.collection_id not in restricted]


def is_public_document(document, restricted=None):
    return document is not None and bool(public_documents([document], restricted))
