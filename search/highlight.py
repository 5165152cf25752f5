"""Highlighted titles and snippets, escaped so content can never open a tag."""

import re

from django.utils.html import escape

from .analysis import LANGUAGES

# Private-use code points mark highlights, so escaping cannot touch them.
PRE, POST = "\ue000", "\ue001"
MARKER = re.compile(f"({PRE}|{POST})")
SNIPPET_FIELDS = ["summary", "body", "attachments"]
FRAGMENT = {"fragment_size": 180, "number_of_fragments": 1}
# Snippets come from a text's first characters only: a page of ten hits with
# 200,000 characters of extracted PDF text each (search.indexing.MAX_TEXT)
# cost 409 ms `took` uncapped, 52 ms capped (bench/highlight_bench.py).
# A match further in still finds the page, shown with its summary.
HIGHLIGHT_CHARS = 10_000


def highlight_fields(codes=LANGUAGES):
    fields = {}
    for code in codes:
        fields[f"title_{code}"] = {"number_of_fragments": 0}
        for name in SNIPPET_FIELDS:
            fields[f"{name}_{code}"] = dict(FRAGMENT)
        fields[f"title_{code}.prefix"] = {"number_of_fragments": 0}
    return fields


def highlight_body(texts=None, codes=LANGUAGES):
    """The `highlight` part of a search body; `texts` are the query's words
    and phrases (None without a query), `codes` the languages whose fields
    the hits can have."""
    fields = highlight_fields(codes)
    if texts is not None:
        # The scoring query, rewritten for every highlighted field, costs
        # seconds; a light query per field, naming only that field, costs
        # a fraction of one naming all 32 for each of them
        # (bench/query_profile.py).
        for name, options in fields.items():
            options["highlight_query"] = {
                "bool": {"should": [{"match": {name: text}} for text in texts]}
            }
    return {
        "pre_tags": [PRE],
        "post_tags": [POST],
        "require_field_match": True,
        "max_analyzed_offset": HIGHLIGHT_CHARS,
        "fields": fields,
    }


def strip_markers(text):
    """Text without the highlight sentinels, should the content contain them."""
    return (text or "").replace(PRE, "").replace(POST, "")


def safe_highlight(fragment):
    """Escape everything and turn the sentinels into <mark>, always balanced:
    a sentinel that came from the content itself can't open or close a tag
    out of turn."""
    out, marking = [], False
    for part in MARKER.split(fragment):
        if part == PRE:
            if not marking:
                out.append("<mark>")
            marking = True
        elif part == POST:
            if marking:
                out.append("</mark>")
            marking = False
        else:
            out.append(escape(part))
    if marking:
        out.append("</mark>")
    return "".join(out)


def pick_highlight(highlight, names):
    for name in names:
        for key in (name, f"{name}.prefix"):
            fragments = highlight.get(key)
            if fragments:
                return safe_highlight(" … ".join(fragments))
    return ""


def plain_snippet(summary, length=240):
    summary = strip_markers(summary)
    return escape(summary[:length] + ("…" if len(summary) > length else ""))
