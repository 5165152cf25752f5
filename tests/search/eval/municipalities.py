# ruff: noqa: E501 - prose templates read better whole than wrapped
"""Kosovo municipalities as their own sites name them, in each language.

(slug, Albanian name, Albanian genitive after "Komuna e", Serbian Latin,
Serbian genitive, Turkish name, writes Serbian in Cyrillic)
"""

MUNICIPALITIES = [
    ("gjilan", "Gjilan", "Gjilanit", "Gnjilane", "Gnjilana", "Gilan", False),
    ("prishtina", "Prishtinë", "Prishtinës", "Priština", "Prištine", "Priştine", False),
    ("prizren", "Prizren", "Prizrenit", "Prizren", "Prizrena", "Prizren", False),
    ("peja", "Pejë", "Pejës", "Peć", "Peći", "İpek", False),
    ("ferizaj", "Ferizaj", "Ferizajt", "Uroševac", "Uroševca", "Ferizovik", False),
    ("mitrovica", "Mitrovicë", "Mitrovicës", "Mitrovica", "Mitrovice", "Mitroviça", False),
    ("gjakova", "Gjakovë", "Gjakovës", "Đakovica", "Đakovice", "Yakova", False),
    ("vushtrri", "Vushtrri", "Vushtrrisë", "Vučitrn", "Vučitrna", "Vıçıtırın", False),
    ("podujeva", "Podujevë", "Podujevës", "Podujevo", "Podujeva", "Podyeva", False),
    ("suhareka", "Suharekë", "Suharekës", "Suva Reka", "Suve Reke", "Suhareka", False),
    ("rahovec", "Rahovec", "Rahovecit", "Orahovac", "Orahovca", "Rahoveç", False),
    ("fushe-kosova", "Fushë Kosovë", "Fushë Kosovës", "Kosovo Polje", "Kosova Polja", "Kosova Ovası", False),
    ("lipjan", "Lipjan", "Lipjanit", "Lipljan", "Lipljana", "Lipyan", False),
    ("malisheva", "Malishevë", "Malishevës", "Mališevo", "Mališeva", "Malişeva", False),
    ("kamenica", "Kamenicë", "Kamenicës", "Kamenica", "Kamenice", "Kamenitsa", False),
    ("viti", "Viti", "Vitisë", "Vitina", "Vitine", "Vitina", False),
    ("dragash", "Dragash", "Dragashit", "Dragaš", "Dragaša", "Dragaş", False),
    ("istog", "Istog", "Istogut", "Istok", "Istoka", "İstok", False),
    ("klina", "Klinë", "Klinës", "Klina", "Kline", "Klina", False),
    ("skenderaj", "Skenderaj", "Skenderajt", "Srbica", "Srbice", "Skenderay", False),
    ("decan", "Deçan", "Deçanit", "Dečani", "Dečana", "Deçan", False),
    ("obiliq", "Obiliq", "Obiliqit", "Obilić", "Obilića", "Obiliç", False),
    ("kacanik", "Kaçanik", "Kaçanikut", "Kačanik", "Kačanika", "Kaçanik", False),
    ("shtime", "Shtime", "Shtimes", "Štimlje", "Štimlja", "Ştimle", False),
    ("novoberda", "Novobërdë", "Novobërdës", "Novo Brdo", "Novog Brda", "Novobırda", True),
    ("gracanica", "Graçanicë", "Graçanicës", "Gračanica", "Gračanice", "Graçanitsa", True),
    ("shterpca", "Shtërpcë", "Shtërpcës", "Štrpce", "Štrpca", "Ştirpçe", True),
    ("ranillug", "Ranillug", "Ranillugut", "Ranilug", "Raniluga", "Ranilug", True),
    ("kllokot", "Kllokot", "Kllokotit", "Klokot", "Klokota", "Klokot", True),
    ("junik", "Junik", "Junikut", "Junik", "Junika", "Junik", False),
    ("mamusha", "Mamushë", "Mamushës", "Mamuša", "Mamuše", "Mamuşa", False),
    ("hani-elezit", "Hani i Elezit", "Hanit të Elezit", "Đeneral Janković", "Đeneral Jankovića", "Hani i Elezit", False),
]  # fmt: skip

