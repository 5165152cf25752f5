"""core.locales: the default and content languages come from settings."""

from core.locales import content_language_codes, default_language_code


def test_the_site_default_is_its_language_code(settings):
    assert default_language_code() == settings.LANGUAGE_CODE == "sq"
    assert content_language_codes() == ["sq", "sr", "tr", "en"]


def test_another_municipality_sets_its_own_default(settings):
    settings.LANGUAGE_CODE = "tr"
    assert default_language_code() == "tr"
    assert content_language_codes() == ["tr", "sq", "sr", "en"]


def test_a_regional_variant_resolves_to_the_content_language(settings):
    settings.LANGUAGE_CODE = "sr-latn"
    assert default_language_code() == "sr"


def test_content_languages_follow_the_setting(settings):
    settings.WAGTAIL_CONTENT_LANGUAGES = [("en", "English"), ("sq", "Shqip")]
    settings.LANGUAGE_CODE = "en"
    assert content_language_codes() == ["en", "sq"]
