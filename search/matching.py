"""How many words a `minimum_should_match` needs, and when two `multi_match`
clauses ask the same: the search body folds a repeated match into one
(search/dsl.py)."""

import re

# Words the precise matches need per field: up to three all, then all but a quarter.
PRECISE_MATCH = "3<-25%"


def required(count, spec=PRECISE_MATCH):
    """How many of `count` words a `minimum_should_match` of the form
    "3<-25%" needs, as Elasticsearch computes it (Queries.calculateMinShouldMatch)."""
    upper, _, rule = str(spec).rpartition("<")
    if upper and count <= int(upper):
        return count
    number = float(rule.rstrip("%"))
    part = count * number / 100 if rule.endswith("%") else number
    needed = count + int(part) if part < 0 else int(part)
    return min(count, max(needed, 0))


# A run of word characters the standard tokenizer keeps as one word (up to
# its longest, 255); in other scripts (Chinese, Thai...) it may make a word
# of every character.
ONE_WORD = re.compile(r"[0-9A-Za-z_\u00C0-\u024F\u0400-\u04FF]+")
LONGEST_WORD = 255


def most_words(text):
    """The most words (positions) the standard tokenizer, and so every
    language analyzer here, can make of `text`: its filters only drop words
    or put several terms at one position."""
    return sum(
        -(-len(run) // LONGEST_WORD) if ONE_WORD.fullmatch(run) else len(run)
        for run in re.findall(r"\w+", text)
    )


def asks_the_same(match, other):
    """Whether two `multi_match` clauses match the same documents with the
    same score up to their boosts: the same words, fields and fuzziness, and
    as many words required for any number of words a field's analyzer can
    make of the text."""
    rest = ("boost", "minimum_should_match", "_name")
    if {k: v for k, v in match.items() if k not in rest} != {
        k: v for k, v in other.items() if k not in rest
    }:
        return False
    most = most_words(match["query"])
    specs = (match.get("minimum_should_match"), other.get("minimum_should_match"))
    if None in specs:
        return specs[0] == specs[1]
    return all(
        required(count, specs[0]) == required(count, specs[1])
        for count in range(1, most + 1)
    )


def without_repeats_of(precise, alternatives):
    """`alternatives` less any that asks what `precise` asks (the forgiving
    match of one or two words needs every word, as the precise one does): its
    score is then its boost's share of the precise one's, so `precise` takes
    that share into its own boost. The same scores; the words looked up, and
    fuzzily expanded, once instead of twice (BENCHMARKS.md, fifth round)."""
    kept = []
    for clause in alternatives:
        match = clause.get("multi_match")
        if match and asks_the_same(match, precise):
            precise["boost"] = precise.get("boost", 1) + match.get("boost", 1)
        else:
            kept.append(clause)
    return kept
