"""Where documents live: outside MEDIA_ROOT, with no public URL.

A document in a restricted collection must only reach people Wagtail's serve
view lets through (`/documents/<id>/<name>`, which checks collection view
restrictions). Under MEDIA_ROOT it would also be downloadable from `/media/`
(the dev server, or nginx serving MEDIA_ROOT in production). Images stay under
MEDIA_ROOT: they are public by design and nginx serves them fast.
"""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.utils.functional import cached_property


def private_root():
    """PRIVATE_MEDIA_ROOT, or `<MEDIA_ROOT>-private` beside MEDIA_ROOT."""
    configured = getattr(settings, "PRIVATE_MEDIA_ROOT", None)
    if configured:
        return Path(configured)
    media = Path(settings.MEDIA_ROOT)
    return media.with_name(f"{media.name}-private")


class PrivateDocumentStorage(FileSystemStorage):
    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, str(private_root()))

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PRIVATE_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    def url(self, name):
        # Wagtail's serve view treats NotImplementedError as "no direct URL" and
        # streams the file itself after its permission checks.
        raise NotImplementedError("Documents are served only by Wagtail's view.")


def document_storage():
    return storages["documents"]
