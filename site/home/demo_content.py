"""The demo's locales, snippets, home page and section pages; the pages in the
sections come from each app's demo provider (core.demo, home.demo_seed)."""

from django.apps import apps
from django.conf import settings
from wagtail.models import Locale, Page, Site

from core.demo_build import add_live
from home import demo_data
from home.models import HomePage

LOCALES = [code for code, _name in settings.LANGUAGES]


def create_locales():
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code in LOCALES
    }


def create_snippets(model, rows, locales):
    created = {}
    for key, *names in rows:
        name_by_locale = dict(zip(LOCALES, names, strict=True))
        source = model.objects.filter(
            locale=locales["sq"], name=name_by_locale["sq"]
        ).first()
        if source is None:
            source = model.objects.create(
                locale=locales["sq"], name=name_by_locale["sq"]
            )
        for code in LOCALES[1:]:
            if not model.objects.filter(
                translation_key=source.translation_key, locale=locales[code]
            ).exists():
                copy = source.copy_for_translation(locales[code])
                copy.name = name_by_locale[code]
                copy.save()
        created[key] = source
    return created


def site_address():
    """(hostname, port) of BASE_URL, where the demo is served."""
    from urllib.parse import urlsplit

    url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    return url.hostname or "127.0.0.1", url.port or (
        443 if url.scheme == "https" else 80
    )


def create_home(locales):
    home = HomePage.objects.filter(locale=locales["sq"]).first()
    if home is None:
        title, name, intro = demo_data.HOME["sq"]
        home = HomePage(title=title, slug="gjilan", municipality_name=name, intro=intro)
        home, _ = add_live(Page.get_first_root_node(), home, "2018-01-03")
    site = Site.objects.filter(is_default_site=True).first() or Site(
        is_default_site=True, site_name="Transparenca"
    )
    # html_url, the sitemap, feeds and og:url point where the site answers.
    site.hostname, site.port = site_address()
    old_root = site.root_page if site.pk else None
    site.root_page = home
    site.save()
    if old_root is not None and not isinstance(old_root.specific, HomePage):
        old_root.delete()
    fill_municipality(site)
    return home


def fill_municipality(site):
    """The site's municipality setting (core.municipality), as an admin fills it."""
    from core.municipality import MunicipalityName, MunicipalitySettings

    setting = MunicipalitySettings.for_site(site)
    setting.slug = "gjilan"
    setting.save()
    for code, (_title, name, _intro) in demo_data.HOME.items():
        MunicipalityName.objects.update_or_create(
            setting=setting, language=code, defaults={"name": name}
        )


def create_sections(home):
    sections = {}
    for key, model_path, slugs, titles in demo_data.SECTIONS:
        page = apps.get_model(model_path)(
            title=titles["sq"], slug=slugs["sq"], show_in_menus=True
        )
        sections[key], _ = add_live(home, page, "2018-01-03")
    return sections
