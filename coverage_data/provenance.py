"""Where every fact and rule of the source comes from, checked: `provenance.yml` beside the source.

Each fact of `coverage.yml` (a path such as `offerings.standard-sla.response` or `ui.goal_business`)
rests on a quote, word for word, of the published page of its market (`published/`), or on a numbered
decision of the decision table (SOURCE-NOTES rows 1–20, WRITING.md rows 21 on) with its reason. The
ui texts that state nothing about the terms are listed as `interface`.

A quote proves the values it names in braces (coverage_data.quotes): every number, time, mark, phone
number and address a fact states (coverage_data.fact_values) is named by a quote of each market it is
stated for, or set by the fact's decision (`decided:`); a number written in a fact's text is in one of
its quotes. `problems()` says, as `file:line: message`, what lacks provenance, what a quote misquotes,
a value the page contradicts (at the value's line in coverage.yml and at the quote's), and what names
nothing. provenance.yml is read by the same rules as the source (yaml_lines, and a schema of its own).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema

from coverage_data import fact_values, quotes
from coverage_data.messages import schema_problems
from coverage_data.problems import Path_, Problem, display_path
from coverage_data.quotes import PAGES, Page
from coverage_data.yaml_lines import Source, line_of, parse

HERE = Path(__file__).parent
PROVENANCE = HERE / "provenance.yml"
SCHEMA = HERE / "provenance.schema.json"
SOURCE = HERE / "coverage.yml"
WRITING = HERE.parent / "WRITING.md"
# What names a market (its name, where it is, its regions and holiday calendar) states no term.
_MARKET_NAMES = frozenset({"name", "where", "region_label", "regions", "holidays_country"})
SOURCE_NOTES_ROWS = 20  # SOURCE-NOTES.md (shared with the CEO, outside the repository) numbers 1–20
MIN_WORDS = 3  # one or two words are in any page: a quote that proves nothing


def fact_paths(source: Source) -> Iterator[str]:
    """Every path of the source that states a fact or a rule, and so needs provenance."""
    yield "site.tagline"
    yield "preventive_maintenance_calls"
    yield from (f"holidays.markets.{mid}" for mid in source["holidays"]["markets"])
    yield "editions"
    for mid, market in source["markets"].items():
        yield from (f"markets.{mid}.{key}" for key in market if key not in _MARKET_NAMES)
    yield from (f"hours.{which}" for which in source["hours"])
    yield from (f"remote.{key}" for key in source["remote"])
    yield from (f"zones.{zid}" for zid in source["zones"])
    for oid, offering in source["offerings"].items():
        yield from (
            f"offerings.{oid}.{key}"
            for key in ("markets", "summary", "response", "add_on_to", "eligibility")
            if key in offering
        )
    yield from (f"attributes.{row['id']}" for row in source["attributes"])
    for oid, items in source["benefits"].items():
        yield from (f"benefits.{oid}.{i}" for i in range(len(items)))
    yield from (f"texts.{key}" for key in source["texts"])
    yield from (f"ui.{key}" for key in source["ui"])


def decisions() -> set[int]:
    """The decision rows: SOURCE-NOTES' and those of WRITING.md's table of later differences."""
    rows = re.findall(r"^\| (\d+) \|", WRITING.read_text(encoding="utf-8"), re.M)
    return set(range(1, SOURCE_NOTES_ROWS + 1)) | {int(row) for row in rows}


def decisions_of(grounds: dict[str, Any]) -> list[int]:
    """The decision rows an entry names: one (`decision: 12`) or several (`decision: [12, 30]`)."""
    rows = grounds.get("decision", [])
    return rows if isinstance(rows, list) else [rows]


def quotes_of(grounds: dict[str, Any], market: str) -> list[tuple[Path_, str]]:
    """A fact's quotes of a market's page, each with where it is in its entry: (('us',), q) or (('us', 1), q)."""
    found = grounds.get(market, [])
    return [((market,), found)] if isinstance(found, str) else [((market, i), q) for i, q in enumerate(found)]


@dataclass(frozen=True)
class Provenance:
    """provenance.yml, read: every fact's grounds, the interface texts, and the line of every entry."""

    file: str
    facts: dict[str, dict[str, Any]]
    interface: frozenset[str]
    lines: dict[Path_, int] = field(repr=False)

    def line(self, *where: str | int) -> int:
        return line_of(self.lines, ("facts", *where))


