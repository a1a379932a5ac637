"""The next step every answer ends with: call (the lines that serve the contract's family, WRITING.md row
38), create a case, and, where the zone or the eligibility is open, ask the sales representative (both
pages: "contact your local Pitney Bowes Sales representative to determine your zone")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker.conditions import UNREACHED, reach
from checker.contacts import phones
from checker.names import is_sold
from checker.query import NO_CONTRACT
from checker.text import hours_range, ui

if TYPE_CHECKING:  # the model is for the type checker: the browser never imports it (checker/model.py)
    from checker.location import Location
    from checker.model import Data, NextStep, PhoneLine


def next_step(data: Data, contracts: list[str], market: str, location: Location, lang: str) -> NextStep:
    """The next step for a question about `contracts` (the contract asked, and the one compared)."""
    asked = [contract for contract in contracts if is_sold(data, contract, market)]
    ways = {reach(data, contract, location) for contract in asked}
    eligible = any(data["offerings"][c].get("eligibility") for c in asked if c != NO_CONTRACT)
    if eligible and ways & set(UNREACHED):
        sales = ui(data, "next_sales_offer", lang)
    elif "zone-unknown" in ways:
        sales = ui(data, "next_sales_zone", lang)
    else:
        sales = ""
    return {
        "title": ui(data, "next_step", lang),
        "text": ui(data, "next_call", lang, remote_hours=hours_range(data, "remote", lang)),
        "phones": lines_for(data, asked[0] if asked else NO_CONTRACT, market, lang),
        "sales": sales,
        "source": f"markets.{market}.phones",
    }


def lines_for(data: Data, contract: str, market: str, lang: str) -> list[PhoneLine]:
    """The market's lines that serve the contract's family; every line without a contract."""
    family = None if contract == NO_CONTRACT else data["offerings"][contract]["family"]
    written = data["markets"][market]["phones"]
    return [
        line
        for phone, line in zip(written, phones(data, market, lang), strict=True)
        if family is None or family in phone.get("families", [family])
    ]
