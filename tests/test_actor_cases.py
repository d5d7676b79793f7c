"""Actor resolution on the hand-written cases in ``tests/data/actor_cases.tsv``.

Each case is ``text<TAB>country<TAB>sector<TAB>date`` ("-" for none, an empty date for
none). The test scores country and sector agreement over all cases (a sector of "-" must
resolve to no sector) and fails when either falls below its floor; the misses are printed.
Run ``python tests/test_actor_cases.py`` to see the scores and every miss.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from newsfuse import resolve_actor

CASES = Path(__file__).resolve().parent / "data" / "actor_cases.tsv"

COUNTRY_FLOOR = 0.97
SECTOR_FLOOR = 0.975


@dataclass(frozen=True)
class Case:
    text: str
    country: str | None
    sector: str | None
    date: str | None


def load_cases(path: Path = CASES) -> list[Case]:
    cases = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t") + [""] * 3
        text, country, sector, date = (c.strip() for c in cells[:4])
        cases.append(
            Case(
                text,
                None if country in ("-", "") else country,
                None if sector in ("-", "") else sector,
                date or None,
            )
        )
    return cases


def score(cases: list[Case]) -> tuple[float, float, list[str]]:
    """Country agreement, sector agreement, and one line per miss."""
    country_ok = sector_ok = 0
    misses = []
    for case in cases:
        actor = resolve_actor(case.text, case.date)
        c_ok = actor.country == case.country
        s_ok = actor.sector == case.sector
        country_ok += c_ok
        sector_ok += s_ok
        if not (c_ok and s_ok):
            wrong = ("country " if not c_ok else "") + ("sector" if not s_ok else "")
            misses.append(
                f"{case.text!r}: got {actor.country or '-'} {actor.sector or '-'}, "
                f"want {case.country or '-'} {case.sector or '-'} ({wrong.strip()})"
            )
    n = len(cases) or 1
    return country_ok / n, sector_ok / n, misses


def test_cases_file_is_well_formed():
    cases = load_cases()
    assert len(cases) >= 200
    for case in cases:
        assert case.text, case
        assert case.country is None or (len(case.country) == 3 and case.country.isupper()), case
        assert case.sector is None or (len(case.sector) == 3 and case.sector.isupper()), case


def test_actor_case_agreement():
    country, sector, misses = score(load_cases())
    print(f"\ncountry agreement {country:.3f}, sector agreement {sector:.3f}")
    print("\n".join(misses))
    assert country >= COUNTRY_FLOOR, "\n".join(misses)
    assert sector >= SECTOR_FLOOR, "\n".join(misses)


if __name__ == "__main__":
    country, sector, misses = score(load_cases())
    print("\n".join(misses))
    print(f"{len(load_cases())} cases: country {country:.3f}, sector {sector:.3f}")
