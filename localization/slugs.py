"""ASCII slugs for every language (WAGTAIL_ALLOW_UNICODE_SLUGS = False).

Django's slugify only strips accents: it drops Cyrillic, Turkish "ı" and "đ"
entirely. Serbian Cyrillic is first written in Serbian Latin (Vuk Karadžić's
alphabet, so "Џ" becomes "Dž", not anyascii's Russian-style "Dzh"), then
anyascii (a Wagtail dependency) transliterates what is left.
"""

from anyascii import anyascii
from django.utils.text import slugify

_CYRILLIC = "АБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШ"
_LATIN = [
    "A", "B", "V", "G", "D", "Dj", "E", "Ž", "Z", "I", "J", "K", "L", "Lj", "M",
    "N", "Nj", "O", "P", "R", "S", "T", "Ć", "U", "F", "H", "C", "Č", "Dž", "Š",
]  # fmt: skip
SERBIAN_LATIN = str.maketrans(
    {
        **dict(zip(_CYRILLIC, _LATIN, strict=True)),
        **dict(zip(_CYRILLIC.lower(), [s.lower() for s in _LATIN], strict=True)),
        # In ASCII Serbian writes Ђ/đ as "dj" (anyascii would give "d").
        "Đ": "Dj",
        "đ": "dj",
    }
)


def ascii_slug(text):
    """An ASCII slug of `text` in any of the site's languages.

    >>> ascii_slug("Одлука о Ђурђевдану")
    'odluka-o-djurdjevdanu'
    """
    latin = str(text).translate(SERBIAN_LATIN)
    return slugify(anyascii(latin))
