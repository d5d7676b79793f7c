"""Write newsfuse/data/cameo_verbs.tsv, the CAMEO verb table the event coder falls back on.

The source is PETRARCH2's CAMEO verb-pattern dictionary ``CAMEO.2.0.txt`` (Open Event Data
Alliance, MIT licence), as kept in ``../shared/dictionaries``. To regenerate::

    .venv/bin/python tools/build_cameo_verbs.py ../shared/dictionaries/CAMEO.2.0.txt

The dictionary has two parts. **Synonym sets** (``&CURRENCY`` then ``+DOLLAR`` lines)
name word lists that patterns refer to. **Verb blocks** start ``---  NAME  [code]  ---``
(``[---]``: the block has no code of its own) and list verbs, one a line: a base form,
optionally ``{irregular forms}`` and its own ``[code]``; a leading ``+`` marks a multi-word
verb (``+ASK_FOR``, ``+CALL_OFF``: the verb, then its particle or fixed words). Pattern
lines ``- words [code] # VERB`` apply to every verb of the block: ``*`` is where the verb
stands, words before it are on the subject side, words after it follow the verb; ``{A B}``
is a phrase, ``(PREP ...)`` a prepositional phrase, ``&SET`` any word of a synonym set,
``A/B`` either word; ``$``, ``+``, ``^`` and ``%`` mark where the source, target or
skipped words sit. A code ``[aaa:bbb]`` codes aaa from source to target (and bbb back);
``[:bbb]`` codes only the reverse direction. Lines starting ``~`` (PETRARCH2's
transformations of verbs inside verbs) are left out.

The table has one row per synonym set, verb and pattern (tab-separated):

* ``set``  NAME  words (``|``-separated, lower case, ``_`` as a space)
* ``verb``  BLOCK  verb (lower case; a multi-word verb with spaces)  code  PLOVER
* ``pattern``  BLOCK  pattern (lower case, as written)  code  PLOVER

``code`` is the verb's own code, else its block's, else ``---``; a pattern's code is as
written. ``PLOVER`` is the type :func:`newsfuse.events.ontology.from_cameo` gives the
first code of the pair (the second for ``[:bbb]``), ``-`` for none: CAMEO 01 (public
statements) and 02 (appeals) and anything uncoded are not PLOVER events.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from newsfuse.events.ontology import from_cameo

OUT = Path(__file__).resolve().parents[1] / "newsfuse" / "data" / "cameo_verbs.tsv"
HEADER = (
    "# Derived from CAMEO.2.0.txt, the CAMEO verb-pattern dictionary of PETRARCH2 "
    "(Copyright (c) 2015 Open Event Data Alliance, MIT licence), by tools/build_cameo_verbs.py.\n"
    "# Rows: set<TAB>NAME<TAB>words | verb<TAB>BLOCK<TAB>verb<TAB>code<TAB>PLOVER | "
    "pattern<TAB>BLOCK<TAB>pattern<TAB>code<TAB>PLOVER (see the script's docstring).\n"
)

_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s*---")
_VERB = re.compile(r"^(\+?)([A-Z][A-Z0-9_'\-]*)\s*(\{[^}]*\})?\s*(\[([^\]]*)\])?\s*(#.*)?$")
_PATTERN = re.compile(r"^-\s+(.*?)\s*\[([^\]]*)\]\s*(#.*)?$")


def _word(text: str) -> str:
    """A dictionary word in our form: lower case, the exact-match ``_`` dropped, ``_`` a space."""
    return text.strip().rstrip("_").replace("_", " ").lower()


def plover_of(code: str) -> str:
    """The PLOVER type of a CAMEO code cell (``0231``, ``042:043``, ``:173``), ``-`` for none."""
    parts = [p for p in code.split(":") if p.strip()]
    kind = from_cameo(parts[0]) if parts and parts[0] != "---" else None
    return str(kind) if kind is not None else "-"


def _code(cell: str | None) -> str | None:
    cell = (cell or "").strip()
    return None if not cell or cell == "---" else cell


def build(text: str) -> list[list[str]]:
    """The table's rows from the dictionary's text, in file order."""
    rows: list[list[str]] = []
    section = None
    current_set: list[str] | None = None
    block, block_code = "", None
    for raw in text.splitlines():
        line = raw.rstrip()
        if line.startswith("#######"):
            section = "sets" if "SYNONYM" in line else "verbs" if "VERB" in line else None
            continue
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if section == "sets":
            if line.startswith("&"):
                current_set = [line.split()[0].lower().rstrip("_"), ""]
                rows.append(["set", *current_set])
            elif line.startswith("+") and current_set is not None:
                word = _word(line[1:].split("#")[0])
                if word:
                    rows[-1][2] = f"{rows[-1][2]}|{word}" if rows[-1][2] else word
            continue
        if section != "verbs" or line.startswith("~"):
            continue
        if match := _BLOCK.match(line):
            block, block_code = match.group(1), _code(match.group(2))
            continue
        if match := _PATTERN.match(line):
            pattern = " ".join(match.group(1).split()).lower()
            code = match.group(2).strip()
            rows.append(["pattern", block, pattern, code, plover_of(code)])
            continue
        if match := _VERB.match(line.split(";")[0].strip()):  # "RIP {...};shan 7/11/93"
            code = _code(match.group(5)) or block_code or "---"
            rows.append(["verb", block, _word(match.group(2)), code, plover_of(code)])
    return rows


def render(rows: list[list[str]]) -> str:
    return HEADER + "".join("\t".join(row) + "\n" for row in rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dictionary", type=Path, help="CAMEO.2.0.txt")
    parser.add_argument("--out", type=Path, default=OUT, help=f"output (default {OUT})")
    args = parser.parse_args(argv)
    rows = build(args.dictionary.read_text(encoding="utf-8", errors="replace"))
    args.out.write_text(render(rows), encoding="utf-8")
    kinds = {k: sum(r[0] == k for r in rows) for k in ("set", "verb", "pattern")}
    print(f"{args.out}: {kinds}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
