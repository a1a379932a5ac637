"""Quotes of the published pages, found word for word, with the values they state.

A quote names a value of its fact in braces where the page states it: `within {hours.2} business
hours` (the value at `hours.2` of `offerings.standard-sla.response`), `Zone 1 : {max_km} km`, a table
row `Self Help…\t{marks.standard-sla}\t{marks.performance-sla}…`. It is found in the page with the
source's values put in, written as a page writes them: 12, "8am" or "8 h" for 08:00, ✓, A or a blank
cell for a mark. A changed value no longer matches, and `reads` says what the page has in its place.

A quote with a tab quotes a table: its cells, blank ones included, line up with the page's, row by
row. Any other quote is prose, found whatever its spaces and line breaks. Emphasis (`*`, `**`) is
ignored in both.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent
PAGES = {"us": HERE / "published" / "us-en.txt", "ca": HERE / "published" / "ca-fr.txt"}
PLACEHOLDER = re.compile(r"\{([^{}\s]+)\}")
MARKS = {"included": "✓", "add-on": "A", "not-included": ""}  # a coverage table's cells
_TIME = re.compile(r"([0-9]{2}):([0-9]{2})")


def pages_in(folder: Path) -> dict[str, Path]:
    """The published pages beside a source (its folder's `published/`): a copy's, where it has them
    (WRITING.md's tasks record a new version of a page so), or else the project's."""
    copies = {market: folder / page.relative_to(HERE) for market, page in PAGES.items()}
    return copies if all(page.is_file() for page in copies.values()) else PAGES


def normalized(text: str) -> str:
    """Prose as a quote matches it: emphasis dropped, every run of white space (line breaks, tabs,
    non-breaking spaces) one space."""
    return re.sub(r"\s+", " ", _plain(text)).strip()


def tabled(text: str) -> str:
    """A table as a quote matches it: emphasis dropped, tabs and line breaks kept (they are the cells
    and the rows), other runs of spaces one space, and none beside a tab or a line break."""
    text = re.sub(r"[^\S\t\n]+", " ", _plain(text))
    return re.sub(r"\n+", "\n", re.sub(r" *([\t\n]) *", r"\1", text)).strip(" \n")  # a last blank cell stays


def _plain(text: str) -> str:
    return text.replace("*", "").replace("\u00a0", " ")


def is_table(quote: str) -> bool:
    return "\t" in quote


@dataclass(frozen=True)
class Page:
    """A published page, in both the forms a quote is found in."""

    market: str
    prose: str
    table: str
    lines: tuple[str, ...]  # as published, for a table's header

    @classmethod
    def read(cls, market: str, path: Path | None = None) -> Page:
        """The market's page: the project's, or the one at `path` (a copy's, see pages_in)."""
        text = (path or PAGES[market]).read_text(encoding="utf-8")
        return cls(market, normalized(text), tabled(text), tuple(text.splitlines()))

    def column(self, label: str, cell: int) -> str | None:
        """The header of a cell (1 is the first after the label) of the table row that `label` starts:
        the nearest line above that row with as many cells and none before the first header."""
        rows = [line.split("\t") for line in self.lines]
        at = next((i for i, cells in enumerate(rows) if len(cells) > 1 and tabled(cells[0]) == tabled(label)), None)
        if at is None:
            return None
        for cells in reversed(rows[:at]):
            if len(cells) == len(rows[at]) and not cells[0].strip() and cell < len(cells):
                return cells[cell].strip()
        return None


def named(quote: str) -> list[str]:
    """The values a quote names, by their path in its fact: ['hours.2']."""
    return PLACEHOLDER.findall(quote)


Values = Mapping[str, object]  # a fact's values by their path in it, for one market


def found(page: Page, quote: str, values: Values) -> bool:
    """Whether the page holds the quote, each value it names written as the page would write it."""
    if not is_table(quote) and not PLACEHOLDER.search(quote):
        return normalized(quote) in page.prose  # prose that names no value: the words alone
    return _pattern(page, quote, values, wild=False).search(_text(page, quote)) is not None


def reads(page: Page, quote: str, values: Values) -> dict[str, str] | None:
    """What the page has where the quote names each value ({'hours.2': '12'}), a value of the same kind
    as the fact's, when the rest of the quote is in the page; None when it is not, whatever the values."""
    match = _pattern(page, quote, values, wild=True).search(_text(page, quote))
    if match is None:
        return None
    return {path: match.group(f"v{i}") for i, path in enumerate(named(quote))}


def written(value: object, market: str) -> list[str]:
    """Every way the market's page may write a value."""
    return _forms(value, market)


def filled(quote: str, values: Values, market: str) -> str:
    """The quote with the values it names, as the page writes them (for `explain`)."""
    return PLACEHOLDER.sub(lambda m: _forms(values.get(m.group(1)), market)[0], quote)


def _text(page: Page, quote: str) -> str:
    return page.table if is_table(quote) else page.prose


def _pattern(page: Page, quote: str, values: Values, wild: bool) -> re.Pattern[str]:
    """The quote as a pattern: its words as written, each value it names as the page writes it, or
    (`wild`) whatever the page has in its place."""
    table = is_table(quote)
    pieces = PLACEHOLDER.split(tabled(quote) if table else normalized(quote))
    parts = []
    for i, piece in enumerate(pieces):
        if i % 2 == 0:
            parts.append(re.escape(piece))
            continue
        forms = "|".join(re.escape(form) for form in _forms(values.get(piece), page.market))
        value = f"(?P<v{i // 2}>{_any(values.get(piece), table)})" if wild else f"(?:{forms})"
        # A value is whole: not part of a longer number or word, and in a table a whole cell.
        ends_cell = table and (i + 1 == len(pieces) or pieces[i + 1][:1] in ("", "\t", "\n"))
        parts.append(rf"(?<![\w.,]){value}" + (r"(?=[\t\n]|\Z)" if ends_cell else r"(?![\w])"))
    return re.compile("".join(parts))


def _any(value: object, table: bool) -> str:
    """Whatever a page may have in the place of a value of this kind."""
    if table and (value in MARKS or value is None):
        return r"[^\t\n]*?"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return r"[0-9]+(?:[.,][0-9]+)?"
    text = str(value)
    if _TIME.fullmatch(text):
        return r"[0-9]{1,2}(?::[0-9]{2})? ?(?:[AaPp][Mm]|h(?: [0-9]{2})?)?"
    if re.fullmatch(r"[0-9 ]+", text):  # a phone number: digits and spaces
        return r"[0-9][0-9 ]*[0-9]"
    return r"[^\t\n]+?" if table else r"\S+?" if " " not in text else r".+?"


def _forms(value: object, market: str) -> list[str]:
    """How a page writes a value: a number as digits (the French page with a decimal comma), a time on
    the US page's 12-hour clock (8am, 8AM, 8 AM) or the Canadian page's 24-hour one (8 h, 17 h 30), a
    mark as its table cell, any other text as it is. A value the fact does not have matches nothing."""
    if isinstance(value, bool) or value is None:
        return ["\x00"]  # never in a page (coverage_data.characters)
    if isinstance(value, (int, float)):
        digits = f"{value:g}"
        return [digits, digits.replace(".", ",")] if "." in digits else [digits]
    text = str(value)
    if text in MARKS:
        return [MARKS[text]]
    if time := _TIME.fullmatch(text):
        hour, minute = int(time.group(1)), time.group(2)
        h12, half = (hour % 12) or 12, "am" if hour < 12 else "pm"
        clock = f"{h12}" if minute == "00" else f"{h12}:{minute}"
        french = f"{hour} h" if minute == "00" else f"{hour} h {minute}"
        english = [f"{clock}{space}{ampm}" for space in ("", " ") for ampm in (half, half.upper())]
        ordered = [french, *english] if market == "ca" else [*english, french]
        return [*ordered, f"{hour}:{minute}", text]
    return [normalized(text)]
