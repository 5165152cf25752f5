"""When the cached navigation (home/templatetags/navigation.py) goes stale: a
page published, unpublished, moved or deleted (titles, menus, the latest report),
a privacy change, a site's root, or the office's contact settings."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import OfficeContactSettings
from .templatetags.navigation import invalidate


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def page_changed(sender, **kwargs):
    invalidate()


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        invalidate()


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
@receiver(post_save, sender=Site)
def restriction_or_site_changed(sender, **kwargs):
    invalidate()


@receiver(post_save, sender=OfficeContactSettings)
def contact_changed(sender, created, **kwargs):
    # Created on first use with the defaults: nothing cached is stale yet.
    if not created:
        invalidate()
