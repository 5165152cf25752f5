"""Working days in the Republic of Kosovo: the date arithmetic behind deadlines.

The functions take the holidays as a set of dates so they stay pure and testable;
`holiday_dates()` reads them from the editable `Holiday` table.
"""

from datetime import date, timedelta

# Fixed official holidays (month, day, English name).
FIXED_HOLIDAYS = [
    (1, 1, "New Year's Day"),
    (1, 2, "New Year's Day (second day)"),
    (1, 7, "Orthodox Christmas"),
    (2, 17, "Independence Day"),
    (4, 9, "Constitution Day"),
    (5, 1, "Labour Day"),
    (5, 9, "Europe Day"),
    (12, 25, "Catholic Christmas"),
]

# Eid dates follow the lunar calendar and the Islamic Community of Kosovo's
# announcement, so they are data, not arithmetic: the first day of each feast as
# published in the standard (Umm al-Qura based) tables. Officers correct a year in
# the admin when the Government's decision differs.
EID_AL_FITR = {
    2018: date(2018, 6, 15),
    2019: date(2019, 6, 4),
    2020: date(2020, 5, 24),
    2021: date(2021, 5, 13),
    2022: date(2022, 5, 2),
    2023: date(2023, 4, 21),
    2024: date(2024, 4, 10),
    2025: date(2025, 3, 30),
    2026: date(2026, 3, 20),
    2027: date(2027, 3, 10),
}
EID_AL_ADHA = {
    2018: date(2018, 8, 21),
    2019: date(2019, 8, 11),
    2020: date(2020, 7, 31),
    2021: date(2021, 7, 20),
    2022: date(2022, 7, 9),
    2023: date(2023, 6, 28),
    2024: date(2024, 6, 16),
    2025: date(2025, 6, 6),
    2026: date(2026, 5, 27),
    2027: date(2027, 5, 16),
}


def western_easter(year):
    """Easter Sunday in the Gregorian calendar (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def orthodox_easter(year):
    """Orthodox Easter Sunday as a Gregorian date (Meeus' Julian algorithm)."""
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    julian = date(year, month, day + 1)
    # Julian-to-Gregorian offset: 13 days from 1900 to 2099.
    return julian + timedelta(days=(year // 100) - (year // 400) - 2)


def holidays_for_year(year):
    """(date, English name, kind) for every official holiday of `year` known here."""
    rows = [(date(year, m, d), name, "fixed") for m, d, name in FIXED_HOLIDAYS]
    rows.append(
        (western_easter(year) + timedelta(days=1), "Catholic Easter Monday", "movable")
    )
    rows.append(
        (orthodox_easter(year) + timedelta(days=1), "Orthodox Easter Monday", "movable")
    )
    if year in EID_AL_FITR:
        rows.append((EID_AL_FITR[year], "Eid al-Fitr", "movable"))
    if year in EID_AL_ADHA:
        rows.append((EID_AL_ADHA[year], "Eid al-Adha", "movable"))
    return sorted(rows)


def is_working_day(day, holidays):
    return day.weekday() < 5 and day not in holidays


def add_working_days(start, count, holidays):
    """The date `count` working days after `start` (the start day never counts)."""
    day = start
    while count > 0:
        day += timedelta(days=1)
        if is_working_day(day, holidays):
            count -= 1
    return day


def working_days_between(start, end, holidays):
    """Working days in (start, end]; negative when end is before start."""
    if end < start:
        return -working_days_between(end, start, holidays)
    count = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        if is_working_day(day, holidays):
            count += 1
    return count
