"""Read actor and agent dictionaries in the CAMEO format of TABARI and PETRARCH.

Actor files list names with their CAMEO codes::

    # comment                                   (also after an entry; <!-- ... --> too)
    KIM_JONG_UN                                 an entry: words joined with "_"
    +KIM_JONG-UN                                a synonym of the entry above
        [PRKELI <101101]                        before 2010-11-01
        [PRKGOV >101101]                        from 2010-11-01 on
    HAMID_KARZAI_  [AFGGOV 011222-141229]       codes may follow the name on its line
    INDIAN_OCEAN  [---]                         the null code: known, deliberately uncoded

Dates are ``YYMMDD`` (00-29 → 20xx, 30-99 → 19xx, as the Phoenix files use them) or
``YYYYMMDD``. ``A-B`` runs from A up to, not including, B, so that the adjacent ranges of
the dictionaries (``[AFGELI 320101-331108] [AFGGOV 331108-730717]``) do not overlap: a
:class:`DatedCode` holds ``start`` (inclusive) and ``end`` (exclusive). A bare date
(``[MNEGOV 20121204]``) is read as a start date and reported. A trailing ``_`` (TABARI's
"whole word" marker) is dropped; names keep their words joined by spaces. Names in
``{...}`` are further forms of the entry.

Agents files map role words to codes marked with ``~``::

    !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON   a substitution set
    SOLDIER [~MIL]                              regular plural generated (soldiers)
    HITMAN {HITMEN} [~UAF]                      irregular plural given
    ANTI_RIOT_POLICE {} [~COP]                  no plural
    POLICE!PERSON!  [~COP]                      policeman, policemen, policewoman, ...

Nothing in a file is fatal: a line that cannot be read is reported as
``"path:LINE: what is wrong"`` and skipped, and the rest of the entry is kept.

Codes map to our :class:`~newsfuse.model.Actor` fields with :func:`cameo_to_actor`, driven
by ``newsfuse/data/cameo_codes.tsv``, which documents the rules. Two sector codes differ
from CAMEO on purpose: **CAMEO MED (media) becomes our JRN**, and **CAMEO HLH (health)
becomes our MED** (medical), so that "paramedic" and "Reuters" do not share a sector.
International organisations, NGOs and multinationals (codes starting IGO, NGO, MNC) have
no country: ``(None, "IGO")``, ``(None, "NGO")``, ``(None, "BUS")``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from newsfuse.countries import iso3_codes
from newsfuse.tables import read_table

__all__ = [
    "AgentEntry",
    "DatedCode",
    "DictEntry",
    "cameo_to_actor",
    "is_agent_text",
    "parse_actor_file",
    "parse_actor_text",
    "parse_agent_file",
    "parse_agent_text",
    "plural",
    "read_dictionary_text",
]

NULL_CODE = "---"

_BRACKET = re.compile(r"\[([^\[\]]*)\]")
_BRACE = re.compile(r"\{([^{}]*)\}")
_CODE = re.compile(
    r"^(?P<code>~?[A-Z0-9]+~?|-{3})\s*"
    r"(?:(?P<op>[<>])\s*(?P<d1>\d+)|(?P<a>\d+)\s*-\s*(?P<b>\d+)|(?P<bare>\d+))?$"
)
_SET_DEFINITION = re.compile(r"^!(?P<name>[A-Za-z0-9_]+)!\s*=\s*(?P<words>.*)$")
_SET_USE = re.compile(r"!([A-Za-z0-9_]+)!")
_SPACES = re.compile(r"[\s_]+")
_XML_COMMENT = re.compile(r"<!--.*?-->")
_PLURAL_ES = re.compile(r"(?:s|x|z|ch|sh)$")
_PLURAL_IES = re.compile(r"[^aeiou]y$")
_NOT_MAN = frozenset({"human", "german", "roman", "shaman", "ottoman", "talisman", "caiman"})


# -- records -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DatedCode:
    """A CAMEO code, valid from ``start`` (inclusive) to ``end`` (exclusive); None = open."""

    code: str
    start: date | None = None
    end: date | None = None

    def valid_on(self, day: date) -> bool:
        """Whether the code applies on ``day``."""
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)

    @property
    def dated(self) -> bool:
        """Whether either bound is set."""
        return self.start is not None or self.end is not None


@dataclass(frozen=True, slots=True)
class DictEntry:
    """An actor-file entry: its name, synonyms and codes, and where it was read."""

    name: str
    synonyms: tuple[str, ...]
    codes: tuple[DatedCode, ...]
    source: str
    line: int

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by its synonyms."""
        return (self.name, *self.synonyms)


