"""The checker's answer to a query: plain data, every sentence already in the asked language.

The answer is composed in the order a reader meets it: is it sold, where the site is, how fast, the
terms' conditions that apply, the next step, by when, what another contract would change, what it
covers, whom to call. Each part asks the one home of its rule: the site (checker/location.py), the terms'
conditions (checker/conditions.py), the response (checker/response.py), the arrival
(checker/arrival.py), the comparison (checker/compare.py), the next step (checker/next_step.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker.arrival import arrival_text, deadline
from checker.compare import MARK_TEXT, compare, not_sold
from checker.conditions import Reach, correction, notes, reach, site_label, site_mark
from checker.contacts import contacts
from checker.location import Location, last_band, locate
from checker.names import contract_name, is_sold, item, zone_label
from checker.next_step import next_step
from checker.query import NO_CONTRACT, Query
from checker.response import response
from checker.text import format_datetime, number, ui
from checker.zones import whole_km, zoning

if TYPE_CHECKING:  # the model is for the type checker: the browser never imports it (checker/model.py)
    from checker.model import (
        Answer,
        Compare,
        CoverageGroup,
        Data,
        DeadlinePart,
        Item,
        Note,
        QuestionField,
        ResponsePart,
        SiteMark,
        ZonePart,
    )

SITE_MARKS: tuple[SiteMark, ...] = ("included", "add-on", "not-included", "not-for-site")


def answer(data: Data, query: Query, lang: str) -> Answer:
    """Everything `query` is entitled to. Raises OutsideKnownDays when a deadline runs past the
    holidays the data knows."""
    market = data["markets"][query.market]
    sold = is_sold(data, query.contract, query.market)
    location = locate(data, query)
    own = response(data, query.contract, query.guarantee, query.market, location, lang) if sold else None
    arrival = deadline(data, query, own, lang) if own and query.dispatched else None
    # No contract is not an offering: nothing is "sold", so nothing is said about where.
    status = [] if query.contract == NO_CONTRACT else [_sold_status(data, query.contract, query.market, lang)]
    if sold and (query.zone or query.km is not None) and not _zoned(data, query.contract):
        status.append(ui(data, "zones_not_zoned", lang))
    contracts = [query.contract, *([query.compare] if query.compare else [])]
    said = _unique([note for contract in contracts for note in notes(data, contract, query.market, location, lang)])
    compared = compare(data, query, location, own, arrival, lang) if query.compare else None
    title = f"{contract_name(data, query.contract, query.guarantee, lang)} — {market['name'][lang]}"
    where = reach(data, query.contract, location)
    # The summary names the zone the answer used (given, or read from a distance): a pasted summary keeps it.
    headline = (
        f"{title} — {zone_label(data, location.zone, lang)}"
        if location.zone and _zoned(data, query.contract)
        else title
    )
    return {
        "labels": _labels(data, lang),
        "query": share_params(query),
        "question": _question(data, query, lang),
        "title": title,
        "summary": _summary(data, headline, status, own, arrival, compared, lang),
        "market": {"id": query.market, "name": market["name"][lang]},
        "contract": {"id": query.contract, "name": contract_name(data, query.contract, query.guarantee, lang)},
        "sold": sold,
        "status": status,
        "zone": _zone(data, query, location, lang) if _zoned(data, query.contract) else None,
        "response": own,
        "notes": [*_location_notes(data, query, location, lang), *said],
        "next_step": next_step(data, contracts, query.market, location, lang),
        "deadline": arrival,
        "coverage": _coverage(data, query.contract, query.market, where, lang) if sold else [],
        "contacts": contacts(data, query.market, lang),
        "compare": compared,
    }


def _question(data: Data, query: Query, lang: str) -> list[QuestionField]:
    """The question, field by field in the reader's words, so that an answer (on screen or printed)
    can be checked on its own."""
    values = {
        "market": data["markets"][query.market]["name"][lang],
        "contract": contract_name(data, query.contract, None, lang),
        "guarantee": ui(data, "hours_option", lang, hours=query.guarantee) if query.guarantee else None,
        "zone": zone_label(data, query.zone, lang) if query.zone else None,
        "distance_km": ui(data, "km_value", lang, km=number(data, query.km, lang)) if query.km is not None else None,
        "dispatched": format_datetime(data, query.dispatched, lang) if query.dispatched else None,
        "region": f"{data['markets'][query.market]['regions'][query.region][lang]} ({query.region})"
        if query.region
        else None,
        "compare": contract_name(data, query.compare, None, lang) if query.compare else None,
    }
    # A region is asked where holidays are counted per region, and called as its market calls it.
    label = {"region": data["markets"][query.market].get("region_label", {}).get(lang, "")}
    return [
        {"field": key, "label": label.get(key) or ui(data, key, lang), "value": value}
        for key, value in values.items()
        if value
    ]


def _summary(
    data: Data, title: str, status: list[str], own: ResponsePart | None, arrival: DeadlinePart | None,
    compared: Compare | None, lang: str,
) -> str:  # fmt: skip
    """A few sentences with the key figures, each said once: what was asked, then the comparison's one
    sentence (both responses, with their arrivals) where one was asked for, else the response promise and,
    with a dispatch time, the arrival. Each part is a sentence of its own (a phone shows them as a short
    paragraph)."""
    parts = [title]
    if compared and compared["difference"]:
        parts.append(compared["difference"])
    elif own:
        parts.append(own["text"])
        if arrival:
            parts.append(arrival_text(data, arrival, lang) if arrival["arrivals"] else arrival["text"])
    else:
        parts += status
    if compared and compared["status"] and compared["status"] not in parts:
        parts.append(compared["status"])
    return " ".join(part if part.endswith((".", "?", "!")) else f"{part}." for part in parts if part)


def _sold_status(data: Data, contract: str, market: str, lang: str) -> str:
    if is_sold(data, contract, market):
        return ui(data, "sold", lang, where=data["markets"][market]["where"][lang])
    return not_sold(data, contract, market, lang)


def _labels(data: Data, lang: str) -> dict[str, str]:
    """The headings of the answer's parts, so that every renderer shows the same words."""
    keys = ("response", "holidays_skipped", "coverage", "contacts", "phone", "chat", "create_case")
    return {key: ui(data, key, lang) for key in keys}


