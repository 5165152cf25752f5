"""Reactions to publishing: repair the tree after translations, tell translators
about new work and editors about finished translations."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ObjectDoesNotExist
from django.core.mail import send_mail
from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils import translation as i18n
from django.utils.translation import gettext as _
from wagtail.models import Page, Site
from wagtail.signals import page_published
from wagtail_localize.models import StringTranslation, Translation

from core.tree import repair_child_counts

from .calendar import due_date
from .permissions import grant_translator_page_permissions, group_name
from .slugs import ascii_slug

logger = logging.getLogger("transparenca")


def admin_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


@receiver(page_published)
def after_publish(sender, instance, **kwargs):
    if instance.depth <= 3:
        # A new home or section changes who may publish where.
        transaction.on_commit(grant_translator_page_permissions)
    if instance.locale.language_code == settings.LANGUAGE_CODE:
        if instance.depth > 2:
            transaction.on_commit(lambda: notify_translators(instance.pk))
        return
    # wagtail-localize publishes translations on commit from revisions whose
    # numchild predates children translated in the same transaction (#773).
    page_ids = [instance.pk, instance.get_parent().pk]

    def repair():
        repair_child_counts(Page.objects.filter(pk__in=page_ids))
        Site.clear_site_root_paths_cache()

    transaction.on_commit(repair)


def notify_translators(page_id):
    page = Page.objects.filter(pk=page_id).live().first()
    if page is None:
        return
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    published = page.last_published_at or page.first_published_at
    for code, _name in settings.LANGUAGES:
        if code == settings.LANGUAGE_CODE:
            continue
        recipients = list(
            users.filter(groups__name=group_name(code))
            .values_list("email", flat=True)
            .distinct()
        )
        if not recipients:
            continue
        with i18n.override(code):
            subject = _("New content to translate: %(title)s") % {"title": page.title}
            body = _(
                "“%(title)s” was published and needs a translation.\n"
                "Due: %(due)s\nLocalization queue: %(url)s\n"
            ) % {
                "title": page.title,
                "due": due_date(published.date()).isoformat(),
                "url": admin_url(reverse("localization_queue") + f"?locale={code}"),
            }
        send_mail(subject, body, None, recipients, fail_silently=True)


@receiver(pre_save, sender=StringTranslation)
def translated_slug_in_ascii(sender, instance, raw=False, **kwargs):
    # A translator typing "Одлука о буџету" as the slug gets "odluka-o-budzetu";
    # wagtail-localize's own slugify would drop every Cyrillic letter.
    if raw or instance.context_id is None or instance.context.path != "slug":
        return
    slug = ascii_slug(instance.data)
    if slug:
        instance.data = slug


@receiver(post_save, sender=StringTranslation)
def after_string_translated(sender, instance, created, raw=False, **kwargs):
    # Only a newly translated string can complete a translation; updating an
    # existing one leaves the progress unchanged.
    if raw or not created or instance.has_error:
        return
    translations = Translation.objects.filter(
        target_locale_id=instance.locale_id,
        enabled=True,
        source__stringsegment__string_id=instance.translation_of_id,
        source__stringsegment__context_id=instance.context_id,
    ).distinct()
    for translation in translations:
        total, done = translation.get_progress()
        if total and done == total:
            transaction.on_commit(
                lambda pk=translation.pk: notify_translation_ready(pk)
            )


def editors_of(instance):
    """Who to tell: the source's owner and whoever last published it."""
    emails = set()
    owner = getattr(instance, "owner", None)
    if owner is not None and owner.email:
        emails.add(owner.email)
    revision = getattr(instance, "live_revision", None)
    if revision is not None and revision.user and revision.user.email:
        emails.add(revision.user.email)
    return sorted(emails)


def notify_translation_ready(translation_id):
    translation = Translation.objects.select_related("source", "target_locale").get(
        pk=translation_id
    )
    try:
        source = translation.source.get_source_instance()
    except ObjectDoesNotExist:  # the source was deleted since
        logger.info("translation %s has no source any more", translation_id)
        return
    recipients = editors_of(source)
    if not recipients:
        return
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist:
        target = None
    link = (
        admin_url(reverse("wagtailadmin_pages:edit", args=[target.pk]))
        if isinstance(target, Page)
        else admin_url(reverse("localization_queue"))
    )
    code = translation.target_locale.language_code
    subject = _("Translation ready to publish: %(title)s (%(code)s)") % {
        "title": str(source),
        "code": code,
    }
    body = _("Every string of “%(title)s” is translated into %(code)s.\n%(url)s\n") % {
        "title": str(source),
        "code": code,
        "url": link,
    }
    send_mail(subject, body, None, recipients, fail_silently=True)
