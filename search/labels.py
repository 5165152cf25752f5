from django.conf import settings
from django.utils.translation import gettext_lazy as _

TYPE_LABELS = {
    "act": _("Municipal act"),
    "decision": _("Decision"),
    "minutes": _("Minutes"),
    "competition": _("Competition"),
    "press_release": _("Press release"),
    "notice": _("Notice"),
    "invitation": _("Invitation"),
    "session": _("Assembly session"),
    "document": _("Document"),
}


def language_names():
    return dict(settings.LANGUAGES)
