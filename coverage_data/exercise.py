"""Ask the compiled source the checker's sample questions before anything is built or published.

A text the checker uses but the source lacks (`ui.error_km` deleted, say), or a text naming a
{placeholder} its use does not give, would otherwise pass the schema and the build, and then leave a
question unanswered in the browser. Here each is a writer's error at its line, at validate time.

Only the questions and coverage rows that can take an answer down a path of its own are asked: one
market of each kind (distances published or not, regions or not), one offering of each kind of
response where it is sold and where it is not, the rows the checker names and the first row of each
mark, market and note; each row's own text is filled once. A source with ten markets, twenty offerings
or 1,600 rows would otherwise take seconds to validate and find nothing more: the words are the
source's texts, the same for every market and offering.
"""

from __future__ import annotations

from typing import Any

from checker.model import Attribute, Data
from checker.query import NO_CONTRACT
from checker.samples import Question, sample_questions
from checker.service import respond
from checker.text import TextError, fill
from checker.zones import publishes_distances
from coverage_data.problems import Path_


def problems(data: Data) -> list[tuple[Path_, str]]:
    """(path in the source, message) for each distinct text problem the sample questions meet."""
    found: dict[str, tuple[Path_, str]] = {}
    for i, row in enumerate(data["attributes"]):
        for market, text in row["detail"].items():
            for lang, detail in (text or {}).items():
                try:
                    fill(data, detail, lang)
                except TextError as error:
                    label = f"attributes.{i}.detail.{lang}"
                    found.setdefault(label, (("attributes", i, "detail", market, lang), f"{label}: {error.message}"))
    asked: Data = {**data, "attributes": _rows_asked(data)}
    for question in _questions(asked):
        try:
            respond(asked, question["params"], question["lang"])
        except TextError as error:
            found.setdefault(error.message, (error.path, error.message))
    return list(found.values())


def _questions(data: Data) -> list[Question]:
    """The sample questions, one of each kind: the same question of two markets of the same kind, or of
    two offerings with the same kind of response, takes the same path through the same texts."""
    kept: dict[object, Question] = {}
    for question in sample_questions(data):
        params = dict(question["params"])
        market, contract = params.pop("market", ""), params.pop("contract", "")
        region = params.pop("region", None)
        kind = (_market_kind(data, market), _offering_kind(data, contract, market), region is None)
        kept.setdefault((kind, tuple(sorted(params.items())), question["lang"]), question)
    return list(kept.values())


def _market_kind(data: Data, market: str) -> object:
    if market not in data["markets"]:
        return ("unknown", market)
    return publishes_distances(data, market), bool(data["markets"][market]["regions"])


def _offering_kind(data: Data, contract: str, market: str) -> object:
    offering = data["offerings"].get(contract)
    if offering is None or contract == NO_CONTRACT:
        return contract
    rule: dict[str, Any] = dict(offering["response"])
    # Which zones have hours, how many options the market has, and whether a day is one day, take a path
    # of their own; the numbers do not.
    hours = sorted(rule.pop("hours", {}))
    options = len(rule.pop("options", {}).get(market, []))
    days = rule.pop("business_days", {}).get(market)
    shape = sorted((key, str(value)) for key, value in rule.items())
    sold = market in offering["markets"]
    return str(shape), str(hours), options, days == 1, sold, bool(offering.get("add_on_to"))


def _rows_asked(data: Data) -> list[Attribute]:
    """The rows an answer treats differently: those the checker names by id (an offering's response row,
    both rows of a replacement) and the first row of each mark per offering and market, of each
    market's "at Pitney Bowes discretion" and of what a client without a contract gets."""
    named = {offering["response"].get("attribute") for offering in data["offerings"].values()}
    named |= {row["replaces"] for row in data["attributes"]} | {r["id"] for r in data["attributes"] if r["replaces"]}
    seen: set[tuple[object, ...]] = set()
    kept = []
    for row in data["attributes"]:
        ways: set[tuple[object, ...]] = {
            (oid, market, mark) for oid, marks in row["marks"].items() for market, mark in marks.items()
        }
        ways |= {("discretion", market) for market in row["discretion"]} | {("no_contract", row["no_contract"])}
        ways |= {("markets", tuple(row["markets"]))}
        if row["id"] in named or ways - seen:
            kept.append(row)
            seen |= ways
    return kept
