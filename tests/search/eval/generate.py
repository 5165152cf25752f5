"""Generate the evaluation set: pages.jsonl and queries.jsonl, deterministically.

    .venv/bin/python tests/search/eval/generate.py

Pages: every category in every municipality several times (near-duplicates
that differ in the neighbourhood, village, date or number), Albanian first,
with Serbian (Cyrillic where the municipality writes it), Turkish and English
versions of some. Queries: written from the citizen's side (queries.py), each
answered by every page whose details match the ones the query names.
"""

import json
import random
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from municipalities import (  # noqa: E402
    HOODS,
    HOODS_SR,
    MONTHS,
    MUNICIPALITIES,
    SCHOOLS,
    VILLAGES,
    VILLAGES_SR,
    cyrillic,
    latin,
)
from queries import QUERIES  # noqa: E402
from templates import PAGES, SLOTS  # noqa: E402

SEED = 15
PER_CATEGORY = 4  # items per category and municipality
KINDS = ["short", "long", "paraphrase", "other_script", "no_diacritics", "typo",
         "reference"]  # fmt: skip
PER_KIND = 40
TURKISH = {"prizren", "mamusha", "prishtina", "gjilan", "mitrovica", "vushtrri"}
# The slots a query can name; answers are the pages agreeing on all of them.
KEY_SLOTS = ["mun", "ref", "hood", "village", "school", "n", "year", "day", "month",
             "sector_sq", "work_sq", "subject_sq", "subject_school_sq", "animal_sq",
             "work_done_sq"]  # fmt: skip


def fold(text):
    text = text.replace("ë", "e").replace("Ë", "E").replace("đ", "dj")
    text = text.replace("ı", "i").replace("İ", "I")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def iso_date(values):
    return f"{values['year']}-{values['month_index']:02d}-{values['day']:02d}"


def reference(rng, category, year, used):
    while True:
        yy = str(year)[2:]
        if category == "decision":
            office = rng.choice(["01", "02", "05", "016"])
            ref = f"{office}-{rng.randint(1, 999):03d}/{yy}"
        elif category == "tender":
            ref = f"{rng.randint(600, 699)}-{yy}-{rng.randint(1000, 9999)}-5-2-1"
        else:
            ref = f"DKA-{rng.randint(1, 400):03d}/{yy}"
        if ref not in used:
            used.add(ref)
            return ref


def slot_values(rng, muni, category, index, taken):
    slug, sq, gen, sr, sr_gen, tr, _ = muni
    year = rng.randint(2018, 2024)
    month = rng.randint(1, 12)
    values = {
        "slug": slug, "year": year, "month_index": month, "day": rng.randint(1, 28),
        "n": rng.randint(1, 60), "h1": f"{rng.randint(7, 11):02d}:00",
        "h2": f"{rng.randint(13, 18):02d}:00",
    }  # fmt: skip
    # Distinct neighbourhood/village/session number within a municipality.
    for name, pool in (("hood", HOODS), ("village", VILLAGES), ("school", SCHOOLS)):
        choices = [v for v in pool if (slug, category, name, v) not in taken]
        values[name] = rng.choice(choices)
        taken.add((slug, category, name, values[name]))
    while (slug, category, "n", values["n"]) in taken:
        values["n"] += 1
    taken.add((slug, category, "n", values["n"]))
    if category in SLOTS:
        values.update(SLOTS[category][index % len(SLOTS[category])])
    return values


def render(template, values, lang, muni):
    slug, sq, gen, sr, sr_gen, tr, _ = muni
    names = {"sq": (sq, gen), "sr": (sr, sr_gen), "tr": (tr, tr), "en": (sq, sq)}
    mun, genitive = names[lang]
    hood, village = values["hood"], values["village"]
    if lang == "sr":
        hood, village = HOODS_SR[hood], VILLAGES_SR[village]
    fields = {
        **values, "mun": mun, "gen": genitive, "hood": hood, "village": village,
        "month": MONTHS[lang][values["month_index"] - 1],
        "mm": f"{values['month_index']:02d}",
    }  # fmt: skip
    return template.format(**fields)


def build_pages(rng):
    pages, used_refs, taken = [], set(), set()
    for muni in MUNICIPALITIES:
        slug, cyr = muni[0], muni[6]
        for category, spec in PAGES.items():
            for index in range(PER_CATEGORY):
                values = slot_values(rng, muni, category, index, taken)
                if category in ("decision", "tender", "vacancy"):
                    values["ref"] = reference(rng, category, values["year"], used_refs)
                group = f"{slug}-{category}-{index}"
                langs = ["sq"]
                if cyr or rng.random() < 0.35:
                    langs.append("sr")
                if slug in TURKISH and rng.random() < 0.6:
                    langs.append("tr")
                if rng.random() < 0.12:
                    langs.append("en")
                for lang in langs:
                    title, summary, body = (
                        render(t, values, lang, muni) for t in spec[lang]
                    )
                    script = "latin"
                    if lang == "sr" and cyr:
                        title, summary, body = map(cyrillic, (title, summary, body))
                        script = "cyrillic"
                    pages.append({
                        "id": f"{group}-{lang}", "group": group, "municipality": slug,
                        "category": category, "type": spec["type"], "locale": lang,
                        "script": script, "title": title, "summary": summary,
                        "body": body, "reference": values.get("ref", ""),
                        "date": iso_date(values),
                        "slots": {**values, "mun": slug},
                    })  # fmt: skip
    return pages


