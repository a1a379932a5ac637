"""An answer, statement by statement, with the grounds it rests on: `python -m checker explain`.

Every part of an answer that names its `source` (a fact of coverage.yml, a key of provenance.yml) is a
statement, wherever it is in the answer. The parts that name none yet take the fact they follow from
(an offering's status its markets, a coverage row its row, a phone its market's phones). Each is shown
with the quotes of the answer's market's page only, with the values put in as the page writes them,
and its decisions; a coverage row with its column of that market's table and the mark in it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coverage_data import fact_values, quotes
from coverage_data.provenance import PROVENANCE, SOURCE, Provenance, decisions_of, load, quotes_of
from coverage_data.quotes import PAGES, Page
from coverage_data.yaml_lines import Source, parse

_SKIPPED = ("labels", "query", "question", "title", "summary", "market", "contract", "sold")


@dataclass(frozen=True)
class Statement:
    """A sentence of an answer and the fact it rests on; for a coverage row, the offering whose column
    of the market's table holds its mark."""

    text: str
    source: str
    columns: tuple[str, ...] = ()


def statements(answer: Mapping[str, Any]) -> list[Statement]:
    """Every statement of an answer, in the order a reader meets them."""
    market, contract = answer["market"]["id"], answer["contract"]["id"]
    found = [Statement(status, f"offerings.{contract}.markets") for status in answer.get("status", [])]
    for key, part in answer.items():
        if key in _SKIPPED or key == "status" or not part:
            continue
        found += _statements(key, part, market, contract)
    return found


def _statements(key: str, part: Any, market: str, contract: str) -> list[Statement]:
    """A part's statements: those it names the source of, else those its place in the answer gives."""
    if key == "deadline":  # each arrival follows the rule of its kind (WRITING.md row 30), or none is given
        rule = f"ui.deadline_{'guarantee' if part.get('kind') == 'guarantee' else 'goal'}"
        found = [Statement(f"{part['title']} {arrival['text']}", rule) for arrival in part.get("arrivals", [])]
        found += [Statement(part["text"], "ui.no_deadline")] if part.get("text") else []
        found += [statement for note in part.get("notes", []) if (statement := _own(note, note["text"]))]
        holidays = part.get("holidays", [])
        return found + [
            _own(day, day["text"]) or Statement(day["text"], f"holidays.markets.{market}") for day in holidays
        ]
    if key == "coverage":
        return [
            _own(item, item["title"])
            or Statement(f"{group['label']}: {item['title']}", f"attributes.{item['id']}", (contract,))
            for group in part
            for item in group["items"]
        ]  # fmt: skip
    if key == "compare":
        other = part["id"]
        found = [_own(part, part.get("status", "")) or Statement(part["status"], f"offerings.{other}.markets")]
        for title, items in (("gains_title", "gains"), ("replaced_title", "replaced"), ("losses_title", "losses")):
            for item in part.get(items, []):
                change = item["change"] if "replaces" in item else f"{item['title_colon']} {item['change']}"
                text = f"{part[title]}: {change}"
                found.append(_own(item, text) or Statement(text, f"attributes.{item['id']}", (contract, other)))
        handled = ("source", "status", "gains", "replaced", "losses")
        return [statement for statement in found if statement.text] + list(_sourced(_without(part, handled)))
    if key == "contacts":
        phones = [
            _own(phone, line) or Statement(line, f"markets.{market}.phones")
            for phone in part.get("phones", [])
            for line in [f"{phone['label_text']} {phone['number_text']}"]
        ]
        return phones + list(_sourced(_without(part, ("phones",))))
    return list(_sourced(part))


def _own(part: Any, text: str) -> Statement | None:
    """The statement of a part that names its own source ('source': a fact, or several)."""
    if not isinstance(part, dict) or "source" not in part:
        return None
    sources = part["source"] if isinstance(part["source"], list) else [part["source"]]
    return Statement(part.get("text") or text, ", ".join(sources), tuple(part.get("columns", ())))


def _without(part: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    return {key: inner for key, inner in part.items() if key not in keys}


def _sourced(part: Any) -> Iterator[Statement]:
    """Every statement in a part that names its source, the part's own first."""
    if isinstance(part, dict):
        if own := _own(part, ""):
            yield own
        for key, inner in part.items():
            if key != "source":
                yield from _sourced(inner)
    elif isinstance(part, list):
        for inner in part:
            yield from _sourced(inner)


def explain(answer: Mapping[str, Any], source_path: Path = SOURCE, path: Path = PROVENANCE) -> str:
    """The answer, statement by statement, each followed by the quotes of its market's page and the
    decisions it rests on."""
    provenance, problems = load(path)
    if provenance is None:
        raise ValueError("\n".join(str(problem) for problem in problems))
    source = parse(source_path, str(source_path))[0]
    if not isinstance(source, dict):
        raise ValueError(f"{source_path}: not a source")
    market = answer["market"]["id"]
    page = Page.read(market) if market in PAGES else None
    lines = [answer["title"], "=" * len(answer["title"])]
    for statement in statements(answer):
        lines += ["", statement.text, f"  [{statement.source}]"]
        for key in statement.source.split(", "):
            lines += _grounds(provenance, source, key, market, page, statement.columns)
    return "\n".join(lines)


def _grounds(
    provenance: Provenance, source: Source, key: str, market: str, page: Page | None, columns: tuple[str, ...]
) -> list[str]:
    grounds = provenance.facts.get(key, {})
    where = fact_values.location(source, key)
    values = {v.path: v.by_market.get(market) for v in fact_values.values(source, key, where)} if where else {}
    lines = []
    for _, quote in quotes_of(grounds, market):
        lines.append(f"  {market} page: “{_shown(quotes.filled(quote, values, market))}”")
        if page and quotes.is_table(quote):
            lines += [f"    {_cell(quote, values, market, page, column, grounds)}" for column in columns]
    if rows := decisions_of(grounds):
        lines.append(f"  decision {', '.join(map(str, rows))}: {grounds.get('why', '')}")
    return lines


def _cell(quote: str, values: dict[str, object], market: str, page: Page, column: str, grounds: dict[str, Any]) -> str:
    """'column “Standard SLA”: ✓' for a coverage row's quote and an offering."""
    cells = quotes.tabled(quote).split("\t")
    at = next((i for i, cell in enumerate(cells) if cell == f"{{marks.{column}}}"), None)
    if at is None:
        return f"the mark for {column} is set by the decision, not this quote" if "decided" in grounds else ""
    label = quotes.filled(cells[0], values, market)
    mark = quotes.written(values.get(f"marks.{column}"), market)[0] or "blank"
    return f"column “{page.column(label, at) or column}”: {mark}"


def _shown(quote: str) -> str:
    """A quote on one line; a table's cells apart ("Label | ✓ | | A")."""
    if quotes.is_table(quote):
        return quotes.tabled(quote).replace("\t", " | ").replace("\n", " / ")
    return quotes.normalized(quote)
