from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """Staff account: editors, translators and information officers."""

    preferred_language = models.CharField(
        _("preferred language"), max_length=10, blank=True
    )
