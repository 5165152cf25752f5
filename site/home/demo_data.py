"""The demo municipality: what the Gjilan Public Information Office published in
the first half of 2018, retold in the project's own words. Deterministic."""

DEPARTMENTS = [
    # (key, sq, sr, tr, en)
    (
        "zip",
        "Zyra për Informim Publik",
        "Kancelarija za javno informisanje",
        "Kamu Bilgilendirme Ofisi",
        "Public Information Office",
    ),
    (
        "finance",
        "Drejtoria e Buxhetit dhe Financave",
        "Direkcija za budžet i finansije",
        "Bütçe ve Finans Müdürlüğü",
        "Directorate of Budget and Finance",
    ),
    (
        "education",
        "Drejtoria e Arsimit",
        "Direkcija za obrazovanje",
        "Eğitim Müdürlüğü",
        "Directorate of Education",
    ),
    (
        "health",
        "Drejtoria e Shëndetësisë",
        "Direkcija za zdravstvo",
        "Sağlık Müdürlüğü",
        "Directorate of Health",
    ),
    (
        "urban",
        "Drejtoria e Urbanizmit",
        "Direkcija za urbanizam",
        "İmar Müdürlüğü",
        "Directorate of Urban Planning",
    ),
    (
        "agriculture",
        "Drejtoria e Bujqësisë",
        "Direkcija za poljoprivredu",
        "Tarım Müdürlüğü",
        "Directorate of Agriculture",
    ),
    (
        "culture",
        "Drejtoria e Kulturës, Rinisë dhe Sportit",
        "Direkcija za kulturu, omladinu i sport",
        "Kültür, Gençlik ve Spor Müdürlüğü",
        "Directorate of Culture, Youth and Sport",
    ),
    (
        "assembly",
        "Kuvendi Komunal",
        "Opštinska skupština",
        "Belediye Meclisi",
        "Municipal Assembly",
    ),
]

TOPICS = [
    ("budget", "Buxheti", "Budžet", "Bütçe", "Budget"),
    ("transparency", "Transparenca", "Transparentnost", "Şeffaflık", "Transparency"),
    ("education", "Arsimi", "Obrazovanje", "Eğitim", "Education"),
    ("infrastructure", "Infrastruktura", "Infrastruktura", "Altyapı", "Infrastructure"),
    ("agriculture", "Bujqësia", "Poljoprivreda", "Tarım", "Agriculture"),
]

HOME = {
    "sq": (
        "Komuna e Gjilanit",
        "Komuna e Gjilanit",
        "Gjithçka që qytetarët kanë të drejtë ta shohin: aktet, vendimet, seancat e "
        "Kuvendit, konkurset dhe komunikatat, në gjuhët zyrtare.",
    ),
    "sr": (
        "Opština Gnjilane",
        "Opština Gnjilane",
        "Sve što građani imaju pravo da vide: akti, odluke, sednice skupštine, "
        "konkursi i saopštenja, na službenim jezicima.",
    ),
    "tr": (
        "Gilan Belediyesi",
        "Gilan Belediyesi",
        "Vatandaşların görme hakkı olan her şey: kararnameler, kararlar, meclis "
        "oturumları, ihaleler ve basın bültenleri, resmi dillerde.",
    ),
    "en": (
        "Municipality of Gjilan",
        "Municipality of Gjilan",
        "Everything citizens have a right to see: acts, decisions, assembly "
        "sessions, competitions and press releases, in the official languages.",
    ),
}

