"""The accessibility statement names the site's municipality from its
per-site setting (core.municipality), in the visitor's language, like the rest
of the site: another municipality's site never says "Gjilan"."""

import pytest

from tests.municipality import rename_municipality

INTROS = {
    "sq": "Komuna e Gjilanit dëshiron që çdokush ta përdorë këtë uebfaqe",
    "sr": "Opština Gnjilane želi da svako može da koristi ovaj veb-sajt",
    "tr": "Gilan Belediyesi, yetenekleri ve kullandığı cihaz ne olursa olsun",
    "en": "Municipality of Gjilan wants everyone to be able to use this website",
}


def intro(client, code):
    html = client.get(f"/{code}/aksesueshmeria/").content.decode()
    return html.split('<p class="intro">')[1].split("</p>")[0]


@pytest.mark.parametrize("code", INTROS)
def test_the_intro_names_the_configured_municipality(client, demo_site, code):
    assert intro(client, code).startswith(INTROS[code])


def test_another_municipality_is_named_in_each_language(client, demo_site):
    rename_municipality(demo_site)
    assert intro(client, "sq").startswith("Komuna e Kamenicës dëshiron që çdokush")
    assert intro(client, "sr").startswith("Opština Kamenica želi da svako")
    for code in ["sq", "sr"]:
        assert "Gjilan" not in intro(client, code)
        assert "Gnjilane" not in intro(client, code)
