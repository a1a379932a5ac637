"""How fast a technician comes, for a contract at the question's site: the promise, the times to count
from the point of dispatch, a sentence, a phrase for comparisons, and the fact it rests on.

Where the question leaves open what the promise depends on (the zone, the guarantee), the answer gives
every time the terms allow, each with what it depends on, instead of refusing (WRITING.md row 51).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker.conditions import reach
from checker.contacts import phones
from checker.location import Location
from checker.names import in_sentence, row_of, title, zone_label, zone_list
from checker.query import NO_CONTRACT
from checker.text import fill, hours_range, join, ui
from checker.zones import average_days, guaranteed_hours, hours_by_zone

if TYPE_CHECKING:  # the model is for the type checker: the browser never imports it (checker/model.py)
    from checker.conditions import Reach
    from checker.model import Data, GuaranteeRule, ResponseKind, ResponsePart, Time, ZoneRule


def response(
    data: Data, contract: str, guarantee: int | None, market: str, location: Location, lang: str
) -> ResponsePart:
    if contract == NO_CONTRACT:
        offer = data["markets"][market]["no_contract"]
        short = ui(data, f"short_{offer['promise'].replace('-', '_')}", lang)
        return _said(offer["promise"], fill(data, offer["text"][lang], lang), short, f"markets.{market}.no_contract")
    rule = data["offerings"][contract]["response"]
    own = f"offerings.{contract}.response"
    if rule["basis"] == "average":
        days = average_days(data, contract, market)
        days_text = ui(data, "within_one_day" if days == 1 else "within_days", lang, days=days)
        text, short = (
            ui(data, "average_days", lang, days_text=days_text),
            ui(data, "short_average", lang, days_text=days_text),
        )
        return _said("average", text, short, own)
    if rule["basis"] == "billed":
        return _said("billed", ui(data, "billed_onsite", lang), ui(data, "short_billed", lang), own)
    if rule["basis"] == "included":
        row = title(data, row_of(data, rule["attribute"]), market, lang)
        text = ui(data, "onsite_included", lang, row=row, onsite_hours=hours_range(data, "onsite", lang))
        return _said("included", text, ui(data, "short_included", lang), own)
    where = reach(data, contract, location)
    if rule["basis"] == "guarantee":
        return _in_zones(data, contract, rule, guarantee, market, location, where, lang)
    return _by_zone(data, contract, rule, market, location, where, lang)


def response_text(data: Data, contract: str, market: str, lang: str) -> str:
    """An offering's on-site response where it depends on no zone (an average, billed, included), in a
    market that sells it: the sentence the checker's answer gives, for the pages."""
    return response(data, contract, None, market, Location(None), lang)["text"]


def _by_zone(
    data: Data, contract: str, rule: ZoneRule, market: str, location: Location, where: Reach, lang: str
) -> ResponsePart:
    """A time per zone (Standard SLA), the market's: the zone's, or every zone's where the question
    gives none."""
    source, promise = f"offerings.{contract}.response", rule["promise"]
    by_zone = hours_by_zone(data, contract, market)
    if where == "beyond-zones" or (location.zone is not None and location.zone not in by_zone):
        return _unpublished(data, market, lang)
    if location.zone is not None:
        hours = by_zone[location.zone]
        text = ui(data, f"{promise}_business", lang, hours=hours)
        return _said(promise, text, ui(data, f"short_{promise}", lang, hours=hours), source, [_time(hours)])
    times = [_time(hours, zone_label(data, zone, lang)) for zone, hours in by_zone.items()]
    in_zones = [
        ui(data, "hours_in_zone", lang, hours=h, zone=z, zone_name=data["zones"][z]["name"][lang])
        for z, h in by_zone.items()
    ]
    text = ui(data, f"{promise}_by_zone", lang, by_zone=join(data, in_zones, lang, "or"))
    all_hours = join(data, [str(hours) for hours in by_zone.values()], lang, "or")
    return _said(promise, text, ui(data, f"short_{promise}_by_zone", lang, hours=all_hours), source, times)


def _in_zones(
    data: Data, contract: str, rule: GuaranteeRule, guarantee: int | None, market: str, location: Location,
    where: Reach, lang: str,
) -> ResponsePart:  # fmt: skip
    """One time in some zones only (Performance SLA): the chosen guarantee, or each the contract may
    have where the question does not say which; nothing outside its zones."""
    source = f"offerings.{contract}.response"
    if where in ("outside-zones", "beyond-zones"):
        name = in_sentence(data, contract, lang)
        if where == "beyond-zones":
            text = ui(data, "outside_zones_distance", lang, contract=name)
        else:
            zone = location.zone or ""
            text = ui(
                data, "outside_zones", lang, contract=name, zone=zone, zone_name=data["zones"][zone]["name"][lang]
            )
        return _said("outside-zones", text, ui(data, "short_outside", lang), source)
    options = [guarantee] if guarantee else guaranteed_hours(data, contract, market)
    hours = join(data, [str(option) for option in options], lang, "or")
    promise = rule["promise"]
    if where == "zone-unknown":
        zones = zone_list(data, rule["zones"], lang)
        text = ui(data, f"{promise}_in_zones", lang, zones=zones, hours=hours)
        short = ui(data, f"short_{promise}_in_zones", lang, zones=zones, hours=hours)
    else:
        text = ui(data, f"{promise}_business", lang, hours=hours)
        short = ui(data, f"short_{promise}", lang, hours=hours)
    if len(options) > 1:
        text = f"{text} {ui(data, 'guarantee_per_contract', lang)}"
        times = [_time(option, ui(data, "hours_option", lang, hours=option)) for option in options]
    else:
        times = [_time(options[0])]
    return _said(promise, text, short, source, times)


def _time(hours: int, label: str = "") -> Time:
    return {"hours": hours, "label": label}


def _said(kind: ResponseKind, text: str, short: str, source: str, times: list[Time] | None = None) -> ResponsePart:
    """A response: its kind, the times to count (only where a time is promised), its sentence, its phrase
    and the path of the fact it rests on (provenance.yml)."""
    times = times or []
    return {
        "kind": kind,
        "hours": times[0]["hours"] if len(times) == 1 else None,
        "times": times,
        "text": text,
        "short": short,
        "source": source,
    }


def _unpublished(data: Data, market: str, lang: str) -> ResponsePart:
    """Where the terms set no time (beyond the published zones): say so, and whom to ask. No rule of
    our own fills the silence (SOURCE-NOTES, rule of reading)."""
    numbers = [phone["number_text"] for phone in phones(data, market, lang)]
    text = ui(data, "beyond_response", lang, phones=join(data, numbers, lang, "or"))
    return _said("unpublished", text, ui(data, "short_unpublished", lang), "ui.beyond_response")