SECTIONS = [
    # (key, model path, slug, {locale: title})
    (
        "acts",
        "municipal_acts.ActIndexPage",
        "aktet",
        {
            "sq": "Aktet komunale",
            "sr": "Opštinski akti",
            "tr": "Belediye mevzuatı",
            "en": "Municipal acts",
        },
    ),
    (
        "decisions",
        "municipal_acts.DecisionIndexPage",
        "vendimet",
        {"sq": "Vendimet", "sr": "Odluke", "tr": "Kararlar", "en": "Decisions"},
    ),
    (
        "minutes",
        "municipal_acts.MinutesIndexPage",
        "procesverbalet",
        {
            "sq": "Procesverbalet",
            "sr": "Zapisnici",
            "tr": "Tutanaklar",
            "en": "Minutes",
        },
    ),
    (
        "competitions",
        "municipal_acts.CompetitionIndexPage",
        "konkurset",
        {
            "sq": "Konkurset",
            "sr": "Konkursi",
            "tr": "İlanlar ve ihaleler",
            "en": "Vacancies and tenders",
        },
    ),
    (
        "press",
        "press.PressIndexPage",
        "komunikata",
        {
            "sq": "Komunikata dhe njoftime",
            "sr": "Saopštenja i obaveštenja",
            "tr": "Basın bültenleri ve duyurular",
            "en": "Press releases and notices",
        },
    ),
    (
        "sessions",
        "assembly_sessions.AssemblySessionIndexPage",
        "seancat",
        {
            "sq": "Seancat e Kuvendit",
            "sr": "Sednice Skupštine",
            "tr": "Meclis oturumları",
            "en": "Assembly sessions",
        },
    ),
]

# Seven sessions of the Municipal Assembly, all livestreamed on YouTube.
SESSIONS = [
    # (number, kind, iso datetime, youtube url form)
    (1, "regular", "2018-01-31T10:00", "https://www.youtube.com/watch?v=Gj1lAn2018a"),
    (2, "regular", "2018-02-28T10:00", "https://youtu.be/Gj1lAn2018b"),
    (
        3,
        "extraordinary",
        "2018-03-15T11:00",
        "https://www.youtube.com/live/Gj1lAn2018c",
    ),
    (4, "regular", "2018-03-29T10:00", "https://www.youtube.com/embed/Gj1lAn2018d"),
    (
        5,
        "regular",
        "2018-04-26T10:00",
        "https://www.youtube.com/watch?v=Gj1lAn2018e&t=5",
    ),
    (6, "regular", "2018-05-31T10:00", "https://m.youtube.com/watch?v=Gj1lAn2018f"),
    (7, "solemn", "2018-06-28T10:00", "https://youtu.be/Gj1lAn2018g?t=30"),
]

ACTS = [
    # (slug, number, type, title, summary, adoption, status, amends slug)
    (
        "rregullore-per-taksat-komunale",
        "01-016/18",
        "regulation",
        "Rregullore për taksat, tarifat dhe gjobat komunale",
        "Rregullorja përcakton taksat, tarifat dhe gjobat që paguhen në Komunën e Gjilanit.",
        "2018-01-31",
        "amended",
        None,
    ),
    (
        "rregullore-per-ndryshimin-e-taksave",
        "01-045/18",
        "regulation",
        "Rregullore për ndryshimin dhe plotësimin e Rregullores për taksat komunale",
        "Ndryshon tarifat për lejet e ndërtimit dhe për shfrytëzimin e hapësirës publike.",
        "2018-04-26",
        "in_force",
        "rregullore-per-taksat-komunale",
    ),
    (
        "statuti-i-komunes",
        "01-002/18",
        "statute",
        "Statuti i Komunës së Gjilanit",
        "Statuti rregullon organizimin dhe funksionimin e Komunës dhe të Kuvendit komunal.",
        "2018-02-28",
        "in_force",
        None,
    ),
    (
        "udhezim-per-transparencen",
        "02-010/18",
        "administrative_instruction",
        "Udhëzim administrativ për transparencën dhe qasjen në dokumente publike",
        "Përcakton si publikohen aktet dhe si trajtohen kërkesat për qasje në dokumente.",
        "2018-03-15",
        "in_force",
        None,
    ),
    (
        "plani-zhvillimor-komunal",
        "01-030/18",
        "plan",
        "Plani zhvillimor komunal 2018–2025",
        "Plani i zhvillimit hapësinor të Komunës së Gjilanit, në konsultim publik.",
        "2018-05-31",
        "consultation",
        None,
    ),
]

