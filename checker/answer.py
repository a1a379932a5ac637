"""The checker's answer to a query: plain data, every sentence already in the asked language.

One function per part of the answer, in the order a reader meets them: is it sold, which zone, how
fast, by when, what it covers, whom to call, and what another contract would change.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from checker.contacts import contacts, phones
from checker.days_off import holidays_of, known_range
from checker.deadline import Schedule, add_business_hours
from checker.query import NO_CONTRACT, Query
from checker.text import fill, format_date, format_datetime, hours_range, join, number, prose, ui
from checker.zones import band_of, bands, promised_hours, promised_zones, zoning

if TYPE_CHECKING:  # the model is for the type checker: the browser never imports it (checker/model.py)
    from checker.model import (
        Answer,
        Attribute,
        Change,
        Compare,
        CoverageGroup,
        Data,
        DeadlinePart,
        Item,
        Mark,
        QuestionField,
        Replacement,
        ResponseKind,
        ResponsePart,
        ZonePart,
    )

MARKS: tuple[Mark, ...] = ("included", "add-on", "not-included")
MARK_TEXT: dict[Mark, str] = {"included": "included", "add-on": "add_on", "not-included": "not_included"}  # its ui text


def answer(data: Data, query: Query, lang: str) -> Answer:
    """Everything `query` is entitled to. Raises OutsideKnownDays when a deadline runs past the
    holidays the data knows."""
    market = data["markets"][query.market]
    sold = is_sold(data, query.contract, query.market)
    zone, zone_text, beyond = _zone(data, query, lang)
    response = _response(data, query.contract, query.guarantee, query.market, zone, beyond, lang) if sold else None
    deadline = _deadline(data, query, query.dispatched, response, lang) if response and query.dispatched else None
    # No contract is not an offering: nothing is "sold", so nothing is said about where.
    status = [] if query.contract == NO_CONTRACT else [_sold_status(data, query.contract, query.market, lang)]
    if sold and (query.zone or query.km is not None) and not _zoned(data, query.contract):
        status.append(ui(data, "zones_not_zoned", lang))
    title = f"{contract_name(data, query.contract, query.guarantee, lang)} — {market['name'][lang]}"
    return {
        "labels": _labels(data, lang),
        "query": share_params(query),
        "question": _question(data, query, lang),
        "title": title,
        "summary": _summary(title, status, response, deadline, data, lang),
        "market": {"id": query.market, "name": market["name"][lang]},
        "contract": {"id": query.contract, "name": contract_name(data, query.contract, query.guarantee, lang)},
        "sold": sold,
        "status": status,
        "zone": zone_text,
        "response": response,
        "deadline": deadline,
        "coverage": _coverage(data, query.contract, query.market, lang, response) if sold else [],
        "contacts": contacts(data, query.market, lang),
        "compare": _compare(data, query, query.compare, zone, beyond, lang) if query.compare else None,
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
    return [{"field": key, "label": ui(data, key, lang), "value": value} for key, value in values.items() if value]


def _summary(
    title: str, status: list[str], response: ResponsePart | None, deadline: DeadlinePart | None, data: Data, lang: str
) -> str:
    """A few sentences with the key figure: what was asked, the response promise and, with a dispatch
    time, the arrival time. Each part is a sentence of its own (a phone shows them as a short paragraph)."""
    parts = [title, response["text"] if response else " ".join(status)]
    if deadline:
        label = ui(data, "label_colon", lang, label=deadline["title"])
        parts.append(f"{label} {deadline['text']}" if deadline["at"] else deadline["text"])
    return " ".join(part if part.endswith((".", "?", "!")) else f"{part}." for part in parts if part)


def _sold_status(data: Data, contract: str, market: str, lang: str) -> str:
    sold = is_sold(data, contract, market)
    where = data["markets"][market]["where"][lang]
    return ui(data, "sold" if sold else "not_sold", lang, where=where, contract=in_sentence(data, contract, lang))


def _labels(data: Data, lang: str) -> dict[str, str]:
    """The headings of the answer's parts, so that every renderer shows the same words."""
    keys = ("response", "holidays_skipped", "coverage", "contacts", "phone", "chat", "create_case")
    return {key: ui(data, key, lang) for key in keys}