@dataclass(frozen=True, slots=True)
class AgentEntry:
    """A role word or phrase of an agents file with its further (plural) forms and sector."""

    name: str
    forms: tuple[str, ...]
    code: str
    sector: str | None
    source: str
    line: int

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by its other forms."""
        return (self.name, *self.forms)


@dataclass(slots=True)
class _Block:
    """An entry line with the synonym and code lines under it, before interpretation."""

    name: str
    line: int
    last: int = 0  # number of its last line
    synonyms: list[str] = field(default_factory=list)
    codes: list[tuple[str, int]] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)
    braces: bool = False


# -- reading lines -------------------------------------------------------------------------


def read_dictionary_text(path: str | Path) -> tuple[str, list[str]]:
    """The text of a dictionary file: UTF-8 (with or without BOM), else cp1252 (reported)."""
    data = Path(path).read_bytes()
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        note = f"{path}: not UTF-8 (byte {exc.start}); read as cp1252"
        return data.decode("cp1252", errors="replace"), [note]


def is_agent_text(text: str) -> bool:
    """Whether a dictionary's text is an agents file: it has ``[~`` (or ``~]``) codes."""
    return "[~" in text or "~]" in text


def _content_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, text) of the lines left once comments and blanks are taken out."""
    in_xml = False
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw
        if in_xml or "<!--" in line:
            line, in_xml = _strip_xml(line, in_xml)
        line = line.split("#", 1)[0].strip()
        if line:
            yield number, line


def _strip_xml(line: str, in_xml: bool) -> tuple[str, bool]:
    """Remove ``<!-- -->`` comments from a line; say whether one stays open after it."""
    if in_xml:
        end = line.find("-->")
        if end < 0:
            return "", True
        line = line[end + 3 :]
    line = _XML_COMMENT.sub(" ", line)
    start = line.find("<!--")
    if start >= 0:
        return line[:start], True
    return line, False


def _by_line(problems: list[str], source: str) -> list[str]:
    """Problems ``source:LINE: ...`` in line order."""
    skip = len(source) + 1

    def line_of(problem: str) -> int:
        number = problem[skip:].split(":", 1)[0]
        return int(number) if number.isdigit() else 0

    return sorted(problems, key=line_of)


def _clean_name(raw: str) -> str:
    """``KIM_JONG_UN_`` → ``KIM JONG UN``."""
    return _SPACES.sub(" ", raw).strip()


def _split_line(line: str, where: str, problems: list[str]) -> tuple[str, list[str], list[str]]:
    """A line's name text, bracketed codes and braced forms; stray text is reported."""
    if not any(c in line for c in "[]{}"):
        return line, [], []
    codes = _BRACKET.findall(line)
    forms = _BRACE.findall(line)
    rest = _BRACE.sub("\x00", _BRACKET.sub("\x00", line))
    name, _, after = rest.partition("\x00")
    after = after.replace("\x00", " ").strip()
    if any(c in rest for c in "[]{}"):
        problems.append(f"{where}: unbalanced brackets or braces in {line!r}; line skipped")
        return "", [], []
    if after:
        problems.append(f"{where}: text after the codes ignored: {after!r}")
    return name, codes, forms


def _read_blocks(
    text: str, source: str, problems: list[str], sets: dict[str, list[str]] | None = None
) -> list[_Block]:
    """Group a file's lines into entry blocks; with ``sets``, also read substitution sets."""
    blocks: list[_Block] = []
    for number, line in _content_lines(text):
        where = f"{source}:{number}"
        if sets is not None and (definition := _SET_DEFINITION.match(line)):
            sets[definition["name"].upper()] = _set_words(definition["words"])
            continue
        name, codes, forms = _split_line(line, where, problems)
        if not (name.strip() or codes or forms):
            continue
        _add_line(blocks, name, codes, forms, number, where, problems)
    return blocks


