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

# Each language's home page has its own slug (siblings under the root).
HOME_SLUGS = {
    "sq": "gjilan",
    "sr": "gnjilane",
    "tr": "gilan",
    "en": "municipality-of-gjilan",
}

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
    # (key, model path, {locale: slug}, {locale: title}); each language its own slug
    (
        "acts",
        "municipal_acts.ActIndexPage",
        {"sq": "aktet", "sr": "akti", "tr": "mevzuat", "en": "acts"},
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
        {"sq": "vendimet", "sr": "odluke", "tr": "kararlar", "en": "decisions"},
        {"sq": "Vendimet", "sr": "Odluke", "tr": "Kararlar", "en": "Decisions"},
    ),
    (
        "minutes",
        "municipal_acts.MinutesIndexPage",
        {
            "sq": "procesverbalet",
            "sr": "zapisnici",
            "tr": "tutanaklar",
            "en": "minutes",
        },
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
        {"sq": "konkurset", "sr": "konkursi", "tr": "ilanlar", "en": "competitions"},
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
        {"sq": "komunikata", "sr": "saopstenja", "tr": "basin", "en": "press"},
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
        {"sq": "seancat", "sr": "sednice", "tr": "oturumlar", "en": "sessions"},
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

# The office's own report, per language (rich text: one paragraph a field).
REPORT = {
    "sq": {
        "slug": "raporti-janar-qershor-2018",
        "title": "Raporti i Zyrës për Informim Publik, janar – qershor 2018",
        "introduction": "<p>Zyra për Informim Publik komunikon me qytetarët përmes "
        "komunikatave për media, ftesave dhe njoftimeve, të publikuara në ueb-faqen "
        "zyrtare dhe në Facebook. Shifrat më poshtë janë llogaritur nga të dhënat e "
        "publikuara.</p>",
        "achievements": "<p>Cikli i parë i konferencave për media i drejtorëve; "
        "transmetimi i drejtpërdrejtë i seancave të Kuvendit Komunal në YouTube, me "
        "videot e plota në ueb-faqe; publikimi i akteve komunale në gjuhët "
        "zyrtare.</p>",
        "objectives": "<p>Komunikimi i përditshëm me publikun, cikli i dytë i "
        "konferencave për media dhe vazhdimi i transmetimit të drejtpërdrejtë të "
        "seancave.</p>",
    },
    "sr": {
        "slug": "izvestaj-januar-jun-2018",
        "title": "Izveštaj Kancelarije za javno informisanje, januar – jun 2018",
        "introduction": "<p>Kancelarija za javno informisanje komunicira sa "
        "građanima putem saopštenja za medije, poziva i obaveštenja, objavljenih na "
        "zvaničnom sajtu i na Facebooku. Brojke ispod izračunate su iz objavljenih "
        "podataka.</p>",
        "achievements": "<p>Prvi ciklus konferencija za medije direktora; prenos "
        "uživo sednica Opštinske skupštine na YouTube-u, sa celim snimcima na sajtu; "
        "objavljivanje opštinskih akata na službenim jezicima.</p>",
        "objectives": "<p>Svakodnevna komunikacija sa javnošću, drugi ciklus "
        "konferencija za medije i nastavak prenosa sednica uživo.</p>",
    },
    "tr": {
        "slug": "rapor-ocak-haziran-2018",
        "title": "Kamu Bilgilendirme Ofisi raporu, Ocak – Haziran 2018",
        "introduction": "<p>Kamu Bilgilendirme Ofisi, resmi internet sitesinde ve "
        "Facebook'ta yayımlanan basın bültenleri, davetler ve duyurularla "
        "vatandaşlarla iletişim kuruyor. Aşağıdaki rakamlar yayımlanan verilerden "
        "hesaplanmıştır.</p>",
        "achievements": "<p>Müdürlerin ilk basın toplantıları dizisi; Belediye "
        "Meclisi oturumlarının YouTube'da canlı yayını ve kayıtların tamamının "
        "internet sitesinde yayımlanması; belediye mevzuatının resmi dillerde "
        "yayımlanması.</p>",
        "objectives": "<p>Kamuoyuyla günlük iletişim, ikinci basın toplantıları "
        "dizisi ve oturumların canlı yayınının sürdürülmesi.</p>",
    },
    "en": {
        "slug": "report-january-june-2018",
        "title": "Public Information Office report, January – June 2018",
        "introduction": "<p>The Public Information Office talks to citizens through "
        "press releases, invitations and notices published on the official website "
        "and on Facebook. The figures below are computed from what was "
        "published.</p>",
        "achievements": "<p>The directors' first cycle of media conferences; the "
        "Municipal Assembly's sessions livestreamed on YouTube with the full videos "
        "on the website; the municipal acts published in the official "
        "languages.</p>",
        "objectives": "<p>Everyday communication with the public, a second cycle of "
        "media conferences and more livestreamed sessions.</p>",
    },
}

# The first vacancy in Serbian too (one example of the competition type).
COMPETITION_SR = {
    "Konkurs për mësimdhënës në shkollat fillore": "Konkurs za nastavnike u "
    "osnovnim školama",
    "Konkurs për mësimdhënës në shkollat fillore. Afati: 16.02.2018.": "Konkurs za "
    "nastavnike u osnovnim školama. Rok: 16.02.2018.",
    "Zyra për Informim Publik, tel. 0280 320 000": "Kancelarija za javno "
    "informisanje, tel. 0280 320 000",
    "konkurs-per-mesimdhenes": "konkurs-za-nastavnike",
}
