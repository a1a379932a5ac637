"""Where every fact and rule of the source comes from, checked: `provenance.yml` beside the source.

Each fact of `coverage.yml` (a path such as `offerings.standard-sla.response` or `ui.goal_business`)
rests on a quote, word for word, of the published page of its market (`published/`), or on a numbered
decision of the decision table (SOURCE-NOTES rows 1–17, WRITING.md rows 18 on) with its reason. The
ui texts that state nothing about the terms are listed as `interface`. `problems()` says, as
`file:line: message`, what lacks provenance, what a quote misquotes, and what names nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

from checker.model import Answer, Data
from coverage_data.problems import Path_, Problem, display_path
from coverage_data.yaml_lines import Source, line_of, parse

HERE = Path(__file__).parent
PROVENANCE = HERE / "provenance.yml"
PAGES = {"us": HERE / "published" / "us-en.txt", "ca": HERE / "published" / "ca-fr.txt"}
WRITING = HERE.parent / "WRITING.md"
# What names a market (its name, where it is, its regions and holiday calendar) states no term.
_MARKET_NAMES = frozenset({"name", "where", "region_label", "regions", "holidays_country"})
SOURCE_NOTES_ROWS = 17  # SOURCE-NOTES.md (shared with the CEO, outside the repository) numbers 1–17


def normalized(text: str) -> str:
    """A page or a quote with Markdown emphasis and runs of white space (tabs of table cells, line
    breaks, non-breaking spaces) made plain, so that a quote matches across them."""
    return re.sub(r"\s+", " ", text.replace("**", "").replace("*", "").replace("\u00a0", " ")).strip()


def fact_paths(source: Data) -> Iterator[str]:
    """Every path of the source that states a fact or a rule, and so needs provenance."""
    yield "site.tagline"
    yield "preventive_maintenance_calls"
    yield "holidays"
    yield "editions"
    for mid, market in source["markets"].items():
        yield from (f"markets.{mid}.{key}" for key in market if key not in _MARKET_NAMES)
    yield from (f"hours.{which}" for which in source["hours"])
    yield from (f"remote.{key}" for key in source["remote"])
    yield from (f"zones.{zid}" for zid in source["zones"])
    for oid, offering in source["offerings"].items():
        yield from (
            f"offerings.{oid}.{key}" for key in ("markets", "summary", "response", "add_on_to") if key in offering
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


def load(path: Path = PROVENANCE) -> tuple[Source, dict[Path_, int]]:
    data, lines, problems = parse(path, display_path(path))
    if problems:
        raise ValueError("\n".join(str(problem) for problem in problems))
    return cast(Source, data), lines  # a mapping: `facts` and `interface`


def pages_in(folder: Path) -> dict[str, Path]:
    """The published pages of a source's folder (its `published/`): the project's, or a copy's."""
    return {market: folder / page.relative_to(HERE) for market, page in PAGES.items()}


def problems(source: Data, path: Path = PROVENANCE, published: dict[str, Path] = PAGES) -> list[Problem]:
    file = display_path(path)
    data, lines = load(path)
    facts, interface = data.get("facts") or {}, set(data.get("interface") or [])
    pages = {market: normalized(page.read_text(encoding="utf-8")) for market, page in published.items()}
    known_decisions = decisions()
    found: list[Problem] = []

    def problem(where: Path_, message: str) -> None:
        found.append(Problem(file, line_of(lines, where), message))

    needed = list(fact_paths(source))
    for key in needed:
        ui_key = key.removeprefix("ui.")
        if key not in facts and not (key.startswith("ui.") and ui_key in interface):
            problem(("facts",), f"{key}: no provenance (quote a published page, or name a decision)")
    for key in sorted(set(facts) - set(needed) - {"holidays.names"}):
        problem(("facts", key), f"{key}: no such fact in the source")
    for key, grounds in facts.items():
        if not isinstance(grounds, dict) or not {"us", "ca", "decision"} & set(grounds):
            problem(("facts", key), f"{key}: give a quote (us:, ca:) or a decision")
            continue
        for market in ("us", "ca"):
            quotes = grounds.get(market, [])
            for quote in [quotes] if isinstance(quotes, str) else quotes:
                if normalized(quote) not in pages[market]:
                    problem(("facts", key, market), f"{key}: not word for word in the {market} page: {quote!r}")
        for row in decisions_of(grounds):
            if row not in known_decisions:
                problem(("facts", key, "decision"), f"{key}: no decision row {row}")
        if "decision" in grounds and not grounds.get("why"):
            problem(("facts", key), f"{key}: a decision needs its reason (why:)")
        own = re.match(r"markets\.(\w+)\.", key)
        if own and own.group(1) in PAGES and own.group(1) not in grounds and "decision" not in grounds:
            problem(("facts", key), f"{key}: a fact of one market quotes that market's page")
    return found


def answer_sources(answer: Answer) -> list[tuple[str, str]]:
    """(statement, fact path) for each statement of a checker's answer."""
    market, contract = answer["market"]["id"], answer["contract"]["id"]
    found = [(status, f"offerings.{contract}.markets") for status in answer["status"]]
    for part in (answer["zone"], answer["response"]):
        if part and part.get("source"):
            found.append((part["text"], part["source"]))
    if deadline := answer["deadline"]:
        kind = "ui.deadline_guarantee" if deadline["kind"] == "guarantee" else "ui.deadline_goal"
        found.append((f"{deadline['title']} {deadline['text']}".strip(), kind if deadline["at"] else "ui.no_deadline"))
        found += [(holiday["text"], "holidays") for holiday in deadline["holidays"]]
    for group in answer["coverage"]:
        found += [(f"{group['label']}: {item['title']}", f"attributes.{item['id']}") for item in group["items"]]
    found += [
        (f"{phone['label_text']} {phone['number_text']}", f"markets.{market}.phones")
        for phone in answer["contacts"]["phones"]
    ]
    return found


def explain(answer: Answer, path: Path = PROVENANCE) -> str:
    """The answer, statement by statement, each followed by the quotes and decisions it rests on."""
    facts = load(path)[0]["facts"]
    lines = [answer["title"], "=" * len(answer["title"])]
    for statement, key in answer_sources(answer):
        lines += ["", statement, f"  [{key}]"]
        grounds = facts.get(key, {})
        for market in ("us", "ca"):
            quotes = grounds.get(market, [])
            for quote in [quotes] if isinstance(quotes, str) else quotes:
                lines.append(f"  {market} page: “{normalized(quote)}”")
        if rows := decisions_of(grounds):
            lines.append(f"  decision {', '.join(map(str, rows))}: {grounds['why']}")
    return "\n".join(lines)