def _set_words(words: str) -> list[str]:
    """The alternatives of a substitution set: ``MAN, MEN, WOMAN`` → [MAN, MEN, WOMAN]."""
    return [_clean_name(word) for word in words.split(",") if word.strip()]


def _add_line(
    blocks: list[_Block],
    name: str,
    codes: list[str],
    forms: list[str],
    number: int,
    where: str,
    problems: list[str],
) -> None:
    """Add one line to the blocks: a new entry, or synonyms and codes of the last one."""
    stripped = name.strip()
    if stripped and not stripped.startswith("+"):
        if _continues(blocks, number, codes):
            blocks[-1].synonyms.append(_clean_name(stripped))
            problems.append(
                f"{where}: {_clean_name(stripped)!r} read as a synonym of {blocks[-1].name!r}"
                " (the line above it has no code and no blank line or comment parts them)"
            )
        else:
            blocks.append(_Block(name=_clean_name(stripped), line=number))
    elif not blocks:
        problems.append(f"{where}: synonym or code before any entry; line skipped")
        return
    block = blocks[-1]
    block.last = number
    if stripped.startswith("+"):
        block.synonyms.extend(_synonyms(stripped, where, problems))
    block.codes.extend((code, number) for code in codes)
    block.braces = block.braces or bool(forms)  # even an empty {} counts: "no plural"
    block.forms.extend(_clean_name(form) for form in forms if _clean_name(form))


def _continues(blocks: list[_Block], number: int, codes: list[str]) -> bool:
    """Whether a name line without ``+`` still belongs to the entry above it.

    The Phoenix files list a person's names on consecutive lines with the codes under the
    last one (LEONID_BREZHNEV_ / LEONID_ILYICH_BREZHNEV / [RUSGOV 641014-821110]). A name
    line is read that way when the entry above has no code yet, ends on the line right
    above, and the line has no code of its own.
    """
    if codes or not blocks:
        return False
    above = blocks[-1]
    return not above.codes and above.last == number - 1


def _synonyms(raw: str, where: str, problems: list[str]) -> list[str]:
    """The synonyms on a ``+`` line; ``+A+B`` (lines run together) gives both, reported."""
    parts = [_clean_name(part) for part in raw.split("+")[1:]]
    names = [part for part in parts if part]
    if len(parts) > 1:
        problems.append(f"{where}: several '+' on one line; read as {len(names)} synonyms")
    if not names:
        problems.append(f"{where}: empty synonym")
    return names


# -- codes and dates -----------------------------------------------------------------------


def _day(digits: str) -> date:
    """``YYMMDD`` or ``YYYYMMDD`` → date; ValueError with a readable message otherwise."""
    if len(digits) == 6:
        short = int(digits[:2])
        year = 2000 + short if short < 30 else 1900 + short
        month, day = int(digits[2:4]), int(digits[4:])
    elif len(digits) == 8:
        year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:])
    else:
        raise ValueError(f"date {digits!r} has {len(digits)} digits, not 6 (YYMMDD) or 8")
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"date {digits!r} is not a calendar date") from None


def _dated_code(content: str, where: str, problems: list[str]) -> DatedCode | None:
    """Read one bracket's content (``PRKGOV >101101``); None, reported, if unreadable."""
    code, note = _read_code(content)
    if note:
        problems.append(f"{where}: [{content}]: {note}")
    return code


@lru_cache(maxsize=65536)
def _read_code(content: str) -> tuple[DatedCode | None, str | None]:
    """(code or None, what is wrong with it or None) for one bracket's content."""
    match = _CODE.match(content.strip().upper())
    if not match:
        return None, "unreadable code; code skipped"
    try:
        start, end = _bounds(match)
    except ValueError as exc:
        return None, f"{exc}; code skipped"
    if start and end and start > end:
        return None, "range ends before it starts; code skipped"
    if start and end and start == end:
        end = start + timedelta(days=1)  # A-A: that one day
    note = "date without '<', '>' or range; read as '>'" if match["bare"] else None
    return DatedCode(match["code"], start, end), note


