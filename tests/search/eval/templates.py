# ruff: noqa: E501 - prose templates read better whole than wrapped
"""Page and query templates, in the wording municipal sites use.

Each category gives, per language, (title, summary, body) templates and the
queries a citizen types for one page of it: `short` (a few keywords), `long`
(a whole question) and `paraphrase` (everyday words where the page has the
official ones). Slots: {mun} name, {gen} genitive, {hood}, {village},
{school}, {day}, {month}, {year}, {ref}, {n}, {h1}, {h2}.
"""

PAGES = {
    "water": {
        "type": "notice",
        "sq": (
            "Njoftim për ndërprerjen e furnizimit me ujë në lagjen {hood}",
            "Më {day} {month} {year} lagjja {hood} do të mbetet pa ujë nga ora {h1} deri në ora {h2}.",
            "Kompania Regjionale e Ujësjellësit njofton qytetarët e Komunës së {gen} se më {day} {month} {year}, nga ora {h1} deri në ora {h2}, do të ndërpritet furnizimi me ujë të pijshëm në lagjen {hood} dhe rrugët përreth, për shkak të punimeve në rrjetin e ujësjellësit. Kërkojmë mirëkuptim nga konsumatorët për shqetësimin e shkaktuar.",
        ),
        "sr": (
            "Obaveštenje o prekidu snabdevanja vodom u naselju {hood}",
            "Dana {day}. {month} {year}. naselje {hood} ostaće bez vode od {h1} do {h2} časova.",
            "Regionalno vodovodno preduzeće obaveštava građane opštine {gen} da će dana {day}. {month} {year}. od {h1} do {h2} časova biti prekinuto snabdevanje pijaćom vodom u naselju {hood} i okolnim ulicama zbog radova na vodovodnoj mreži. Molimo potrošače za razumevanje.",
        ),
        "tr": (
            "{hood} mahallesinde su kesintisi duyurusu",
            "{day} {month} {year} tarihinde {hood} mahallesinde saat {h1} ile {h2} arası su kesintisi olacaktır.",
            "Bölgesel Su Şirketi, {mun} Belediyesi vatandaşlarına {day} {month} {year} tarihinde saat {h1} ile {h2} arasında {hood} mahallesi ve çevre sokaklarda şebekedeki çalışmalar nedeniyle içme suyunun kesileceğini duyurur.",
        ),
        "en": (
            "Notice of water supply interruption in the {hood} neighbourhood",
            "On {day} {month} {year} the {hood} neighbourhood will have no water from {h1} to {h2}.",
            "The Regional Water Company informs the citizens of the Municipality of {mun} that on {day} {month} {year}, from {h1} to {h2}, the drinking water supply in {hood} and the surrounding streets will be interrupted because of works on the water network.",
        ),
    },
    "session": {
        "type": "invitation",
        "sq": (
            "Ftesë për seancën e {n}-të të Kuvendit Komunal të {gen}",
            "Kryesuesi i Kuvendit thërret seancën e rregullt më {day} {month} {year}, ora 10:00.",
            "Në bazë të Statutit të Komunës, Kryesuesi i Kuvendit Komunal të {gen} thërret seancën e {n}-të të rregullt, e cila do të mbahet më {day} {month} {year}, me fillim në ora 10:00, në sallën e Kuvendit. Rendi i ditës: miratimi i procesverbalit të seancës së kaluar, raporti i Kryetarit të Komunës për punën gjashtëmujore, propozim-vendimi për shfrytëzimin e pronës komunale në {village}. Seanca transmetohet drejtpërdrejt.",
        ),
        "sr": (
            "Poziv za {n}. sednicu Skupštine opštine {gen}",
            "Predsedavajući Skupštine saziva redovnu sednicu dana {day}. {month} {year}. u 10 časova.",
            "Na osnovu Statuta opštine, predsedavajući Skupštine opštine {gen} saziva {n}. redovnu sednicu koja će se održati dana {day}. {month} {year}. sa početkom u 10 časova u sali Skupštine. Dnevni red: usvajanje zapisnika sa prethodne sednice, izveštaj predsednika opštine o šestomesečnom radu, predlog odluke o korišćenju opštinske imovine u selu {village}.",
        ),
        "tr": (
            "{mun} Belediye Meclisi {n}. oturumuna davet",
            "Meclis Başkanı {day} {month} {year} tarihinde saat 10:00'da olağan oturumu toplantıya çağırıyor.",
            "Belediye Tüzüğü uyarınca {mun} Belediye Meclisi Başkanı, {day} {month} {year} tarihinde saat 10:00'da meclis salonunda yapılacak {n}. olağan oturumu toplantıya çağırır. Gündem: önceki oturum tutanağının kabulü, Belediye Başkanının altı aylık çalışma raporu, {village} köyündeki belediye mülkünün kullanımına ilişkin karar önerisi.",
        ),
        "en": (
            "Invitation to the {n}th session of the Municipal Assembly of {mun}",
            "The Chair of the Assembly convenes the regular session on {day} {month} {year} at 10:00.",
            "Under the Statute of the Municipality, the Chair of the Municipal Assembly of {mun} convenes the {n}th regular session on {day} {month} {year}, starting at 10:00 in the Assembly hall. Agenda: adoption of the minutes of the previous session, the Mayor's six-month report, a draft decision on the use of municipal property in {village}.",
        ),
    },
    "hearing": {
        "type": "notice",
        "sq": (
            "Dëgjim publik për buxhetin komunal {year} në {village}",
            "Drejtoria e Buxhetit dhe Financave fton qytetarët në dëgjimin publik për Kornizën Afatmesme Buxhetore {year}.",
            "Komuna e {gen}, përmes Drejtorisë së Buxhetit dhe Financave, fton qytetarët, shoqërinë civile dhe bizneset në dëgjimin publik për projektbuxhetin e vitit {year}, që do të mbahet më {day} {month} në shkollën {school} në {village}. Qytetarët mund të paraqesin propozimet e tyre për investimet kapitale në lagjen apo fshatin e tyre.",
        ),
        "sr": (
            "Javna rasprava o opštinskom budžetu za {year}. u selu {village}",
            "Direkcija za budžet i finansije poziva građane na javnu raspravu o budžetu za {year}. godinu.",
            "Opština {mun}, preko Direkcije za budžet i finansije, poziva građane, civilno društvo i preduzetnike na javnu raspravu o nacrtu budžeta za {year}. godinu, koja će se održati {day}. {month} u školi {school} u selu {village}. Građani mogu da podnesu predloge za kapitalne investicije u svom naselju ili selu.",
        ),
        "tr": (
            "{year} belediye bütçesi için {village} köyünde halka açık toplantı",
            "Bütçe ve Finans Müdürlüğü vatandaşları {year} bütçesi halka açık toplantısına davet ediyor.",
            "{mun} Belediyesi Bütçe ve Finans Müdürlüğü, vatandaşları, sivil toplumu ve işletmeleri {day} {month} tarihinde {village} köyündeki {school} okulunda yapılacak {year} yılı bütçe taslağı halka açık toplantısına davet eder. Vatandaşlar mahalle veya köyleri için yatırım önerilerini sunabilir.",
        ),
        "en": (
            "Public hearing on the {year} municipal budget in {village}",
            "The Directorate of Budget and Finance invites citizens to the public hearing on the {year} budget.",
            "The Municipality of {mun}, through the Directorate of Budget and Finance, invites citizens, civil society and businesses to the public hearing on the draft budget for {year}, to be held on {day} {month} at the {school} school in {village}. Citizens may submit proposals for capital investments in their neighbourhood or village.",
        ),
    },
    "subsidy": {
        "type": "competition",
        "sq": (
            "Thirrje publike për subvencionimin e fermerëve në {sector_sq} për vitin {year}",
            "Drejtoria e Bujqësisë hap thirrjen për subvencione në {sector_sq}; afati {day} {month} {year}.",
            "Drejtoria e Bujqësisë, Pylltarisë dhe Zhvillimit Rural e Komunës së {gen} shpall thirrjen publike për subvencionimin e fermerëve në {sector_sq} për vitin {year}. Përfitues mund të jenë fermerët me vendbanim në komunë, të regjistruar në Regjistrin e Fermave. Aplikacionet dorëzohen në zyrën e pritjes deri më {day} {month} {year}. Përparësi kanë fermerët nga {village}.",
        ),
        "sr": (
            "Javni poziv za subvencionisanje poljoprivrednika u {sector_sr} za {year}. godinu",
            "Direkcija za poljoprivredu otvara poziv za subvencije u {sector_sr}; rok {day}. {month} {year}.",
            "Direkcija za poljoprivredu, šumarstvo i ruralni razvoj opštine {gen} raspisuje javni poziv za subvencionisanje poljoprivrednika u {sector_sr} za {year}. godinu. Korisnici mogu biti poljoprivrednici sa prebivalištem u opštini, upisani u Registar farmi. Prijave se podnose na šalteru do {day}. {month} {year}. Prednost imaju poljoprivrednici iz sela {village}.",
        ),
        "tr": (
            "{year} yılı {sector_tr} alanında çiftçilere sübvansiyon çağrısı",
            "Tarım Müdürlüğü {sector_tr} sübvansiyon çağrısını açtı; son tarih {day} {month} {year}.",
            "{mun} Belediyesi Tarım, Ormancılık ve Kırsal Kalkınma Müdürlüğü, {year} yılı için {sector_tr} alanında çiftçilere sübvansiyon çağrısı yapar. Çiftlik Siciline kayıtlı ve belediyede ikamet eden çiftçiler {day} {month} {year} tarihine kadar başvurabilir.",
        ),
        "en": (
            "Public call for subsidies to farmers in {sector_en} for {year}",
            "The Directorate of Agriculture opens the call for subsidies in {sector_en}; deadline {day} {month} {year}.",
            "The Directorate of Agriculture, Forestry and Rural Development of the Municipality of {mun} announces the public call for subsidies to farmers in {sector_en} for {year}. Farmers resident in the municipality and listed in the Farm Register may apply until {day} {month} {year}.",
        ),
    },
    "tender": {
        "type": "competition",
        "sq": (
            "Njoftim për kontratë: {work_sq} në fshatin {village}",
            "Komuna e {gen} shpall tenderin {ref} për {work_sq} në {village}.",
            "Autoriteti kontraktues Komuna e {gen} shpall njoftimin për kontratë me numër prokurimi {ref}: {work_sq} në fshatin {village}. Procedura e hapur, kriteri i dhënies: çmimi më i ulët. Tenderët dorëzohen përmes platformës së e-prokurimit deri më {day} {month} {year}, ora 14:00.",
        ),
        "sr": (
            "Obaveštenje o ugovoru: {work_sr} u selu {village}",
            "Opština {mun} raspisuje tender {ref} za {work_sr} u selu {village}.",
            "Ugovorni organ opština {mun} objavljuje obaveštenje o ugovoru sa brojem nabavke {ref}: {work_sr} u selu {village}. Otvoreni postupak, kriterijum za dodelu: najniža cena. Ponude se podnose preko platforme e-nabavke do {day}. {month} {year}. u 14 časova.",
        ),
        "tr": (
            "Sözleşme ilanı: {village} köyünde {work_tr}",
            "{mun} Belediyesi {village} köyünde {work_tr} için {ref} numaralı ihaleyi açtı.",
            "Sözleşme makamı {mun} Belediyesi, {ref} ihale numaralı sözleşme ilanını duyurur: {village} köyünde {work_tr}. Açık ihale, en düşük fiyat. Teklifler {day} {month} {year} saat 14:00'e kadar e-ihale platformu üzerinden verilir.",
        ),
        "en": (
            "Contract notice: {work_en} in {village}",
            "The Municipality of {mun} opens tender {ref} for {work_en} in {village}.",
            "The contracting authority, the Municipality of {mun}, publishes the contract notice with procurement number {ref}: {work_en} in the village of {village}. Open procedure, lowest price. Tenders are submitted on the e-procurement platform by {day} {month} {year}, 14:00.",
        ),
    },
    "decision": {
        "type": "decision",
        "sq": (
            "Vendim për {subject_sq} në {village}",
            "Kryetari i Komunës së {gen} merr vendimin nr. {ref} për {subject_sq}.",
            "Në mbështetje të Ligjit për vetëqeverisjen lokale dhe Statutit të Komunës, Kryetari i Komunës së {gen} merr këtë vendim me nr. {ref}, datë {day}.{mm}.{year}: miratohet {subject_sq} në fshatin {village}. Për zbatimin e këtij vendimi ngarkohen drejtoritë përkatëse. Vendimi hyn në fuqi ditën e nënshkrimit.",
        ),
        "sr": (
            "Rešenje o {subject_sr} u selu {village}",
            "Predsednik opštine {gen} donosi rešenje br. {ref} o {subject_sr}.",
            "Na osnovu Zakona o lokalnoj samoupravi i Statuta opštine, predsednik opštine {gen} donosi rešenje br. {ref} od {day}.{mm}.{year}: odobrava se {subject_sr} u selu {village}. Za sprovođenje ovog rešenja zadužuju se nadležne direkcije.",
        ),
        "tr": (
            "{village} köyünde {subject_tr} hakkında karar",
            "{mun} Belediye Başkanı {subject_tr} hakkında {ref} sayılı kararı aldı.",
            "Yerel Özyönetim Kanunu ve Belediye Tüzüğü uyarınca {mun} Belediye Başkanı {day}.{mm}.{year} tarihli {ref} sayılı kararı alır: {village} köyünde {subject_tr} onaylanır.",
        ),
        "en": (
            "Decision on {subject_en} in {village}",
            "The Mayor of {mun} takes decision no. {ref} on {subject_en}.",
            "Under the Law on Local Self-Government and the Statute of the Municipality, the Mayor of {mun} takes decision no. {ref} of {day}.{mm}.{year}: {subject_en} in the village of {village} is approved.",
        ),
    },
    "vacancy": {
        "type": "competition",
        "sq": (
            "Konkurs për mësimdhënës në SHFMU \"{school}\" në {village}",
            "Drejtoria Komunale e Arsimit shpall konkursin {ref} për mësimdhënës të {subject_school_sq}.",
            "Drejtoria Komunale e Arsimit në {mun} shpall konkurs nr. {ref} për plotësimin e vendeve të lira të punës: mësimdhënës i {subject_school_sq} në Shkollën Fillore dhe të Mesme të Ulët \"{school}\" në {village}, me orar të plotë. Kandidatët duhet të kenë diplomë fakulteti përkatës. Afati i konkursit është 8 ditë nga data e publikimit, {day} {month} {year}.",
        ),
        "sr": (
            "Konkurs za nastavnike u OŠ \"{school}\" u selu {village}",
            "Opštinska direkcija za obrazovanje raspisuje konkurs {ref} za nastavnika {subject_school_sr}.",
            "Opštinska direkcija za obrazovanje u {mun} raspisuje konkurs br. {ref} za popunjavanje slobodnih radnih mesta: nastavnik {subject_school_sr} u osnovnoj školi \"{school}\" u selu {village}, puno radno vreme. Kandidati treba da imaju diplomu odgovarajućeg fakulteta. Rok konkursa je 8 dana od objavljivanja, {day}. {month} {year}.",
        ),
        "tr": (
            "\"{school}\" okulunda öğretmen alımı ilanı ({village})",
            "Belediye Eğitim Müdürlüğü {subject_school_tr} öğretmeni için {ref} numaralı ilanı yayımladı.",
            "{mun} Belediye Eğitim Müdürlüğü, {village} köyündeki \"{school}\" ilköğretim okulunda tam zamanlı {subject_school_tr} öğretmeni kadrosu için {ref} numaralı iş ilanı açar. Başvuru süresi {day} {month} {year} tarihinden itibaren 8 gündür.",
        ),
        "en": (
            "Vacancy for teachers at the \"{school}\" school in {village}",
            "The Municipal Education Directorate announces vacancy {ref} for a {subject_school_en} teacher.",
            "The Municipal Education Directorate of {mun} announces vacancy no. {ref} for a full-time {subject_school_en} teacher at the \"{school}\" primary school in {village}. Applications are open for 8 days from publication, {day} {month} {year}.",
        ),
    },
    "vaccination": {
        "type": "notice",
        "sq": (
            "Njoftim për vaksinimin e {animal_sq} në {village}",
            "Veterinarët komunalë vaksinojnë {animal_sq} në {village} më {day} {month} {year}.",
            "Drejtoria e Bujqësisë e Komunës së {gen}, në bashkëpunim me Agjencinë e Ushqimit dhe Veterinarisë, njofton pronarët se më {day} {month} {year} do të bëhet vaksinimi falas i {animal_sq} në fshatin {village}. Pronarët duhet të kenë me vete pasaportën e kafshës.",
        ),
        "sr": (
            "Obaveštenje o vakcinaciji {animal_sr} u selu {village}",
            "Opštinski veterinari vakcinišu {animal_sr} u selu {village} {day}. {month} {year}.",
            "Direkcija za poljoprivredu opštine {gen}, u saradnji sa Agencijom za hranu i veterinu, obaveštava vlasnike da će {day}. {month} {year}. biti sprovedena besplatna vakcinacija {animal_sr} u selu {village}. Vlasnici treba da ponesu pasoš životinje.",
        ),
        "tr": (
            "{village} köyünde {animal_tr} aşılama duyurusu",
            "Belediye veterinerleri {day} {month} {year} tarihinde {village} köyünde {animal_tr} aşılayacak.",
            "{mun} Belediyesi Tarım Müdürlüğü, Gıda ve Veteriner Ajansı ile birlikte, {day} {month} {year} tarihinde {village} köyünde {animal_tr} ücretsiz aşılanacağını duyurur.",
        ),
        "en": (
            "Notice on the vaccination of {animal_en} in {village}",
            "Municipal vets vaccinate {animal_en} in {village} on {day} {month} {year}.",
            "The Directorate of Agriculture of the Municipality of {mun}, with the Food and Veterinary Agency, informs owners that free vaccination of {animal_en} will take place in {village} on {day} {month} {year}.",
        ),
    },
    "press": {
        "type": "press_release",
        "sq": (
            "Kryetari i Komunës së {gen} inauguroi {work_done_sq} në {village}",
            "Kryebashkiaku përuroi sot {work_done_sq} në {village}, investim nga buxheti komunal {year}.",
            "Kryetari i Komunës së {gen} ka inauguruar sot, më {day} {month} {year}, {work_done_sq} në fshatin {village}. Investimi është financuar nga buxheti komunal dhe është pjesë e planit të investimeve kapitale. Banorët e {village} falënderuan komunën për realizimin e kësaj kërkese të kahmotshme.",
        ),
        "sr": (
            "Predsednik opštine {gen} otvorio {work_done_sr} u selu {village}",
            "Gradonačelnik je danas otvorio {work_done_sr} u selu {village}, investicija iz budžeta za {year}.",
            "Predsednik opštine {gen} otvorio je danas, {day}. {month} {year}, {work_done_sr} u selu {village}. Investicija je finansirana iz opštinskog budžeta i deo je plana kapitalnih investicija.",
        ),
        "tr": (
            "{mun} Belediye Başkanı {village} köyünde {work_done_tr} açtı",
            "Belediye Başkanı bugün {village} köyünde {work_done_tr} açtı, {year} belediye bütçesinden yatırım.",
            "{mun} Belediye Başkanı bugün, {day} {month} {year}, {village} köyünde {work_done_tr} açılışını yaptı. Yatırım belediye bütçesinden finanse edildi.",
        ),
        "en": (
            "Mayor of {mun} opens {work_done_en} in {village}",
            "The Mayor today opened {work_done_en} in {village}, an investment from the {year} municipal budget.",
            "The Mayor of {mun} today, {day} {month} {year}, opened {work_done_en} in the village of {village}. The investment was financed from the municipal budget.",
        ),
    },
}  # fmt: skip