DECISIONS = [
    # (slug, number, date, session number, title, summary, topic)
    (
        "vendim-per-buxhetin-2019",
        "01-110/18",
        "2018-06-28",
        7,
        "Vendim për miratimin e buxhetit komunal për vitin 2019",
        "Kuvendi Komunal miraton buxhetin e Komunës së Gjilanit për vitin 2019.",
        "budget",
    ),
    (
        "vendim-per-subvencionet-bujqesore",
        "01-052/18",
        "2018-04-26",
        5,
        "Vendim për ndarjen e subvencioneve për fermerët",
        "Subvencione për fermerët e Gjilanit për mbjelljen e drithërave dhe perimeve.",
        "agriculture",
    ),
    (
        "vendim-per-emertimin-e-rrugeve",
        "01-031/18",
        "2018-03-29",
        4,
        "Vendim për emërtimin e rrugëve në lagjen Arbëria",
        "Emërtimi i dhjetë rrugëve të reja në lagjen Arbëria.",
        "infrastructure",
    ),
    (
        "vendim-per-transportin-e-nxenesve",
        "02-015/18",
        "2018-02-12",
        None,
        "Vendim i Kryetarit për transportin falas të nxënësve",
        "Komuna mbulon shpenzimet e transportit për nxënësit e shkollave fillore.",
        "education",
    ),
]

COMPETITIONS = [
    # (slug, kind, ref, title, opens (iso or +days), closes)
    (
        "konkurs-per-mesimdhenes",
        "vacancy",
        "DA-01/18",
        "Konkurs për mësimdhënës në shkollat fillore",
        "2018-02-01T08:00",
        "2018-02-16T16:00",
    ),
    (
        "tender-per-asfaltimin",
        "tender",
        "KG-2018-017",
        "Tender për asfaltimin e rrugëve rurale",
        "2018-03-05T08:00",
        "2018-04-05T12:00",
    ),
    (
        "bursa-per-studentet",
        "scholarship",
        "BS-2018",
        "Bursa për studentët e shkëlqyeshëm",
        "2018-05-10T08:00",
        "2018-06-10T16:00",
    ),
    (
        "grant-per-te-rinjte",
        "grant",
        "GR-2026-01",
        "Grante për iniciativat e të rinjve",
        "+-10",
        "+20",
    ),
]

PRESS_SUBJECTS = [
    ("Kryetari takon fermerët e Gjilanit", "agriculture", "agriculture"),
    ("Nis asfaltimi i rrugëve në fshatrat e Gjilanit", "urban", "infrastructure"),
    ("Komuna ndan bursa për studentët", "education", "education"),
    ("Konferencë për media e drejtorit të Financave", "finance", "budget"),
    ("Fushata e vaksinimit në Qendrën Kryesore të Mjekësisë Familjare", "health", None),
    ("Festivali i teatrit për fëmijë hapet në Gjilan", "culture", None),
    ("Dëgjim buxhetor me qytetarët për vitin 2019", "finance", "budget"),
    (
        "Komuna e Gjilanit publikon të gjitha aktet në gjuhët zyrtare",
        "zip",
        "transparency",
    ),
    ("Renovohet shkolla fillore në lagjen Arbëria", "education", "education"),
    ("Kryetari pret përfaqësuesit e shoqërisë civile", "zip", "transparency"),
]
MONTHS_SQ = ["janar", "shkurt", "mars", "prill", "maj", "qershor"]