def _bounds(match: re.Match[str]) -> tuple[date | None, date | None]:
    """The (start, end) of a matched code."""
    if match["op"] == ">":
        return _day(match["d1"]), None
    if match["op"] == "<":
        return None, _day(match["d1"])
    if match["a"]:
        return _day(match["a"]), _day(match["b"])
    if match["bare"]:
        return _day(match["bare"]), None
    return None, None


# -- actor files ---------------------------------------------------------------------------


def parse_actor_file(path: str | Path) -> tuple[list[DictEntry], list[str]]:
    """Read a CAMEO actors file: (entries, problems). Entries without a usable code are left out."""
    text, problems = read_dictionary_text(path)
    entries, more = parse_actor_text(text, str(path))
    return entries, problems + more


def parse_actor_text(text: str, source: str = "<text>") -> tuple[list[DictEntry], list[str]]:
    """Read the text of an actors file; ``source`` names it in entries and problems."""
    problems: list[str] = []
    entries = []
    for block in _read_blocks(text, source, problems):
        entry = _actor_entry(block, source, problems)
        if entry is not None:
            entries.append(entry)
    return entries, _by_line(problems, source)


def _actor_entry(block: _Block, source: str, problems: list[str]) -> DictEntry | None:
    """Turn a block into an entry; None (reported) when it has no name or no usable code."""
    where = f"{source}:{block.line}"
    if not block.name:
        problems.append(f"{where}: entry without a name; skipped")
        return None
    codes = []
    for content, number in block.codes:
        code = _dated_code(content, f"{source}:{number}", problems)
        if code is not None:
            codes.append(code)
    if not codes:
        problems.append(f"{where}: {block.name!r} has no usable code; entry skipped")
        return None
    synonyms = tuple(dict.fromkeys(block.synonyms + block.forms))
    return DictEntry(block.name, synonyms, tuple(codes), source, block.line)


# -- agents files --------------------------------------------------------------------------


def parse_agent_file(path: str | Path) -> tuple[list[AgentEntry], list[str]]:
    """Read a CAMEO agents file: (agents, problems)."""
    text, problems = read_dictionary_text(path)
    agents, more = parse_agent_text(text, str(path))
    return agents, problems + more


def parse_agent_text(text: str, source: str = "<text>") -> tuple[list[AgentEntry], list[str]]:
    """Read the text of an agents file; ``source`` names it in entries and problems."""
    problems: list[str] = []
    sets: dict[str, list[str]] = {}
    agents: list[AgentEntry] = []
    for block in _read_blocks(text, source, problems, sets):
        agents.extend(_agent_entries(block, sets, source, problems))
    return agents, _by_line(problems, source)


def _agent_entries(
    block: _Block, sets: dict[str, list[str]], source: str, problems: list[str]
) -> list[AgentEntry]:
    """The agents of one block: its name and synonyms, substitution sets expanded."""
    where = f"{source}:{block.line}"
    code = _agent_code(block, source, problems)
    if code is None:
        return []
    sector = cameo_to_actor(code if "~" in code else f"~{code}")[1]
    agents = []
    for name in [block.name, *block.synonyms]:
        for variant, substituted in _expand(name, sets, where, problems):
            forms = _agent_forms(variant, block, substituted)
            agents.append(AgentEntry(variant, forms, code, sector, source, block.line))
    return agents


def _agent_code(block: _Block, source: str, problems: list[str]) -> str | None:
    """The code of an agent block: its first readable one (dates are not used for agents)."""
    where = f"{source}:{block.line}"
    if not block.name:
        problems.append(f"{where}: agent without a name; skipped")
        return None
    codes = [c for c, n in block.codes if _dated_code(c, f"{source}:{n}", problems)]
    if not codes:
        problems.append(f"{where}: {block.name!r} has no usable code; agent skipped")
        return None
    if len(codes) > 1:
        problems.append(f"{where}: {block.name!r} has {len(codes)} codes; the first is used")
    return codes[0].split()[0].upper()


