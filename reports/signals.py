from django.dispatch import receiver
from wagtail.signals import page_published

from .models import TransparencyReportPage


@receiver(page_published, sender=TransparencyReportPage)
def freeze_figures_on_publish(sender, instance, **kwargs):
    # A published report keeps the figures it had on the day it was published.
    instance.freeze()