# Varied slot values per category, each a dict of per-language words.
SECTORS = [
    {"sector_sq": "bletari", "sector_sr": "pčelarstvu", "sector_tr": "arıcılık", "sector_en": "beekeeping"},
    {"sector_sq": "blegtori", "sector_sr": "stočarstvu", "sector_tr": "hayvancılık", "sector_en": "livestock farming"},
    {"sector_sq": "pemëtari", "sector_sr": "voćarstvu", "sector_tr": "meyvecilik", "sector_en": "fruit growing"},
    {"sector_sq": "perimtari në sera", "sector_sr": "povrtarstvu u plastenicima", "sector_tr": "sera sebzeciliği", "sector_en": "greenhouse vegetables"},
    {"sector_sq": "drithëra", "sector_sr": "žitaricama", "sector_tr": "tahıl üretimi", "sector_en": "cereals"},
]  # fmt: skip
WORKS = [
    {"work_sq": "asfaltimi i rrugës kryesore", "work_sr": "asfaltiranje glavnog puta", "work_tr": "ana yolun asfaltlanması", "work_en": "asphalting of the main road"},
    {"work_sq": "ndërtimi i kanalizimit", "work_sr": "izgradnja kanalizacije", "work_tr": "kanalizasyon inşaatı", "work_en": "construction of the sewage network"},
    {"work_sq": "ndriçimi publik i rrugëve", "work_sr": "javna rasveta ulica", "work_tr": "sokakların aydınlatılması", "work_en": "public street lighting"},
    {"work_sq": "rregullimi i shtratit të lumit", "work_sr": "regulacija korita reke", "work_tr": "dere yatağının düzenlenmesi", "work_en": "regulation of the river bed"},
    {"work_sq": "rikonstruimi i ujësjellësit", "work_sr": "rekonstrukcija vodovoda", "work_tr": "su şebekesinin yenilenmesi", "work_en": "reconstruction of the water supply"},
    {"work_sq": "ndërtimi i trotuarit", "work_sr": "izgradnja trotoara", "work_tr": "kaldırım yapımı", "work_en": "construction of the pavement"},
]  # fmt: skip
SUBJECTS = [
    {"subject_sq": "emërtimin e rrugëve", "subject_sr": "imenovanju ulica", "subject_tr": "sokakların adlandırılması", "subject_en": "naming of streets"},
    {"subject_sq": "ndarjen e parcelës për varrezat", "subject_sr": "dodeli parcele za groblje", "subject_tr": "mezarlık için parsel tahsisi", "subject_en": "allocation of a plot for the cemetery"},
    {"subject_sq": "lirimin nga tatimi në pronë", "subject_sr": "oslobađanju od poreza na imovinu", "subject_tr": "emlak vergisi muafiyeti", "subject_en": "exemption from property tax"},
    {"subject_sq": "dhënien në shfrytëzim të pronës komunale", "subject_sr": "davanju na korišćenje opštinske imovine", "subject_tr": "belediye mülkünün kullanıma verilmesi", "subject_en": "lease of municipal property"},
    {"subject_sq": "transportin falas të nxënësve", "subject_sr": "besplatnom prevozu učenika", "subject_tr": "öğrencilerin ücretsiz taşınması", "subject_en": "free transport of pupils"},
]  # fmt: skip
SCHOOL_SUBJECTS = [
    {"subject_school_sq": "matematikës", "subject_school_sr": "matematike", "subject_school_tr": "matematik", "subject_school_en": "mathematics"},
    {"subject_school_sq": "gjuhës angleze", "subject_school_sr": "engleskog jezika", "subject_school_tr": "İngilizce", "subject_school_en": "English"},
    {"subject_school_sq": "biologjisë", "subject_school_sr": "biologije", "subject_school_tr": "biyoloji", "subject_school_en": "biology"},
    {"subject_school_sq": "edukatës fizike", "subject_school_sr": "fizičkog vaspitanja", "subject_school_tr": "beden eğitimi", "subject_school_en": "physical education"},
]  # fmt: skip
ANIMALS = [
    {"animal_sq": "qenve", "animal_sr": "pasa", "animal_tr": "köpekler", "animal_en": "dogs"},
    {"animal_sq": "gjedhëve", "animal_sr": "goveda", "animal_tr": "sığırlar", "animal_en": "cattle"},
    {"animal_sq": "deleve", "animal_sr": "ovaca", "animal_tr": "koyunlar", "animal_en": "sheep"},
]  # fmt: skip
WORKS_DONE = [
    {"work_done_sq": "shkollën e re", "work_done_sr": "novu školu", "work_done_tr": "yeni okulu", "work_done_en": "the new school"},
    {"work_done_sq": "qendrën e mjekësisë familjare", "work_done_sr": "dom zdravlja", "work_done_tr": "aile sağlığı merkezini", "work_done_en": "the family health centre"},
    {"work_done_sq": "fushën sportive", "work_done_sr": "sportski teren", "work_done_tr": "spor sahasını", "work_done_en": "the sports ground"},
    {"work_done_sq": "urën mbi lumë", "work_done_sr": "most preko reke", "work_done_tr": "nehir üzerindeki köprüyü", "work_done_en": "the bridge over the river"},
]  # fmt: skip
SLOTS = {
    "subsidy": SECTORS,
    "tender": WORKS,
    "decision": SUBJECTS,
    "vacancy": SCHOOL_SUBJECTS,
    "vaccination": ANIMALS,
    "press": WORKS_DONE,
}