def answers_for(template, page, by_category, lang):
    """Groups of every page in the query's language that agrees with `page` on
    the slots the query names."""
    named = set(re.findall(r"{(\w+)}", template))
    named = {"mun" if n == "gen" else n for n in named}
    named = {n[:-3] + "_sq" if n[-3:] in ("_sr", "_tr", "_en") else n for n in named}
    named |= {"month"} if "month" in named else set()
    keys = [k for k in KEY_SLOTS if k in named and k != "month"]
    if "month" in named:
        keys.append("month_index")
    wanted = {k: page["values"].get(k) for k in keys}
    return sorted({
        other["group"] for other in by_category[page["category"]]
        if lang in other["versions"]
        and all(other["values"].get(k) == v for k, v in wanted.items())
    })  # fmt: skip


def typo(rng, text):
    words = [w for w in text.split() if len(w) >= 6 and not w[0].isupper()]
    if not words:
        return None
    word = rng.choice(words)
    i = rng.randint(1, len(word) - 3)
    mistakes = [
        word[:i] + word[i + 1] + word[i] + word[i + 2 :],  # swapped letters
        word[:i] + word[i + 1 :],  # a letter left out
        word[:i] + word[i] + word[i:],  # a letter doubled
    ]
    return text.replace(word, rng.choice(mistakes), 1)


def build_queries(rng, pages):
    groups = {}
    for page in pages:
        groups.setdefault(page["group"], []).append(page)
    items = []
    for group, versions in groups.items():
        first = versions[0]
        values = dict(first["slots"])
        items.append({"group": group, "category": first["category"], "values": values,
                      "versions": {p["locale"]: p for p in versions}})  # fmt: skip
    by_category = {}
    for item in items:
        by_category.setdefault(item["category"], []).append(item)
    munis = {m[0]: m for m in MUNICIPALITIES}
    queries, seen = [], set()

    def add(kind, lang, text, template, item):
        answers = answers_for(template, item, by_category, lang)
        if text in seen or len(answers) > 2 or item["group"] not in answers:
            return False
        seen.add(text)
        queries.append({"id": f"q{len(queries) + 1:04d}", "q": text, "locale": lang,
                        "kind": kind, "category": item["category"],
                        "answers": answers})  # fmt: skip
        return True

    def text_of(item, lang, kind_templates):
        template = rng.choice(kind_templates)
        values = item["values"]
        return render(template, values, lang, munis[values["mun"]]), template

    for kind in KINDS:
        made, attempts = 0, 0
        while made < PER_KIND and attempts < 5000:
            attempts += 1
            item = rng.choice(items)
            if kind == "other_script":
                if "sr" not in item["versions"]:
                    continue
                lang = "sr"
            elif kind == "reference":
                if "ref" not in item["values"]:
                    continue
                lang = rng.choice(list(item["versions"]))
            else:
                weights = {"sq": 6, "sr": 3, "tr": 1, "en": 1}
                present = list(item["versions"])
                lang = rng.choices(present, [weights[x] for x in present])[0]
            templates = QUERIES[item["category"]][lang]
            if kind == "reference":
                ref = item["values"]["ref"]
                word = {"sq": "nr.", "sr": "br.", "tr": "sayılı", "en": "no."}[lang]
                text = rng.choice([ref, ref, ref.upper(), f"{word} {ref}"])
                made += add(kind, lang, text, "{ref}", item)
                continue
            base = {"long": "long", "paraphrase": "paraphrase"}.get(kind, "short")
            text, template = text_of(item, lang, templates[base])
            if kind == "other_script":
                page = item["versions"]["sr"]
                text = latin(text) if page["script"] == "cyrillic" else cyrillic(text)
            elif kind == "no_diacritics":
                if lang == "en" or fold(text) == text:
                    continue
                text = fold(text).lower()
            elif kind == "typo":
                text = typo(rng, text)
                if not text:
                    continue
            made += add(kind, lang, text, template, item)
    return queries


def main():
    rng = random.Random(SEED)  # noqa: S311 - reproducible data, not secrets
    pages = build_pages(rng)
    queries = build_queries(rng, pages)
    with open(HERE / "pages.jsonl", "w", encoding="utf-8") as out:
        for page in pages:
            out.write(json.dumps(page, ensure_ascii=False) + "\n")
    with open(HERE / "queries.jsonl", "w", encoding="utf-8") as out:
        for query in queries:
            out.write(json.dumps(query, ensure_ascii=False) + "\n")
    print(f"{len(pages)} pages, {len(queries)} queries")


if __name__ == "__main__":
    main()
