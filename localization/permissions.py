"""Translator groups: one per target locale, allowed to edit only that locale."""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page

GROUP_PREFIX = "Translators ("


def group_name(language_code):
    return f"{GROUP_PREFIX}{language_code})"


def target_language_codes():
    return [
        code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE
    ]


def translator_languages(user):
    """Language codes whose translator group the user belongs to."""
    if not user.is_authenticated:
        return set()
    names = user.groups.filter(name__startswith=GROUP_PREFIX).values_list(
        "name", flat=True
    )
    return {name[len(GROUP_PREFIX) : -1] for name in names}


def is_translator_only(user):
    """True for a translator who holds no page permission outside the translator
    groups, i.e. whose edits must stay inside their own languages."""
    if user.is_superuser or not translator_languages(user):
        return False
    return not (
        user.groups.exclude(name__startswith=GROUP_PREFIX)
        .filter(page_permissions__isnull=False)
        .exists()
    )


def may_edit_locale(user, language_code):
    if not is_translator_only(user):
        return True
    return language_code in translator_languages(user)


def grant_translator_page_permissions():
    """Give each translator group edit and publish rights on its locale's
    tree(s), then bring the editors' and moderators' publish rights in step
    with the four-eyes review (both depend on which pages exist).

    Every locale has its own home page under the root, so a permission on that
    home is a per-locale permission. Translators publish their translations
    themselves, acts included: the text they translate was approved in the
    source language and its official facts are synchronized from it.
    Returns the number of translator grants added.
    """
    from municipal_acts.workflows import sync_publish_permissions

    permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore",
        codename__in=["change_page", "publish_page"],
    )
    added = 0
    for code in target_language_codes():
        group = Group.objects.filter(name=group_name(code)).first()
        if group is None:
            continue
        for home in Page.objects.filter(depth=2, locale__language_code=code):
            for permission in permissions:
                _perm, created = GroupPagePermission.objects.get_or_create(
                    group=group, page=home, permission=permission
                )
                added += int(created)
    sync_publish_permissions()
    return added