def load(path: Path = PROVENANCE) -> tuple[Provenance | None, list[Problem]]:
    """provenance.yml read by the source's rules, or the problems that keep it from being read."""
    file = display_path(path)
    data, lines, found = parse(path, file)
    if data is not None:
        schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
        for error in jsonschema.Draft202012Validator(schema).iter_errors(data):
            found += [Problem(file, line_of(lines, where), message) for where, message in schema_problems(error)]
    if found or not isinstance(data, dict):
        return None, found or [Problem(file, 1, "provenance.yml must be a mapping: facts: …, interface: […]")]
    return Provenance(file, data["facts"], frozenset(data.get("interface", [])), lines), []


def problems(source_path: Path = SOURCE, path: Path = PROVENANCE, published: dict[str, Path] = PAGES) -> list[Problem]:
    """Every problem of the provenance of the source at `source_path` (which has loaded without one),
    against the `published` pages (the project's, or those of a copy of its folder)."""
    provenance, found = load(path)
    source, source_lines, _ = parse(source_path, display_path(source_path))
    if provenance is None or not isinstance(source, dict):
        return found
    pages = {market: Page.read(market, page) for market, page in published.items()}
    return _Check(provenance, source, source_lines, display_path(source_path), pages).problems()


@dataclass
class _Check:
    provenance: Provenance
    source: Source
    source_lines: dict[Path_, int]
    source_file: str
    pages: dict[str, Page]
    found: list[Problem] = field(default_factory=list)

    def at(self, *where: str | int, message: str) -> None:
        self.found.append(Problem(self.provenance.file, self.provenance.line(*where), message))

    def at_source(self, where: Path_, message: str) -> None:
        self.found.append(Problem(self.source_file, line_of(self.source_lines, where), message))

    def problems(self) -> list[Problem]:
        facts, needed = self.provenance.facts, list(fact_paths(self.source))
        for key in needed:
            if key not in facts and not (
                key.startswith("ui.") and key.removeprefix("ui.") in self.provenance.interface
            ):
                self.at(message=f"{key}: no provenance (quote a published page, or name a decision)")
        for key in sorted(set(facts) - set(needed)):
            self.at(key, message=f"{key}: no such fact in the source")
        known_decisions, pages = decisions(), self.pages
        for key, grounds in facts.items():
            if not {"us", "ca", "decision"} & set(grounds):
                self.at(key, message=f"{key}: give a quote (us:, ca:) or a decision")
                continue
            self.decisions(key, grounds, known_decisions)
            where = fact_values.location(self.source, key) if key in needed else None
            values = fact_values.values(self.source, key, where) if where is not None else []
            contradicted: dict[str, list[tuple[str, str, int]]] = {}  # value path -> (market, page's text, line)
            for market, page in pages.items():
                for place, quote in quotes_of(grounds, market):
                    for path, text in self.quote(key, place, quote, page, values).items():
                        contradicted.setdefault(path, []).append((market, text, self.provenance.line(key, *place)))
            for value in values:
                if value.path in contradicted:
                    self.contradicted(key, where, value, contradicted[value.path])
            if where is not None:
                self.named(key, grounds, values)
                self.numbers(key, grounds, where, values)
        return sorted(set(self.found))

    def decisions(self, key: str, grounds: dict[str, Any], known: set[int]) -> None:
        for row in decisions_of(grounds):
            if row not in known:
                self.at(key, "decision", message=f"{key}: no decision row {row}")
        if "decision" in grounds and not grounds.get("why"):
            self.at(key, message=f"{key}: a decision needs its reason (why:)")
        if "decided" in grounds and "decision" not in grounds:
            self.at(key, "decided", message=f"{key}: decided: names the values a decision sets: name the decision")
        own = re.match(r"markets\.(\w+)\.", key)
        if own and own.group(1) in PAGES and own.group(1) not in grounds and "decision" not in grounds:
            self.at(key, message=f"{key}: a fact of one market quotes that market's page")

    def quote(self, key: str, place: Path_, quote: str, page: Page, values: list[fact_values.Value]) -> dict[str, str]:
        """The quote is in its page, with the fact's values where it names them; returns what the page
        reads where the quote names a value it contradicts ({'hours.2': '12'})."""
        market = page.market
        words = len(re.findall(r"\w+", quotes.PLACEHOLDER.sub("0", quote)))
        if words < MIN_WORDS:
            self.at(key, *place, message=f"{key}: a quote of {words} word(s) is in any page: quote the sentence or "
                    "the table row that states the fact")  # fmt: skip
            return {}
        by_path = {value.path: value for value in values}
        unknown = [path for path in quotes.named(quote) if path not in by_path]
        if unknown:
            known = ", ".join("{" + path + "}" for path in by_path) or "none: it states no number, time or mark"
            self.at(key, *place, message=f"{key}: the {market} quote names {{{unknown[0]}}}, which is no value of "
                    f"{key} (its values: {known})")  # fmt: skip
            return {}
        mine = {path: _for(value, market) for path, value in by_path.items()}
        if quotes.found(page, quote, mine):
            return {}
        read = quotes.reads(page, quote, mine) or {}
        wrong = {path: text for path, text in read.items() if text not in quotes.written(mine[path], market)}
        if not wrong:
            self.at(key, *place, message=f"{key}: not word for word in the {market} page: {quote!r}")
        for path, text in wrong.items():
            where = line_of(self.source_lines, by_path[path].where)
            self.at(key, *place, message=f"{key}: this {market} quote reads {text!r} where it names {{{path}}}, "
                    f"which is {_shown(mine[path])} in {self.source_file}:{where}")  # fmt: skip
        return wrong

    def contradicted(
        self, key: str, where: Path_ | None, value: fact_values.Value, reads: list[tuple[str, str, int]]
    ) -> None:
        """One problem at the value's line for every quote its page contradicts."""
        pages = []
        for market in dict.fromkeys(market for market, _, _ in reads):
            texts = dict.fromkeys(text for m, text, _ in reads if m == market)
            lines = ", ".join(str(line) for m, _, line in reads if m == market)
            said = " or ".join(repr(text) for text in texts)
            pages.append(f"the {market} page reads {said} there ({self.provenance.file}:{lines})")
        shown = _shown(_for(value, reads[0][0]))
        self.at_source(value.where, f"{_label(key, where, value)}: {shown} is not what the published pages say: "
                       f"{', and '.join(pages)}: write the page's value, or quote the page again if it has changed")  # fmt: skip

    def named(self, key: str, grounds: dict[str, Any], values: list[fact_values.Value]) -> None:
        """Every value is named by a quote of each market it is stated for, or set by the decision."""
        decided = grounds.get("decided", [])
        for entry in decided:
            if not any(_covers(entry, value.path, market) for value in values for market in value.by_market):
                self.at(key, "decided", message=f"{key}: decided: {entry!r} is no value of {key}")
        for value in values:
            for market in value.by_market:
                if market not in PAGES or any(_covers(entry, value.path, market) for entry in decided):
                    continue
                if any(value.path in quotes.named(quote) for _, quote in quotes_of(grounds, market)):
                    continue
                shown = _shown(value.by_market[market])
                label = _label(key, fact_values.location(self.source, key), value)
                self.at_source(value.where, f"{label}: no quote of the {market} page states {shown}: name "
                               f"it where a quote of {key} says it ({{{value.path}}}), or list it under decided: with "
                               "the decision that sets it")  # fmt: skip
                self.at(key, message=f"{key}: no {market} quote names {{{value.path}}} ({shown}, "
                        f"{self.source_file}:{line_of(self.source_lines, value.where)})")  # fmt: skip

    def numbers(self, key: str, grounds: dict[str, Any], where: Path_, values: list[fact_values.Value]) -> None:
        """A number written in one of the fact's texts is one its quotes state."""
        stated = set()
        for market in PAGES:
            mine = {value.path: _for(value, market) for value in values}
            for _, quote in quotes_of(grounds, market):
                stated |= {_number(n) for n in fact_values.NUMBER.findall(quotes.filled(quote, mine, market))}
        if not stated and "decision" in grounds:
            return  # grounded by its decision alone
        for text in fact_values.texts(self.source, where):
            for number in fact_values.NUMBER.findall(quotes.PLACEHOLDER.sub(" ", text.text)):
                if _number(number) not in stated:
                    label = ".".join(map(str, text.where))
                    self.at_source(text.where, f"{label}: {number} is in no quote of {key}: write the page's number, "
                                   "or quote where the page states it")  # fmt: skip
                    self.at(key, message=f"{key}: no quote states the {number} of {label}")


def _label(key: str, where: Path_ | None, value: fact_values.Value) -> str:
    """How a message names a value: the fact's key, and its path in the fact when it is not the fact."""
    return key if value.where == where else f"{key}.{value.path}"


def _for(value: fact_values.Value, market: str) -> object:
    """A value as a market's page would state it: its own, or the one value it has (a page may state the
    value of an offering its market does not sell: SMA Tier 2's one business day on the Canadian page)."""
    return value.by_market.get(market, next(iter(value.by_market.values()), None))


def _covers(entry: str, path: str, market: str) -> bool:
    """Whether a `decided:` entry names the value at `path` for `market`: the value itself, anything
    under it, or its value for that one market (`marks.standard-sla.ca`)."""
    return entry in (path, f"{path}.{market}") or path.startswith(f"{entry}.")


def _shown(value: object) -> str:
    return repr(value) if isinstance(value, str) else str(value)


def _number(text: str) -> str:
    return text.replace(",", ".")
