"""The snippets every published item is filed under: who is responsible
(departments), what it is about (topics) and which body issued it."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class Department(TranslatableMixin, models.Model):
    """A municipal directorate or office responsible for published content."""

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)

    history = HistoricalRecords(inherit=False)

    # --- translation (wagtail-localize) ---
    # Contact details are the same office whatever the language.
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("short_name"),
        SynchronizedField("email", overridable=False),
        SynchronizedField("phone", overridable=False),
    ]

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("email"),
        FieldPanel("phone"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Topic(TranslatableMixin, models.Model):
    """A translatable tag: 'buxheti' and 'budžet' are one topic in two languages."""

    name = models.CharField(_("name"), max_length=100)

    history = HistoricalRecords(inherit=False)

    # --- translation (wagtail-localize) ---
    translatable_fields = [TranslatableField("name")]

    panels = [FieldPanel("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self):
        return self.name


class IssuingBody(models.TextChoices):
    ASSEMBLY = "assembly", _("Municipal Assembly")
    MAYOR = "mayor", _("Mayor")
    DIRECTORATE = "directorate", _("Directorate")
