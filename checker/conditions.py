"""The terms' conditions on a contract at the question's site, each in one place with its grounds.

- Reach: whether the contract's on-site promise reaches the site: its zones (SOURCE-NOTES row 19: the
  Performance SLA is offered in zones 1 and 2 only), the published zones (WRITING.md row 28: nothing is
  published beyond the last band), or a zone the question leaves open.
- A row's mark at the site: a row that happens at the site is never "included" where the promise does
  not reach the site (WRITING.md row 37).
- The sentences the terms require beside an answer: an offering's eligibility (SOURCE-NOTES row 19),
  what the table states beside a zone's time (SOURCE-NOTES row 20), an add-on whose base bills on-site
  support (WRITING.md row 27); and, beside its row, a mark of the published table that the source
  corrects (SOURCE-NOTES row 11).
Every part of an answer (coverage, response, deadline, comparison, next step) asks here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from checker.names import in_sentence, is_sold, row_of, title
from checker.query import NO_CONTRACT
from checker.text import join, ui
from checker.zones import promised_hours, promised_zones, zoning

if TYPE_CHECKING:  # the model is for the type checker: the browser never imports it (checker/model.py)
    from checker.location import Location
    from checker.model import Attribute, Data, Mark, Note, SiteMark

# How far a contract's on-site promise reaches the site: the site is in its zones ("reached"), the
# question gives no zone ("zone-unknown"), the site is in a zone the contract does not serve
# ("outside-zones") or beyond every published zone ("beyond-zones"), or the promise does not depend on
# the zone ("not-zoned": an average, billed, included, or no contract).
Reach = Literal["reached", "zone-unknown", "outside-zones", "beyond-zones", "not-zoned"]
UNREACHED: tuple[Reach, ...] = ("outside-zones", "beyond-zones")


def reach(data: Data, contract: str, location: Location) -> Reach:
    if contract == NO_CONTRACT or zoning(data, contract) == "none":
        return "not-zoned"
    if location.beyond:
        return "beyond-zones"
    if location.zone is None:
        return "zone-unknown"
    return "reached" if location.zone in promised_zones(data, contract) else "outside-zones"


def mark_of(data: Data, row: Attribute, contract: str, market: str) -> Mark:
    """The row's mark in the market's table. Without a contract, only what a page says a client without
    one gets (self help); nothing else of a contract's coverage is theirs."""
    if contract == NO_CONTRACT:
        return row["no_contract"] or "not-included"
    return row["marks"][contract][market]


def site_mark(data: Data, row: Attribute, contract: str, market: str, where: Reach) -> SiteMark:
    """The row's mark for the contract at the site: a row that happens at the site, included by the
    table, is "not-for-site" where the contract's promise does not reach the site."""
    mark = mark_of(data, row, contract, market)
    return "not-for-site" if row["onsite"] and mark == "included" and where in UNREACHED else mark


def correction(data: Data, row: Attribute, contract: str, market: str, lang: str) -> str:
    """Where the market's published table marks the row under the contract and the source corrects it
    (SOURCE-NOTES row 11): the sentence that says so; "" elsewhere."""
    if contract not in row["corrected"].get(market, []):
        return ""
    owners = [oid for oid, marks in row["marks"].items() if "included" in marks.values()]
    return ui(
        data, "table_corrected", lang, where=data["markets"][market]["where"][lang],
        column=data["offerings"][contract]["name"][lang], contract=in_sentence(data, contract, lang),
        owner=join(data, [in_sentence(data, oid, lang) for oid in owners], lang, "or"),
    )  # fmt: skip


def notes(data: Data, contract: str, market: str, location: Location, lang: str) -> list[Note]:
    """The sentences the terms' conditions add to an answer about the contract at the site."""
    if contract == NO_CONTRACT or not is_sold(data, contract, market):
        return []
    offering = data["offerings"][contract]
    found: list[Note] = []
    if eligibility := offering.get("eligibility"):
        found.append({"text": eligibility[lang], "source": f"offerings.{contract}.eligibility"})
    rule = offering["response"]
    if rule["basis"] == "zone" and (also := rule.get("also_stated")):
        for zone in also["zones"]:
            hours = promised_hours(data, contract, zone, market)
            if location.zone in (None, zone) and not location.beyond and hours is not None:
                text = ui(
                    data, "also_stated", lang, zone=zone, zone_name=data["zones"][zone]["name"][lang],
                    row=title(data, row_of(data, also["attribute"]), market, lang),
                    contract=in_sentence(data, contract, lang), hours=hours,
                )  # fmt: skip
                found.append({"text": text, "source": "ui.also_stated"})
    if rule["basis"] == "included":
        for base in offering.get("add_on_to", []):
            if data["offerings"][base]["response"]["basis"] == "billed":
                text = ui(
                    data, "add_on_billed", lang, contract=in_sentence(data, contract, lang),
                    base=in_sentence(data, base, lang),
                )  # fmt: skip
                found.append({"text": text, "source": "ui.add_on_billed"})
    return found


def site_label(data: Data, contract: str, where: Reach, lang: str) -> str:
    """The heading of the rows that are not for the site: outside the contract's zones, or beyond them."""
    if where == "beyond-zones":
        return ui(data, "not_published_for_site", lang)
    return ui(data, "not_for_site", lang, zones=join(data, promised_zones(data, contract), lang))
