"""Thirty requests of January–June 2018: 28 answered on time, 2 filed at the end of
June and answered in July, so the half-year reads "30 received, 28 on time, 2 in
process" (Public Information Office, six-month report)."""

import random
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from core.locales import default_language_code

from .calendar import add_working_days
from .models import (
    CODE_ALPHABET,
    CODE_LENGTH,
    AccessRequest,
    LegalGround,
    RequesterCategory,
    State,
    holiday_dates,
)

CATEGORIES = (
    [RequesterCategory.CITIZEN] * 14
    + [RequesterCategory.CIVIL_SOCIETY] * 7
    + [RequesterCategory.MEDIA] * 6
    + [RequesterCategory.POLITICAL_PARTY] * 3
)
SUBJECTS = [
    "Kontrata për mirëmbajtjen e rrugëve në vitin 2017",
    "Procesverbali i mbledhjes së Kuvendit të Komunës, shkurt 2018",
    "Lista e bursave të ndara për studentë në vitin 2017",
    "Buxheti i investimeve kapitale për fshatin Përlepnicë",
    "Lejet e ndërtimit të lëshuara në janar 2018",
    "Raporti i auditimit për vitin 2017",
    "Vendimi për subvencionet në bujqësi",
    "Plani i menaxhimit të mbeturinave",
    "Shpenzimet për dieta dhe udhëtime zyrtare, 2017",
    "Kontratat e punës me kohë të caktuar në Drejtorinë e Arsimit",
]
NAMES = [
    "Arta Berisha",
    "Driton Hoxha",
    "Milica Jovanović",
    "Ayşe Demir",
    "Besnik Kastrati",
]


def _code(rng):
    return "".join(rng.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def _at(day, hour=10):
    return timezone.make_aware(
        datetime.combine(day, datetime.min.time()).replace(hour=hour)
    )


def demo_codes():
    """The demo requests' tracking codes (the first draws of the demo generator)."""
    rng = random.Random(2018)  # noqa: S311 - repeatable demo data, not secrets
    return [_code(rng) for _ in range(30)]


def load_demo_requests():
    rng = random.Random(2018)  # noqa: S311 - repeatable demo data, not secrets
    codes = [_code(rng) for _ in range(30)]
    if AccessRequest.objects.filter(tracking_code=codes[0]).exists():
        return 0
    holidays = holiday_dates()
    start = datetime(2018, 1, 8).date()
    received_days = [add_working_days(start, 4 * i, holidays) for i in range(28)]
    received_days += [datetime(2018, 6, 26).date(), datetime(2018, 6, 28).date()]
    categories = CATEGORIES[:]
    rng.shuffle(categories)
    with transaction.atomic():
        for index, (code, day, category) in enumerate(
            zip(codes, received_days, categories, strict=True)
        ):
            item = AccessRequest(
                tracking_code=code,
                requester_name=NAMES[index % len(NAMES)],
                email=f"kerkuesi{index + 1}@example.org" if index % 3 else "",
                postal_address="" if index % 3 else "Rr. Adem Jashari, 60000 Gjilan",
                category=category,
                documents_requested=SUBJECTS[index % len(SUBJECTS)],
                preferred_format=rng.choice(["copy", "electronic", "electronic"]),
                received_at=_at(day),
                language=default_language_code(),
            )
            item.save()
            _answer(item, index, day, rng, holidays)
    return 30


def _answer(item, index, day, rng, holidays):
    item.transition(State.IN_PROGRESS, when=_at(day, 14), note="demo")
    if index == 5:
        # Clarification asked on the next working day, received three days later.
        asked = add_working_days(day, 1, holidays)
        item.transition(State.CLARIFICATION, when=_at(asked), note="demo")
        item.transition(
            State.IN_PROGRESS, when=_at(add_working_days(asked, 3, holidays))
        )
    if index == 11:
        item.transition(
            State.EXTENDED,
            when=_at(add_working_days(day, 5, holidays)),
            extension_days=10,
            extension_reason="Dokumentet gjenden në arkivin e vitit 2012.",
        )
        answered = add_working_days(day, 12, holidays)
    else:
        answered = add_working_days(day, rng.randint(2, 7), holidays)
        answered = min(answered, item.deadline)
    if index in (3, 17):
        state, ground = (
            State.REFUSED,
            (LegalGround.PERSONAL_DATA if index == 3 else LegalGround.NOT_HELD),
        )
    elif index in (8, 21, 25):
        state, ground = State.PARTIALLY_GRANTED, LegalGround.COMMERCIAL
    else:
        state, ground = State.GRANTED, None
    item.transition(
        state,
        notify=False,
        when=_at(answered, 12),
        legal_ground=ground,
        decision_text="Dokumentet e kërkuara janë dërguar sipas formatit të kërkuar."
        if state != State.REFUSED
        else "Kërkesa refuzohet sipas nenit 17 të Ligjit nr. 06/L-081.",
    )


def load(demo):
    """The demo provider (see core.demo): the requests need no demo pages."""
    load_demo_requests()
