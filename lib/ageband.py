"""Age bands, derived from a date of birth when there is one."""

import datetime

# (code, lowest age in the band); each band runs to the next band's lowest age.
BANDS: list[tuple[str, int]] = [
    ("under_18", 0),
    ("18_24", 18),
    ("25_34", 25),
    ("35_49", 35),
    ("50_64", 50),
    ("65_74", 65),
    ("75_84", 75),
    ("85_plus", 85),
]


def age_on(date_of_birth: datetime.date, today: datetime.date) -> int:
    before_birthday = (today.month, today.day) < (date_of_birth.month, date_of_birth.day)
    return today.year - date_of_birth.year - int(before_birthday)


def band_for_age(age: int) -> str:
    if age < 0:
        raise ValueError("age cannot be negative")
    code = BANDS[0][0]
    for band, lowest in BANDS:
        if age >= lowest:
            code = band
    return code


def band_for_birth_date(date_of_birth: datetime.date, today: datetime.date) -> str:
    return band_for_age(age_on(date_of_birth, today))
