"""Demo content of one directorate in a local Plone site, through plone.restapi:
acts, a decision, a notice and a press release in Albanian with Serbian
translations, one private item and one draft waiting for review. Idempotent
(an item that exists is left alone). Standard library only, so any python3 runs it.

    python3 plone/demo_content.py [--url http://127.0.0.1:8080/Plone]
"""

import argparse
import base64
import json
import sys
import urllib.error
import urllib.request

FOLDER = {
    "sq": ("urbanizmi", "Drejtoria e Urbanizmit"),
    "sr": ("urbanizam", "Direkcija za urbanizam"),
}

# (id, type, state, fields, {sr id: sr fields}); dates are the office's own.
ITEMS = [
    (
        "rregullorja-per-ndertimet-e-perkohshme",
        "transparenca_act",
        "published",
        {
            "title": "Rregullorja për ndërtimet e përkohshme",
            "description": "Kushtet për objektet e përkohshme në hapësira publike.",
            "official_number": "01-016/18",
            "act_type": "regulation",
            "issuing_body": "assembly",
            "adoption_date": "2018-02-27",
            "entry_into_force_date": "2018-03-15",
            "legal_basis": "Ligji për ndërtim, neni 12",
            "status": "in_force",
        },
        (
            "pravilnik-o-privremenim-objektima",
            {
                "title": "Pravilnik o privremenim objektima",
                "description": "Uslovi za privremene objekte na javnim površinama.",
            },
        ),
    ),
    (
        "plani-rregullues-qendra",
        "transparenca_act",
        "published",
        {
            "title": "Plani rregullues urban «Qendra»",
            "description": "Plani rregullues për zonën qendrore të qytetit.",
            "official_number": "01-350/18",
            "act_type": "plan",
            "issuing_body": "assembly",
            "adoption_date": "2018-05-31",
            "status": "consultation",
        },
        (
            "regulacioni-plan-centar",
            {
                "title": "Urbanistički regulacioni plan «Centar»",
                "description": "Regulacioni plan za centralnu zonu grada.",
            },
        ),
    ),
    (
        "vendim-per-leje-ndertimi-shkolla",
        "transparenca_decision",
        "published",
        {
            "title": "Vendim për lejen e ndërtimit të shkollës në Malishevë",
            "description": "Leja e ndërtimit për shkollën fillore.",
            "decision_number": "351-04/18",
            "decision_date": "2018-04-10",
            "issuing_body": "directorate",
        },
        (
            "odluka-o-gradjevinskoj-dozvoli-skola",
            {
                "title": "Odluka o građevinskoj dozvoli za školu u Mališevu",
                "description": "Građevinska dozvola za osnovnu školu.",
            },
        ),
    ),
    (
        "degjim-publik-plani-qendra",
        "transparenca_notice",
        "published",
        {
            "title": "Njoftim për dëgjim publik për planin rregullues «Qendra»",
            "description": "Dëgjimi publik mbahet më 20 qershor 2018 në ora 11:00.",
            "valid_until": "2018-06-20",
        },
        (
            "javna-rasprava-plan-centar",
            {
                "title": "Obaveštenje o javnoj raspravi o planu «Centar»",
                "description": "Javna rasprava održava se 20. juna 2018. u 11:00.",
            },
        ),
    ),
    (
        "rregullimi-i-shtratit-te-lumit",
        "transparenca_press_release",
        "published",
        {
            "title": "Fillon rregullimi i shtratit të lumit Stanishorka",
            "description": "Drejtoria e Urbanizmit nis punimet në shtratin e lumit.",
        },
        (
            "uredjenje-korita-reke",
            {
                "title": "Počinje uređenje korita reke Stanišorke",
                "description": "Direkcija za urbanizam počinje radove na koritu reke.",
            },
        ),
    ),
    (
        "shenim-i-brendshem-lendet",
        "transparenca_notice",
        "private",
        {
            "title": "Shënim i brendshëm: lëndët në pritje",
            "description": "Vetëm për stafin e drejtorisë; nuk publikohet.",
        },
        None,
    ),
    (
        "projekt-rregullorja-per-parkingjet",
        "transparenca_act",
        "pending",
        {
            "title": "Projekt-rregullorja për parkingjet publike",
            "description": "Në shqyrtim: pret aprovimin e rishikuesit.",
            "official_number": "01-410/18",
            "act_type": "regulation",
            "status": "consultation",
        },
        None,
    ),
]


class Plone:
    def __init__(self, url, user, password):
        self.url = url.rstrip("/")
        token = base64.b64encode(f"{user}:{password}".encode()).decode()
        self.auth = f"Basic {token}"

    def call(self, method, path, data=None):
        # The URL is the operator's own --url of a local Plone.
        request = urllib.request.Request(  # noqa: S310
            self.url + path,
            data=json.dumps(data).encode() if data is not None else None,
            method=method,
            headers={
                "Accept": "application/json",
                "Content-Type": "application/json",
                "Authorization": self.auth,
            },
        )
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            body = response.read()
        return json.loads(body) if body else None

    def get(self, path):
        try:
            return self.call("GET", path)
        except urllib.error.HTTPError as exc:
            if exc.code == 404:
                return None
            raise

    def ensure(self, parent, item_id, portal_type, fields, translation_of=None):
        existing = self.get(f"{parent}/{item_id}")
        if existing:
            return existing, False
        data = dict(fields, **{"@type": portal_type, "id": item_id})
        if translation_of:
            data["translation_of"] = translation_of
            data["language"] = parent.strip("/").split("/")[0]
        return self.call("POST", parent, data), True

    def move_to(self, path, state):
        # Acts and decisions go through review; the Zope admin may publish
        # what it submitted (the demo has one editor).
        steps = {
            "published": ["submit", "publish"],
            "pending": ["submit"],
            "private": [],
        }[state]
        current = self.call("GET", path + "/@workflow")["state"]["id"]
        if current != "private":
            return
        for transition in steps:
            try:
                self.call("POST", f"{path}/@workflow/{transition}")
            except urllib.error.HTTPError as exc:
                # simple_publication_workflow publishes straight from private.
                if not (exc.code == 400 and transition == "submit"):
                    raise


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8080/Plone")
    parser.add_argument("--user", default="admin")
    parser.add_argument("--password", default="admin")
    args = parser.parse_args()
    plone = Plone(args.url, args.user, args.password)

    sq_id, sq_title = FOLDER["sq"]
    sr_id, sr_title = FOLDER["sr"]
    folder, _new = plone.ensure("/sq", sq_id, "Folder", {"title": sq_title})
    plone.move_to(f"/sq/{sq_id}", "published")
    plone.ensure("/sr", sr_id, "Folder", {"title": sr_title}, folder["UID"])
    plone.move_to(f"/sr/{sr_id}", "published")

    for item_id, portal_type, state, fields, translation in ITEMS:
        item, created = plone.ensure(f"/sq/{sq_id}", item_id, portal_type, fields)
        plone.move_to(f"/sq/{sq_id}/{item_id}", state)
        line = f"{'created' if created else 'exists '} {state:9} /sq/{sq_id}/{item_id}"
        print(line)
        if translation:
            sr_item_id, sr_fields = translation
            # Language-independent fields (numbers, dates) come with the original.
            sr_all = dict(fields, **sr_fields)
            _item, created = plone.ensure(
                f"/sr/{sr_id}", sr_item_id, portal_type, sr_all, item["UID"]
            )
            plone.move_to(f"/sr/{sr_id}/{sr_item_id}", state)
            verb = "created" if created else "exists "
            print(f"{verb} {state:9} /sr/{sr_id}/{sr_item_id}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