def _expand(
    name: str, sets: dict[str, list[str]], where: str, problems: list[str]
) -> list[tuple[str, bool]]:
    """``FOREIGN_!MINIST!`` → [(FOREIGN MINISTER, True), ...]; a name without sets as is."""
    keys = _SET_USE.findall(name)
    if not keys:
        return [(name, False)]
    unknown = [key for key in keys if key.upper() not in sets]
    if unknown:
        problems.append(f"{where}: unknown substitution set !{unknown[0]}! in {name!r}; skipped")
        return []
    pieces = _SET_USE.split(name)  # literal, key, literal, key, ..., literal
    options = [[p] if i % 2 == 0 else sets[p.upper()] for i, p in enumerate(pieces)]
    return [(_clean_name("".join(choice)), True) for choice in itertools.product(*options)]


def _agent_forms(name: str, block: _Block, substituted: bool) -> tuple[str, ...]:
    """The further forms of an agent: ``{...}`` forms if given, else a regular plural.

    A name made from a substitution set gets none: the set lists its plurals (MEN, MINISTERS).
    """
    if block.braces:
        return tuple(block.forms)
    if substituted:
        return ()
    return (plural(name),)


def plural(phrase: str) -> str:
    """The regular English plural of a phrase's last word, in lower case: soldiers, militiamen."""
    head, _, last = phrase.lower().rpartition(" ")
    if last.endswith("man") and last not in _NOT_MAN:
        last = last[:-3] + "men"
    elif last == "person":
        last = "people"
    elif _PLURAL_IES.search(last):
        last = last[:-1] + "ies"
    elif _PLURAL_ES.search(last):
        last += "es"
    else:
        last += "s"
    return f"{head} {last}" if head else last


# -- codes → our actors --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _CodePart:
    """One row of ``cameo_codes.tsv``."""

    country: str | None
    sector: str | None


@lru_cache(maxsize=1)
def _code_table() -> dict[str, _CodePart]:
    """The rows of ``data/cameo_codes.tsv`` by CAMEO code."""
    table: dict[str, _CodePart] = {}
    for code, country, sector in read_table("cameo_codes.tsv"):
        table[code] = _CodePart(
            None if country == "-" else country, None if sector == "-" else sector
        )
    return table


def cameo_country(part: str) -> str | None:
    """The ISO 3166 alpha-3 country the table gives a three-letter CAMEO part that is not
    itself that country's ISO code (ROM → ROU, WSB → PSE, USR → SUN), else None."""
    row = _code_table().get(part)
    return row.country if row is not None else None


@lru_cache(maxsize=8192)
def cameo_to_actor(code: str) -> tuple[str | None, str | None]:
    """A CAMEO actor code → (ISO3 country or None, our sector or None).

    ``PRKGOV`` → (PRK, GOV); ``PSEREBHMS`` → (PSE, REB); ``IGOUNO`` → (None, IGO);
    ``GBRBMU`` → (BMU, None); ``WSB`` → (PSE, None); ``---`` → (None, None). Agent codes
    (``~MED``, ``IGO~``) have every part read as a role: ``~MED`` → (None, JRN).
    """
    raw = code.strip().upper()
    parts = [raw.replace("~", "")[i : i + 3] for i in range(0, len(raw.replace("~", "")), 3)]
    if not parts or parts[0] == NULL_CODE:
        return None, None
    table = _code_table()
    if "~" in raw:
        return None, _first_sector(parts, table)
    country, sector = _first_part(parts[0], table)
    if sector is not None:
        return country, sector
    rest = parts[1:]
    if country is not None and rest and (territory := _territory(rest[0], table)):
        country, rest = territory, rest[1:]
    return country, _first_sector(rest, table)


def _first_part(part: str, table: dict[str, _CodePart]) -> tuple[str | None, str | None]:
    """The first part of a code: a country, else an international type or role."""
    row = table.get(part)
    if row is not None and row.country is not None:
        return row.country, None
    if part in iso3_codes():
        return part, None
    return None, row.sector if row is not None else None


def _territory(part: str, table: dict[str, _CodePart]) -> str | None:
    """The country a second part names (GBRBMU → BMU), unless the part is a role or marker."""
    row = table.get(part)
    if row is not None:
        return None if row.sector is not None else row.country
    return part if part in iso3_codes() else None


def _first_sector(parts: list[str], table: dict[str, _CodePart]) -> str | None:
    """The sector of the first part that has one."""
    for part in parts:
        row = table.get(part)
        if row is not None and row.sector is not None:
            return row.sector
    return None
