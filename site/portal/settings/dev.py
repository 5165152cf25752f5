from .base import *  # noqa: F403
from .base import SECRET_KEY

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# One account per role of the office, all with DEMO_PASSWORD (never in production).
DEMO_PASSWORD = "transparenca-demo"
DEMO_USERS = [
    {
        "username": "editor",
        "first_name": "Arta",
        "last_name": "Editore",
        "groups": ["Editors"],
    },
    {
        "username": "moderator",
        "first_name": "Besnik",
        "last_name": "Moderator",
        "groups": ["Moderators"],
    },
    {
        "username": "translator-sr",
        "first_name": "Jelena",
        "groups": ["Translators (sr)"],
    },
    {"username": "translator-tr", "first_name": "Ayşe", "groups": ["Translators (tr)"]},
    {"username": "translator-en", "first_name": "Emma", "groups": ["Translators (en)"]},
    {
        "username": "officer",
        "first_name": "Drita",
        "last_name": "Zyrtare",
        "groups": ["Access-request officers"],
    },
    {"username": "admin", "superuser": True},
]