def _zoned(data: Data, contract: str) -> bool:
    """Whether the contract's on-site response depends on the zone (no contract: best effort anywhere)."""
    return contract == NO_CONTRACT or zoning(data, contract) != "none"


def is_sold(data: Data, contract: str, market: str) -> bool:
    return contract == NO_CONTRACT or market in data["offerings"][contract]["markets"]


def contract_name(data: Data, contract: str, guarantee: int | None, lang: str) -> str:
    if contract == NO_CONTRACT:
        return ui(data, "no_contract", lang)
    name = data["offerings"][contract]["name"][lang]
    return f"{name} ({ui(data, 'hours_option', lang, hours=guarantee)})" if guarantee else name


def zone_label(data: Data, zone: str, lang: str) -> str:
    """'Zone 2 (Urban)' / 'Zone 2 (urbaine)': how the answer, the question and the form name a zone."""
    return ui(data, "zone_names", lang, zone=zone, zone_name=data["zones"][zone]["name"][lang])


def in_sentence(data: Data, contract: str, lang: str) -> str:
    """The contract's name as a sentence uses it: 'the Standard SLA', 'le CNS standard'."""
    if contract == NO_CONTRACT:
        return ui(data, "no_contract_in_sentence", lang)
    return data["offerings"][contract]["in_sentence"][lang]


def mark_of(data: Data, row: Attribute, contract: str, market: str) -> Mark:
    """The row's mark for the contract. Without a contract, only what a page says a client without one
    gets (self help); nothing else of a contract's coverage is theirs."""
    if contract == NO_CONTRACT:
        return row["no_contract"] or "not-included"
    return row["marks"][contract][market]


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


def _zone(data: Data, query: Query, lang: str) -> tuple[str | None, ZonePart | None, bool]:
    """(zone id, what to say about it, whether the distance is beyond the last band)."""
    if query.km is not None:
        km = number(data, query.km, lang)
        band = band_of(data, query.market, query.km)
        if band:
            name = data["zones"][band.zone]["name"][lang]
            text = ui(data, "zone_from_distance", lang, km=km, zone=band.zone, zone_name=name)
            return band.zone, {"id": band.zone, "name": name, "text": text, "source": f"zones.{band.zone}"}, False
        last = bands(data, query.market)[-1]
        text = ui(data, "beyond_bands", lang, km=km, zone=last.zone, max_km=number(data, last.last_km, lang))
        return None, {"id": None, "name": None, "text": text, "source": "ui.beyond_bands"}, True
    if query.zone is None:
        return None, None, False
    name = data["zones"][query.zone]["name"][lang]
    return (
        query.zone,
        {
            "id": query.zone,
            "name": name,
            "text": zone_label(data, query.zone, lang),
            "source": f"zones.{query.zone}",
        },
        False,
    )


def response_text(data: Data, contract: str, lang: str) -> str:
    """An offering's on-site response where it depends on no zone (an average, billed, included): the
    sentence the checker's answer gives, for the pages."""
    market = data["offerings"][contract]["markets"][0]
    return _response(data, contract, None, market, None, False, lang)["text"]


def _response(
    data: Data, contract: str, guarantee: int | None, market: str, zone: str | None, beyond: bool, lang: str
) -> ResponsePart:
    """How fast a technician comes: kind, hours to count (when a time is promised), a sentence, and
    the fact of the source the sentence rests on."""
    if contract == NO_CONTRACT:
        return _said("best-effort", prose(data, "no_contract", lang), "texts.no_contract")
    offering = data["offerings"][contract]
    rule = offering["response"]
    own = f"offerings.{contract}.response"
    if rule["basis"] == "average":
        days = rule["business_days"]
        days_text = ui(data, "within_one_day" if days == 1 else "within_days", lang, days=days)
        return _said("average", ui(data, "average_days", lang, days_text=days_text), own)
    if rule["basis"] == "billed":
        return _said("billed", ui(data, "billed_onsite", lang), own)
    if rule["basis"] == "included":
        row = _attribute(data, _row(data, rule["attribute"]), market, lang)["title"]
        text = ui(data, "onsite_included", lang, row=row, onsite_hours=hours_range(data, "onsite", lang))
        return _said("included", text, own)
    if beyond:
        return _unpublished(data, market, lang)
    if zone is None:
        return _said("needs-zone", ui(data, "zone_needed", lang), "ui.zone_needed")
    if rule["basis"] == "guarantee" and zone not in rule["zones"]:
        text = ui(
            data, "zone_not_covered", lang, contract=in_sentence(data, contract, lang), zones=join(data, rule["zones"], lang),
            zone=zone, zone_name=data["zones"][zone]["name"][lang],
        )  # fmt: skip
        return _said("not-covered", text, "ui.zone_not_covered")
    if rule["basis"] == "guarantee" and guarantee is None:
        options = join(data, [str(option) for option in rule["options"]], lang, "or")
        return _said(rule["promise"], ui(data, "guaranteed_options", lang, options=options), own)
    hours = guarantee if rule["basis"] == "guarantee" else promised_hours(data, contract, zone, market)
    if hours is None:
        return _unpublished(data, market, lang)
    key = "guarantee_business" if rule["promise"] == "guarantee" else "goal_business"
    return _said(rule["promise"], ui(data, key, lang, hours=hours), own, hours)