# Neighbourhoods, villages and schools: names that recur across municipalities,
# which is what makes the pages near-duplicates of each other.
HOODS = [
    "Dardania", "Arbëria", "Kodra e Trimave", "Ulpiana", "Qendra", "Lagjja e Re",
    "Bregu i Diellit", "Kalabria", "Sofali", "Tophane", "Mati", "Lakrishte",
    "Te Ura", "Pejton", "Bajram Curri", "Kolonia", "Iliria", "Xhamia e Madhe",
]  # fmt: skip
HOODS_SR = {
    "Dardania": "Dardanija", "Arbëria": "Arberija", "Kodra e Trimave": "Kodra Trimave",
    "Ulpiana": "Ulpijana", "Qendra": "Centar", "Lagjja e Re": "Novo naselje",
    "Bregu i Diellit": "Sunčani breg", "Kalabria": "Kalabrija", "Sofali": "Sofali",
    "Tophane": "Tophane", "Mati": "Mati", "Lakrishte": "Lakrište", "Te Ura": "Kod mosta",
    "Pejton": "Pejton", "Bajram Curri": "Bajram Curi", "Kolonia": "Kolonija",
    "Iliria": "Ilirija", "Xhamia e Madhe": "Velika džamija",
}  # fmt: skip
VILLAGES = [
    "Përlepnicë", "Zhegër", "Malishevë", "Livoç", "Pogragjë", "Dobërçan", "Velekincë",
    "Cërnicë", "Gadish", "Ponesh", "Koretin", "Muçivërc", "Stanishor", "Bresalc",
    "Zheger", "Llashticë", "Kmetoc", "Uglar", "Kishnapole", "Hogosht", "Ropotovë",
    "Sllubicë", "Lladovë", "Pasjak",
]  # fmt: skip
VILLAGES_SR = {
    "Përlepnicë": "Prilepnica", "Zhegër": "Žegra", "Malishevë": "Mališevo",
    "Livoç": "Livoč", "Pogragjë": "Pogragja", "Dobërçan": "Dobrčane",
    "Velekincë": "Velekince", "Cërnicë": "Cernica", "Gadish": "Gadiš",
    "Ponesh": "Ponoš", "Koretin": "Koretin", "Muçivërc": "Mučibaba",
    "Stanishor": "Stanišor", "Bresalc": "Bresalce", "Zheger": "Žegar",
    "Llashticë": "Lještar", "Kmetoc": "Kmetovce", "Uglar": "Uglare",
    "Kishnapole": "Kišnapolje", "Hogosht": "Ogošte", "Ropotovë": "Ropotovo",
    "Sllubicë": "Slubica", "Lladovë": "Ladovo", "Pasjak": "Pasjane",
}  # fmt: skip
SCHOOLS = [
    "Thimi Mitko", "Musa Zajmi", "Selami Hallaqi", "Abaz Ajeti", "Rexhep Elmazi",
    "Nazim Hikmet", "Naim Frashëri", "Mihal Grameno", "Fan Noli", "Ismail Qemali",
]  # fmt: skip
MONTHS = {
    "sq": ["janar", "shkurt", "mars", "prill", "maj", "qershor", "korrik", "gusht",
           "shtator", "tetor", "nëntor", "dhjetor"],
    "sr": ["januar", "februar", "mart", "april", "maj", "jun", "jul", "avgust",
           "septembar", "oktobar", "novembar", "decembar"],
    "tr": ["ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos",
           "eylül", "ekim", "kasım", "aralık"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
}  # fmt: skip

LATIN_TO_CYRILLIC = [
    ("dž", "џ"), ("lj", "љ"), ("nj", "њ"), ("Dž", "Џ"), ("Lj", "Љ"), ("Nj", "Њ"),
    *zip("abvgdđežzijklmnoprstćufhcčš", "абвгдђежзијклмнопрстћуфхцчш", strict=True),
    *zip("ABVGDĐEŽZIJKLMNOPRSTĆUFHCČŠ", "АБВГДЂЕЖЗИЈКЛМНОПРСТЋУФХЦЧШ", strict=True),
]  # fmt: skip


def cyrillic(text):
    for latin, cyr in LATIN_TO_CYRILLIC:
        text = text.replace(latin, cyr)
    return text


def latin(text):
    for lat, cyr in sorted(LATIN_TO_CYRILLIC, key=lambda pair: -len(pair[1])):
        text = text.replace(cyr, lat)
    return text
