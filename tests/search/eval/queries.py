# ruff: noqa: E501 - prose templates read better whole than wrapped
"""How citizens ask for a page of each category: keywords, a whole question,
and everyday words where the page uses official ones (none copied from a title).
"""

QUERIES = {
    "water": {
        "sq": {
            "short": ["ujë {hood} {mun}", "ndërprerje uji {hood} {mun}"],
            "long": ["A do të ketë ujë më {day} {month} në lagjen {hood} në {mun}?",
                     "Deri në çfarë ore nuk do të ketë ujë në {hood} në {mun}?"],
            "paraphrase": ["pse nuk po vjen uji në {hood} {mun}", "na e ndalën ujin në {hood} {mun}",
                           "kur kthehet uji në lagjen {hood} të {mun}"],
        },
        "sr": {
            "short": ["voda {hood} {mun}", "nestanak vode {hood} {mun}"],
            "long": ["Da li će {day}. {month} biti vode u naselju {hood} u {mun}?"],
            "paraphrase": ["zašto nema vode u {hood} {mun}", "kada se vraća voda u {hood} {mun}"],
        },
        "tr": {
            "short": ["su {hood} {mun}"],
            "long": ["{day} {month} günü {mun} {hood} mahallesinde su olacak mı?"],
            "paraphrase": ["{mun} {hood} musluktan su gelmiyor"],
        },
        "en": {
            "short": ["water {hood} {mun}"],
            "long": ["Will there be water in {hood} in {mun} on {day} {month}?"],
            "paraphrase": ["no water in {hood} {mun} taps dry"],
        },
    },
    "session": {
        "sq": {
            "short": ["seanca {n} kuvendi {mun}", "kuvendi {mun} {month} {year}"],
            "long": ["Kur mbahet seanca e {n} e Kuvendit Komunal në {mun} dhe çka ka në rend të ditës?"],
            "paraphrase": ["mbledhja e asamblistëve në {mun} {month} {year}",
                           "kur mblidhen këshilltarët e {mun} në {month} {year}"],
        },
        "sr": {
            "short": ["sednica skupštine {mun} {n}"],
            "long": ["Kada se održava {n}. sednica Skupštine opštine u {mun} i šta je na dnevnom redu?"],
            "paraphrase": ["kada se sastaju odbornici u {mun} {month} {year}"],
        },
        "tr": {
            "short": ["{mun} meclis oturumu {n}"],
            "long": ["{mun} belediye meclisinin {n}. oturumu ne zaman yapılacak?"],
            "paraphrase": ["{mun} meclis üyeleri {month} {year} toplanıyor"],
        },
        "en": {
            "short": ["assembly session {n} {mun}"],
            "long": ["When is the {n}th session of the municipal assembly of {mun} and what is on the agenda?"],
            "paraphrase": ["{mun} councillors meeting {month} {year}"],
        },
    },
    "hearing": {
        "sq": {
            "short": ["dëgjim buxhetor {village} {year}", "buxheti {year} {mun} {village}"],
            "long": ["Ku dhe kur mbahet dëgjimi publik për buxhetin e vitit {year} në {village} të {mun}?"],
            "paraphrase": ["takim me qytetarët për paratë e komunës {year} në {village}",
                           "ku mund të kërkoj investime për fshatin {village} {year}"],
        },
        "sr": {
            "short": ["javna rasprava budžet {year} {village}"],
            "long": ["Kada je javna rasprava o budžetu za {year}. u selu {village} u opštini {mun}?"],
            "paraphrase": ["sastanak sa građanima o opštinskom novcu {year} {village}"],
        },
        "tr": {
            "short": ["bütçe toplantısı {village} {year}"],
            "long": ["{year} bütçesi için {village} köyünde toplantı ne zaman?"],
            "paraphrase": ["belediyenin parası {year} {village} vatandaş toplantısı"],
        },
        "en": {
            "short": ["budget hearing {village} {year}"],
            "long": ["When is the public hearing on the {year} budget in {village}, {mun}?"],
            "paraphrase": ["meeting citizens about municipal money {year} {village}"],
        },
    },
    "subsidy": {
        "sq": {
            "short": ["subvencione {sector_sq} {mun} {year}"],
            "long": ["Si mund të aplikoj për subvencione në {sector_sq} në {mun} për vitin {year}?"],
            "paraphrase": ["ndihmë financiare për bujqit në {sector_sq} {mun} {year}",
                           "grante për fshatarët {sector_sq} {mun} {year}"],
        },
        "sr": {
            "short": ["subvencije {sector_sr} {mun} {year}"],
            "long": ["Kako da se prijavim za subvencije u {sector_sr} u opštini {mun} za {year}?"],
            "paraphrase": ["novčana pomoć za seljake {sector_sr} {mun} {year}"],
        },
        "tr": {
            "short": ["sübvansiyon {sector_tr} {mun} {year}"],
            "long": ["{mun} belediyesinde {year} yılı {sector_tr} sübvansiyonuna nasıl başvurabilirim?"],
            "paraphrase": ["köylülere {sector_tr} para yardımı {mun} {year}"],
        },
        "en": {
            "short": ["subsidies {sector_en} {mun} {year}"],
            "long": ["How can I apply for {sector_en} subsidies in {mun} for {year}?"],
            "paraphrase": ["grants for farmers {sector_en} {mun} {year} money"],
        },
    },
    "tender": {
        "sq": {
            "short": ["tender {work_sq} {village}"],
            "long": ["Deri kur mund të dorëzohet oferta për {work_sq} në fshatin {village}?"],
            "paraphrase": ["prokurimi për punimet e {work_sq} në {village}",
                           "kompanitë që duan të punojnë {work_sq} {village} oferta"],
        },
        "sr": {
            "short": ["tender {work_sr} {village}"],
            "long": ["Do kada se mogu podneti ponude za {work_sr} u selu {village}?"],
            "paraphrase": ["nabavka radova {work_sr} {village} firme"],
        },
        "tr": {
            "short": ["ihale {work_tr} {village}"],
            "long": ["{village} köyünde {work_tr} ihalesine teklif ne zamana kadar verilir?"],
            "paraphrase": ["{village} {work_tr} için firma teklif"],
        },
        "en": {
            "short": ["tender {work_en} {village}"],
            "long": ["What is the deadline for bids for {work_en} in {village}?"],
            "paraphrase": ["procurement {work_en} {village} bids companies"],
        },
    },
    "decision": {
        "sq": {
            "short": ["vendim {subject_sq} {village}"],
            "long": ["Çfarë ka vendosur kryetari i {mun} për {subject_sq} në {village}?"],
            "paraphrase": ["kryebashkiaku i {mun} vendosi për {subject_sq} {village}"],
        },
        "sr": {
            "short": ["odluka {subject_sr} {village}"],
            "long": ["Šta je predsednik opštine {mun} odlučio o {subject_sr} u selu {village}?"],
            "paraphrase": ["gradonačelnik {mun} odluka {subject_sr} {village}"],
        },
        "tr": {
            "short": ["karar {subject_tr} {village}"],
            "long": ["{mun} belediye başkanı {village} köyünde {subject_tr} konusunda ne karar verdi?"],
            "paraphrase": ["{mun} başkanı {village} {subject_tr} kararı verdi"],
        },
        "en": {
            "short": ["decision {subject_en} {village}"],
            "long": ["What did the mayor of {mun} decide about {subject_en} in {village}?"],
            "paraphrase": ["{mun} mayor ruling {subject_en} {village}"],
        },
    },
    "vacancy": {
        "sq": {
            "short": ["konkurs mësimdhënës {school} {village}"],
            "long": ["A ka vend pune për mësues të {subject_school_sq} në shkollën {school} në {village}?"],
            "paraphrase": ["punë si mësuese e {subject_school_sq} në {village} {mun}",
                           "kërkohet arsimtar {subject_school_sq} shkolla {school}"],
        },
        "sr": {
            "short": ["konkurs nastavnik {school} {village}"],
            "long": ["Da li ima posla za nastavnika {subject_school_sr} u školi {school} u selu {village}?"],
            "paraphrase": ["posao učitelj {subject_school_sr} {village} {mun}"],
        },
        "tr": {
            "short": ["öğretmen ilanı {school} {village}"],
            "long": ["{village} köyündeki {school} okulunda {subject_school_tr} öğretmeni aranıyor mu?"],
            "paraphrase": ["{village} okulunda {subject_school_tr} hocası iş"],
        },
        "en": {
            "short": ["teacher vacancy {school} {village}"],
            "long": ["Is there a job for a {subject_school_en} teacher at the {school} school in {village}?"],
            "paraphrase": ["{subject_school_en} teaching job {village} {mun}"],
        },
    },
    "vaccination": {
        "sq": {
            "short": ["vaksinimi {animal_sq} {village}"],
            "long": ["Kur vijnë veterinerët për vaksinimin e {animal_sq} në fshatin {village}?"],
            "paraphrase": ["vaksina falas për {animal_sq} në {village} {mun}"],
        },
        "sr": {
            "short": ["vakcinacija {animal_sr} {village}"],
            "long": ["Kada dolaze veterinari da vakcinišu {animal_sr} u selu {village}?"],
            "paraphrase": ["besplatne vakcine za {animal_sr} {village} {mun}"],
        },
        "tr": {
            "short": ["aşılama {animal_tr} {village}"],
            "long": ["{village} köyünde {animal_tr} ne zaman aşılanacak?"],
            "paraphrase": ["{village} {animal_tr} için bedava aşı"],
        },
        "en": {
            "short": ["vaccination {animal_en} {village}"],
            "long": ["When do the vets come to vaccinate {animal_en} in {village}?"],
            "paraphrase": ["free jabs for {animal_en} {village} {mun}"],
        },
    },
    "press": {
        "sq": {
            "short": ["inaugurim {work_done_sq} {village}"],
            "long": ["Kur u hap {work_done_sq} në fshatin {village} të {mun}?"],
            "paraphrase": ["kryebashkiaku preu shiritin {work_done_sq} {village}",
                           "u përurua {work_done_sq} në {village}"],
        },
        "sr": {
            "short": ["otvaranje {work_done_sr} {village}"],
            "long": ["Kada je otvoren {work_done_sr} u selu {village} u opštini {mun}?"],
            "paraphrase": ["gradonačelnik presekao vrpcu {work_done_sr} {village}"],
        },
        "tr": {
            "short": ["açılış {work_done_tr} {village}"],
            "long": ["{village} köyünde {work_done_tr} ne zaman açıldı?"],
            "paraphrase": ["başkan {village} {work_done_tr} kurdele kesti"],
        },
        "en": {
            "short": ["opening {work_done_en} {village}"],
            "long": ["When was {work_done_en} in {village}, {mun} opened?"],
            "paraphrase": ["mayor cut the ribbon {work_done_en} {village}"],
        },
    },
}  # fmt: skip
