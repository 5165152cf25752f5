"""One adapter per kind of source. An adapter knows how to list what a source
shows an anonymous visitor and how to turn one item into a record for
sources.indexing.normalise(); it never writes to the index itself."""


def get_adapter(source):
    from . import plone, push, transparenca

    adapters = {
        "plone": plone.PloneAdapter,
        "transparenca": transparenca.TransparencaAdapter,
        "push": push.PushAdapter,
    }
    return adapters[source.kind](source)


class Adapter:
    """listing() -> {external id: marker}: every public item, with a marker
    (modified time, version) that changes when the item does; fetch(id) ->
    record (raises remote.Gone when the item is no longer public)."""

    pulls = True

    def __init__(self, source):
        self.source = source

    @property
    def base(self):
        return self.source.base_url.rstrip("/")

    def listing(self):
        raise NotImplementedError

    def fetch(self, external_id):
        raise NotImplementedError

    def fetch_many(self, external_ids):
        """{id: record or None (gone)}; adapters may batch this."""
        from ..remote import Gone

        records = {}
        for external_id in external_ids:
            try:
                records[external_id] = self.fetch(external_id)
            except Gone:
                records[external_id] = None
        return records
