"""The site's own translations: the home and section pages and the report in
every language (each app's demo provider translates its pages, core.demo)."""

from core.demo_build import mapping_for, translate
from home import demo_data
from home.demo_seed import TARGETS


def home_and_sections(home, sections):
    for code in TARGETS:
        title, name, intro = demo_data.HOME[code]
        sq_title, sq_name, sq_intro = demo_data.HOME["sq"]
        mapping = {sq_title: title, sq_name: name, sq_intro: intro}
        translate(home, code, mapping, demo_data.HOME_SLUGS[code], delay_days=0)
        for key, _model, slugs, titles in demo_data.SECTIONS:
            translate(
                sections[key],
                code,
                {titles["sq"]: titles[code]},
                slugs[code],
                delay_days=0,
            )


def report(page):
    texts = {
        field: {code: demo_data.REPORT[code][field] for code in demo_data.REPORT}
        for field in ("title", "introduction", "achievements", "objectives")
    }
    for code in TARGETS:
        translate(page, code, mapping_for(texts, code), demo_data.REPORT[code]["slug"])
