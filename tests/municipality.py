"""Another municipality's names on a site's setting, for tests that check the
site names whichever municipality it is configured for."""

from core.municipality import MunicipalityName, MunicipalitySettings

KAMENICA = {"sq": "Komuna e Kamenicës", "sr": "Opština Kamenica"}


def rename_municipality(site, names=KAMENICA, slug=None):
    """The site's MunicipalitySettings with `names` per language (and `slug`)."""
    setting = MunicipalitySettings.for_site(site)
    if slug is not None:
        setting.slug = slug
        setting.save()
    for language, name in names.items():
        MunicipalityName.objects.update_or_create(
            setting=setting, language=language, defaults={"name": name}
        )
    return setting
