"""Which analysis choices earn their keep: the relevance set under variants.

Run against a database holding the demo content:
    .venv/bin/python manage.py shell < bench/relevance_variants.py
Each variant gets its own throw-away index (prefix `relevance_<variant>`).
"""

import io
import sys

from django.test import override_settings

from search import analysis, backend, query
from search.dsl import QueryOptions
from search.rebuild import rebuild

sys.path.insert(0, ".")
from tests.search.test_relevance import CASES  # noqa: E402

BASE_SQ = list(analysis.LANGUAGE_FILTERS["sq"])
BASE_SR = list(analysis.LANGUAGE_FILTERS["sr"])
BASE_TR = list(analysis.LANGUAGE_FILTERS["tr"])
VARIANTS = {
    "chosen": {},
    "no_hunspell_sq": {"sq": [f for f in BASE_SQ if f != "sq_hunspell"]},
    "no_prefix_fields": {"prefix": False},
    "no_fuzziness": {"fuzziness": "0"},
    "folding_only": {
        "sq": [f for f in BASE_SQ if f != "sq_hunspell"],
        "prefix": False,
        "fuzziness": "0",
    },
    "hunspell_only_sq": {"prefix": False, "fuzziness": "0"},
    "prefix_only_sq": {
        "sq": [f for f in BASE_SQ if f != "sq_hunspell"],
        "fuzziness": "0",
    },
    "no_serbian_stemmer": {"sr": [f for f in BASE_SR if f != "sr_stemmer"]},
    "no_turkish_stemmer": {"tr": [f for f in BASE_TR if f != "tr_stemmer"]},
}


def run(name, variant):
    analysis.LANGUAGE_FILTERS.update(sq=BASE_SQ, sr=BASE_SR, tr=BASE_TR)
    for code in ("sq", "sr", "tr"):
        if code in variant:
            analysis.LANGUAGE_FILTERS[code] = variant[code]
    # The query's own toggles are passed in; production code keeps the defaults.
    options = QueryOptions(
        fuzziness=variant.get("fuzziness", QueryOptions.fuzziness),
        prefix_fields=variant.get("prefix", QueryOptions.prefix_fields),
    )
    with override_settings(SEARCH_INDEX_PREFIX=f"relevance_{name}"):
        rebuild(out=io.StringIO())
        misses, first = [], 0
        for q, locale, expected in CASES:
            answer = query.search(query.parse_params({"q": q}, locale), options)
            titles = [r["title"] for r in answer["results"][:3]]
            if not any(expected in t for t in titles):
                misses.append(q)
            elif expected in titles[0]:
                first += 1
        es = backend.client(timeout=30)
        es.indices.delete(index="relevance_*", ignore_unavailable=True)
        es.close()
    hits = len(CASES) - len(misses)
    print(
        f"{name:20} top3 {hits}/{len(CASES)}, first {first}/{len(CASES)}; "
        f"missed: {', '.join(misses) or '-'}"
    )


for name, variant in VARIANTS.items():
    run(name, variant)
analysis.LANGUAGE_FILTERS.update(sq=BASE_SQ, sr=BASE_SR, tr=BASE_TR)