def _zoned(data: Data, contract: str) -> bool:
    """Whether the contract's on-site response depends on the zone (no contract: best effort anywhere)."""
    return contract == NO_CONTRACT or zoning(data, contract) != "none"


def share_params(query: Query) -> dict[str, str]:
    """The query as share-link parameters, empty ones left out."""
    values = {
        "market": query.market,
        "contract": query.contract,
        "guarantee": query.guarantee,
        "zone": query.zone,
        "km": f"{query.km:g}" if query.km is not None else None,
        "dispatched": query.dispatched.strftime("%Y-%m-%dT%H:%M") if query.dispatched else None,
        "region": query.region,
        "compare": query.compare,
    }
    return {key: str(value) for key, value in values.items() if value is not None}


def _zone(data: Data, query: Query, location: Location, lang: str) -> ZonePart | None:
    """What the answer says of the site's zone: the zone given, the zone a distance falls in, or that the
    distance is beyond the last published zone."""
    if location.zone is not None and (location.given_zone or location.band is None):
        zone = location.zone
        return {
            "id": zone,
            "name": data["zones"][zone]["name"][lang],
            "text": zone_label(data, zone, lang),
            "source": f"zones.{zone}",
        }
    if location.km is None:
        return None
    km = number(data, location.km, lang)
    if location.band is not None:
        zone = location.band.zone
        name = data["zones"][zone]["name"][lang]
        text = ui(data, "zone_from_distance", lang, km=km, zone=zone, zone_name=name)
        return {"id": zone, "name": name, "text": text, "source": f"zones.{zone}"}
    last = last_band(data, query.market)
    text = ui(data, "beyond_bands", lang, km=km, zone=last.zone, max_km=number(data, last.last_km, lang))
    return {"id": None, "name": None, "text": text, "source": "ui.beyond_bands"}


def _location_notes(data: Data, query: Query, location: Location, lang: str) -> list[Note]:
    """What the answer adds about the distance: how it was read (decision row 35), and where it points
    when a zone was given beside it (WRITING.md row 50)."""
    if location.km is None:
        return []
    km = number(data, location.km, lang)
    found: list[Note] = []
    if location.rounded:
        whole = number(data, whole_km(location.km), lang)
        found.append({"text": ui(data, "zone_rounded", lang, km=km, whole=whole), "source": "ui.zone_rounded"})
    if location.given_zone and (location.band is None or location.band.zone != location.zone):
        zone = location.zone or ""
        given = {"zone": zone, "zone_name": data["zones"][zone]["name"][lang], "km": km}
        if location.band is None:
            text = ui(data, "zone_and_distance_beyond", lang, **given)
        else:
            band = location.band.zone
            text = ui(
                data, "zone_and_distance", lang, **given, km_zone=band, km_zone_name=data["zones"][band]["name"][lang]
            )
        source = "ui.zone_and_distance_beyond" if location.band is None else "ui.zone_and_distance"
        found.append({"text": text, "source": source})
    return found


def _unique(found: list[Note]) -> list[Note]:
    """Each sentence once (a comparison of an offering with itself states its conditions once)."""
    unique: dict[str, Note] = {}
    for note in found:
        unique.setdefault(note["text"], note)
    return list(unique.values())


def _coverage(data: Data, contract: str, market: str, where: Reach, lang: str) -> list[CoverageGroup]:
    """The attributes of the market's table, grouped by their mark at the site: included, add-on, not
    included, and not for this site (checker/conditions.py)."""
    groups: dict[SiteMark, list[Item]] = {mark: [] for mark in SITE_MARKS}
    for row in data["attributes"]:
        if market in row["markets"] and (contract != NO_CONTRACT or row["no_contract"]):
            note = correction(data, row, contract, market, lang)
            groups[site_mark(data, row, contract, market, where)].append(item(data, row, market, lang, note))
    return [
        {
            "mark": mark,
            "label": site_label(data, contract, where, lang)
            if mark == "not-for-site"
            else ui(data, MARK_TEXT[mark], lang),
            "items": items,
        }
        for mark, items in groups.items()
        if items
    ]
