"""`push`: a headless CMS sends its items to /api/sources/<slug>/push/ (see
sources.push_views); there is nothing to pull."""

from . import Adapter


class PushAdapter(Adapter):
    pulls = False

    def listing(self):
        return {item.external_id: item.version for item in self.source.items.all()}

    def fetch(self, external_id):
        raise NotImplementedError("push sources send their items")