# Hand translations of a few items, keyed by the Albanian source string.
TRANSLATIONS = {
    "sr": {
        "Vendim për miratimin e buxhetit komunal për vitin 2019": "Odluka o usvajanju opštinskog budžeta za 2019. godinu",
        "Kuvendi Komunal miraton buxhetin e Komunës së Gjilanit për vitin 2019.": "Opštinska skupština usvaja budžet Opštine Gnjilane za 2019. godinu.",
        "Rregullore për taksat, tarifat dhe gjobat komunale": "Uredba o opštinskim taksama, naknadama i kaznama",
        "Rregullorja përcakton taksat, tarifat dhe gjobat që paguhen në Komunën e Gjilanit.": "Uredba određuje takse, naknade i kazne koje se plaćaju u Opštini Gnjilane.",
        "Seanca e 7-të e Kuvendit Komunal": "7. sednica Opštinske skupštine",
        "Raporti i Zyrës për Informim Publik, janar – qershor 2018": "Izveštaj Kancelarije za javno informisanje, januar – jun 2018",
    },
    "tr": {
        "Vendim për miratimin e buxhetit komunal për vitin 2019": "2019 yılı belediye bütçesinin kabulüne ilişkin karar",
        "Kuvendi Komunal miraton buxhetin e Komunës së Gjilanit për vitin 2019.": "Belediye Meclisi, Gilan Belediyesi'nin 2019 yılı bütçesini kabul ediyor.",
        "Rregullore për taksat, tarifat dhe gjobat komunale": "Belediye vergileri, harçları ve cezaları hakkında yönetmelik",
        "Rregullorja përcakton taksat, tarifat dhe gjobat që paguhen në Komunën e Gjilanit.": "Yönetmelik, Gilan İlçesi'nde ödenen vergi, harç ve cezaları belirler.",
        "Seanca e 7-të e Kuvendit Komunal": "Belediye Meclisinin 7. oturumu",
    },
    "en": {
        "Vendim për miratimin e buxhetit komunal për vitin 2019": "Decision approving the municipal budget for 2019",
        "Kuvendi Komunal miraton buxhetin e Komunës së Gjilanit për vitin 2019.": "The Municipal Assembly approves the budget of the Municipality of Gjilan "
        "for 2019.",
    },
}

REPORT = {
    "title": "Raporti i Zyrës për Informim Publik, janar – qershor 2018",
    "introduction": (
        "<p>Zyra për Informim Publik komunikon me qytetarët përmes komunikatave për "
        "media, ftesave dhe njoftimeve, të publikuara në ueb-faqen zyrtare dhe në "
        "Facebook. Shifrat më poshtë janë llogaritur nga të dhënat e publikuara.</p>"
    ),
    "achievements": (
        "<p>Cikli i parë i konferencave për media i drejtorëve; transmetimi i "
        "drejtpërdrejtë i seancave të Kuvendit Komunal në YouTube, me videot e plota "
        "në ueb-faqe; publikimi i akteve komunale në gjuhët zyrtare.</p>"
    ),
    "objectives": (
        "<p>Komunikimi i përditshëm me publikun, cikli i dytë i konferencave për "
        "media dhe vazhdimi i transmetimit të drejtpërdrejtë të seancave.</p>"
    ),
}

# Serbian for the first item of each section that the translations above leave
# out (load_demo_content.translate_one_of_each_type); keyed by the source.
TYPE_EXAMPLES_SR = {
    "Procesverbali i seancës së 1-të të Kuvendit": "Zapisnik sa 1. sednice Skupštine",
    "Procesverbali i seancës së 1-të të Kuvendit Komunal.": "Zapisnik sa 1. sednice Opštinske skupštine.",
    "Konkurs për mësimdhënës në shkollat fillore": "Konkurs za nastavnike u osnovnim školama",
    "Konkurs për mësimdhënës në shkollat fillore. Afati: 16.02.2018.": "Konkurs za nastavnike u osnovnim školama. Rok: 16.02.2018.",
    "Zyra për Informim Publik, tel. 0280 320 000": "Kancelarija za javno informisanje, tel. 0280 320 000",
    "Njoftim për ndërprerjen e ujit në qendër të qytetit": "Obaveštenje o prekidu vode u centru grada",
    "Ftesë: konferencë për media e Drejtorisë së Financave": "Poziv: konferencija za medije Direkcije za finansije",
    "Salla e konferencave, Gjilan": "Konferencijska sala, Gnjilane",
}