def _said(kind: ResponseKind, text: str, source: str, hours: int | None = None) -> ResponsePart:
    """A response: its kind, the hours to count (only where a time is promised), its sentence and
    the path of the fact it rests on (provenance.yml)."""
    return {"kind": kind, "hours": hours, "text": text, "source": source}


def _unpublished(data: Data, market: str, lang: str) -> ResponsePart:
    """Where the terms set no time (beyond the published zones): say so, and whom to ask. No rule of
    our own fills the silence (SOURCE-NOTES, rule of reading)."""
    numbers = [phone["number_text"] for phone in phones(data, market, lang)]
    return _said(
        "unpublished", ui(data, "beyond_response", lang, phones=join(data, numbers, lang, "or")), "ui.beyond_response"
    )


def _deadline(data: Data, query: Query, dispatched: dt.datetime, response: ResponsePart, lang: str) -> DeadlinePart:
    """When the technician is to be on site: a target for a goal, a latest time for a guarantee."""
    if response["hours"] is None:
        key = "deadline_needs_zone" if response["kind"] == "needs-zone" else "no_deadline"
        return {"kind": None, "title": "", "at": None, "text": ui(data, key, lang), "notes": [], "holidays": []}
    holidays = holidays_of(data, query.market, query.region, lang)
    schedule = Schedule.from_source(data["hours"]["onsite"])
    found = add_business_hours(dispatched, response["hours"], schedule, holidays, known_range(data)[1])
    notes = [ui(data, "deadline_counted", lang, onsite_hours=hours_range(data, "onsite", lang))]
    if found.starts != dispatched:
        notes.append(ui(data, "deadline_from_next", lang, start=format_datetime(data, found.starts, lang)))
    return {
        "kind": response["kind"],
        "title": ui(data, "deadline_guarantee" if response["kind"] == "guarantee" else "deadline_goal", lang),
        "at": found.ends.strftime("%Y-%m-%dT%H:%M"),
        "text": ui(data, "deadline_value", lang, when=format_datetime(data, found.ends, lang)),
        "notes": notes,
        "holidays": [
            {"date": day.isoformat(), "text": f"{format_date(data, day, lang)} — {name}"} for day, name in found.skipped
        ],
        "no_holidays": "" if found.skipped else ui(data, "no_holidays_skipped", lang),
    }


def _coverage(data: Data, contract: str, market: str, lang: str, response: ResponsePart | None) -> list[CoverageGroup]:
    """The attributes of the market's table, grouped as included, add-on, not included; a guarantee
    that does not reach the site's zone is in a group of its own, never "included" (WRITING.md row 30)."""
    groups: dict[Mark, list[Item]] = {mark: [] for mark in MARKS}
    elsewhere: list[Item] = []
    unreached = _unreached_row(data, contract, response)
    for row in data["attributes"]:
        if market in row["markets"] and (contract != NO_CONTRACT or row["no_contract"]):
            target = elsewhere if row["id"] == unreached else groups[mark_of(data, row, contract, market)]
            target.append(_attribute(data, row, market, lang))
    found: list[CoverageGroup] = [
        {"mark": mark, "label": ui(data, MARK_TEXT[mark], lang), "items": items}
        for mark, items in groups.items()
        if items
    ]
    if elsewhere:
        zones = join(data, promised_zones(data, contract), lang)
        found.append({"mark": "not-for-site", "label": ui(data, "not_for_site", lang, zones=zones), "items": elsewhere})
    return found


