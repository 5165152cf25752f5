"""Demo items that exercise search: Serbian in Cyrillic, Turkish İ/ı, Albanian
diacritics and a phrase that exists only inside a PDF attachment."""

from datetime import date

from django.apps import apps
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Locale

from .demo_pdf import minimal_pdf

PDF_TITLE = "Aneksi i buxhetit 2019: investimet kapitale"
PDF_LINES = [
    "Aneksi i vendimit për miratimin e buxhetit komunal për vitin 2019",
    "Tabela 4. Investimet kapitale sipas drejtorive",
    "Rikonstruimi i ujësjellësit në fshatin Përlepnicë: 180.000 euro",
    "Ndriçimi publik në lagjen Arbëria: 45.000 euro",
]

# (locale, section key, model, slug, title, summary, day)
PAGES = [
    (
        "sr",
        "decisions",
        "municipal_acts.DecisionPage",
        "odluka-o-javnoj-rasveti",
        "Одлука о јавној расвети у насељу Арберија",
        "Општина Гњилане поставља нову јавну расвету у насељу Арберија.",
        "2018-05-17",
    ),
    (
        "sr",
        "press",
        "press.PressReleasePage",
        "saopstenje-ciscenje-ulica",
        "Saopštenje o čišćenju gradskih ulica i đačkih igrališta",
        "Javno preduzeće čisti ulice i đačka igrališta u centru grada.",
        "2018-04-09",
    ),
    (
        "tr",
        "press",
        "press.PressReleasePage",
        "ihale-ilani-isiklandirma",
        "İhale ilanı: Işıklandırma sisteminin yenilenmesi",
        "Belediye, şehir merkezindeki ışıklandırma sistemini yenilemek için "
        "ihaleye çıkıyor. İlgili firmalar başvurabilir.",
        "2018-05-21",
    ),
    (
        "sq",
        "press",
        "press.PressReleasePage",
        "komunikate-keshilli-per-siguri",
        "Komunikatë: Këshilli Komunal për Siguri në Bashkësi mblidhet",
        "Këshilli Komunal për Siguri në Bashkësi shqyrtoi gjendjen e sigurisë "
        "në shkollat e qytetit.",
        "2018-06-14",
    ),
    (
        "en",
        "press",
        "press.PressReleasePage",
        "quarterly-spending-reports",
        "Municipality publishes quarterly spending reports",
        "Every directorate's spending is reported to citizens each quarter.",
        "2018-06-20",
    ),
]


def create_search_demo(command, sections, budget_decision, departments):
    """Idempotent: existing slugs are left alone."""
    for code, key, model_path, slug, title, summary, day in PAGES:
        locale = Locale.objects.get(language_code=code)
        parent = sections[key].get_translation_or_none(locale)
        if parent is None:
            continue
        model = apps.get_model(model_path)
        fields = {
            "title": title,
            "slug": slug,
            "locale": locale,
            "summary": summary,
            "body": [{"type": "paragraph", "value": f"<p>{summary}</p>"}],
            "publication_date": date.fromisoformat(day),
            "department": departments["zip"].get_translation_or_none(locale),
        }
        if model_path.endswith("DecisionPage"):
            fields.update(decision_date=date.fromisoformat(day), issuing_body="mayor")
        command.publish(parent.specific, model(**fields), day)
    attach_budget_annex(budget_decision)


def attach_budget_annex(decision):
    document_model = get_document_model()
    document = document_model.objects.filter(title=PDF_TITLE).first()
    if document is None:
        document = document_model(title=PDF_TITLE, language="sq")
        document.file.save(
            "aneksi-buxheti-2019.pdf",
            ContentFile(minimal_pdf(PDF_LINES, PDF_TITLE)),
            save=False,
        )
        document._set_document_file_metadata()
        document.save()
    decision = decision.specific
    decision.refresh_from_db()
    if not any(block.value["document"] == document for block in decision.attachments):
        decision.attachments.append(("attachment", {"document": document, "title": ""}))
        # Part of the decision as first published: its revision is amended in
        # place rather than republished (which would date it today and mark
        # its translations out of date).
        decision.save(update_fields=["attachments"])
        revision = decision.live_revision
        revision.content["attachments"] = decision.attachments.get_prep_value()
        revision.save(update_fields=["content"])