def _unreached_row(data: Data, contract: str, response: ResponsePart | None) -> str | None:
    """The guarantee's coverage row when the site is outside the guarantee's zones (or beyond them)."""
    if contract == NO_CONTRACT or not response or response["kind"] not in ("not-covered", "unpublished"):
        return None
    rule = data["offerings"][contract]["response"]
    return rule.get("attribute") if rule["basis"] == "guarantee" else None


def _row(data: Data, row_id: str) -> Attribute:
    return next(row for row in data["attributes"] if row["id"] == row_id)


def _attribute(data: Data, row: Attribute, market: str, lang: str) -> Item:
    """A row of the coverage table: its label (with "at Pitney Bowes discretion" where the market's
    table marks it), as a title and as a title before its detail."""
    label = row["label"][lang]
    discretion = ui(data, "discretion", lang) if market in row["discretion"] else ""
    title = f"{label} ({discretion})" if discretion else label
    return {
        "id": row["id"],
        "label": label,
        "title": title,
        "title_colon": ui(data, "label_colon", lang, label=title),
        "detail": fill(data, row["detail"][lang], lang) if row["detail"] else "",
        "discretion": discretion,
    }


def _compare(data: Data, query: Query, other: str, zone: str | None, beyond: bool, lang: str) -> Compare:
    """What changes in coverage when moving from the query's contract to `other` (`query.compare`)."""
    other_name = contract_name(data, other, None, lang)
    other_in_sentence = in_sentence(data, other, lang)
    sold = is_sold(data, other, query.market)
    changes: dict[str, tuple[Mark, Mark]] = {}  # row id -> (mark before, mark after)
    # An offering the market does not sell changes nothing there: its status says so, and no row is
    # listed as lost (the tables mark its rows; it is simply not on offer).
    for row in data["attributes"] if sold else []:
        if query.market in row["markets"]:
            before = mark_of(data, row, query.contract, query.market)
            after = mark_of(data, row, other, query.market)
            if before != after:
                changes[row["id"]] = (before, after)
    # Two rows of which one `replaces` the other, one gained and the other lost, are one change: a
    # replacement, in either direction (WRITING.md row 30). gained row id -> lost row id.
    became = {row_id: after for row_id, (_, after) in changes.items()}
    replaced: dict[str, str] = {}
    for row in data["attributes"]:
        if (replaces := row["replaces"]) is None:
            continue
        for gained, lost in ((row["id"], replaces), (replaces, row["id"])):
            if became.get(gained) == "included" and became.get(lost) == "not-included":
                replaced[gained] = lost
    rows = {row["id"]: row for row in data["attributes"]}
    gains: list[Change] = []
    losses: list[Change] = []
    replacements: list[Replacement] = []
    for row_id, (before, after) in changes.items():
        if row_id in replaced.values():
            continue
        item = _attribute(data, rows[row_id], query.market, lang)
        if row_id in replaced:
            lost_item = _attribute(data, rows[replaced[row_id]], query.market, lang)
            replacement = ui(data, "replaced_by", lang, before=lost_item["title"], after=item["title"])
            replacements.append({**item, "replaces": lost_item["id"], "change": replacement})
            continue
        marks = {"before": ui(data, MARK_TEXT[before], lang), "after": ui(data, MARK_TEXT[after], lang)}
        change: Change = {**item, "change": ui(data, "becomes", lang, **marks)}
        (gains if MARKS.index(after) < MARKS.index(before) else losses).append(change)
    return {
        "id": other,
        "name": other_name,
        "sold": sold,
        "status": "" if other == NO_CONTRACT else _sold_status(data, other, query.market, lang),
        "response": _response(data, other, None, query.market, zone, beyond, lang)["text"] if sold else None,
        "title": ui(data, "compare_title", lang, other=other_in_sentence),
        "gains_title": ui(data, "upgrade", lang, other=other_in_sentence),
        "gains": gains,
        "replaced_title": ui(data, "upgrade_replaces", lang, other=other_in_sentence),
        "replaced": replacements,
        "losses_title": ui(data, "upgrade_loses", lang, other=other_in_sentence),
        "losses": losses,
        "nothing": "" if gains or losses or replacements or not sold else ui(data, "upgrade_nothing", lang),
    }
