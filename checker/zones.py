"""Zones: the one home of the rules that place a distance in a zone, and of what each offering
promises in each zone and market, the numbers of its response rule read for a market (the answer, the
query, the zone table and the offering pages all ask here).

The published bands are whole kilometres ("Zone 1 : 40 km", "Zone 2 : 41 à 80 km", "Zone 3 : 81 à
240 km"), so a distance is read to the nearest whole kilometre, half up, before it is placed
(WRITING.md row 35): 40.4 km is zone 1, 40.5 km is zone 2, and every distance falls in exactly the
band the tables print.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the model is for the type checker: the browser never imports it (checker/model.py)
    from checker.model import Data, Zoning


@dataclass(frozen=True)
class Band:
    zone: str
    first_km: int  # the band's first whole kilometre (0 for the first band)
    last_km: int  # its last, as published ("up to")


def bands(data: Data, market: str) -> list[Band]:
    """The market's published bands, nearest first; none where the market publishes no distances."""
    limits = sorted((zone["max_km"][market], zid) for zid, zone in data["zones"].items() if market in zone["max_km"])
    starts = [0, *(int(last) + 1 for last, _ in limits[:-1])][: len(limits)]
    return [Band(zid, first, int(last)) for first, (last, zid) in zip(starts, limits, strict=True)]


def publishes_distances(data: Data, market: str) -> bool:
    return bool(bands(data, market))


def whole_km(km: float) -> int:
    """The distance to the nearest whole kilometre, half up (the bands' own unit)."""
    return math.floor(km + 0.5)


def band_of(data: Data, market: str, km: float) -> Band | None:
    """The band a distance falls in, or None beyond the last published band."""
    return next((band for band in bands(data, market) if whole_km(km) <= band.last_km), None)


def zoning(data: Data, offering: str) -> Zoning:
    """How the offering's on-site response depends on the site's zone: a time per zone ("by-zone"), one
    chosen time in some zones only ("in-zones"), or not at all ("none": an average, billed, included)."""
    basis = data["offerings"][offering]["response"]["basis"]
    return "by-zone" if basis == "zone" else "in-zones" if basis == "guarantee" else "none"


def zoned_offerings(data: Data) -> list[str]:
    """The offerings whose on-site response depends on the zone, in the source's order."""
    return [oid for oid in data["offerings"] if zoning(data, oid) != "none"]


def promised_zones(data: Data, offering: str) -> list[str]:
    """The zones in which the offering promises a time, in the source's order; none if it is not zoned."""
    rule = data["offerings"][offering]["response"]
    if rule["basis"] == "zone":
        return list(rule["hours"])
    if rule["basis"] == "guarantee":
        return list(rule["zones"])
    return []


def zone_hours(data: Data, offering: str, zone: str, market: str) -> list[int]:
    """The business hours the offering promises in the zone, in the market: its one time there
    ("by-zone"), the options to choose from ("in-zones"), or none (outside its zones, not sold in the
    market, or not zoned)."""
    rule = data["offerings"][offering]["response"]
    if (hours := promised_hours(data, offering, zone, market)) is not None:
        return [hours]
    if rule["basis"] == "guarantee" and zone in rule["zones"]:
        return guaranteed_hours(data, offering, market)
    return []


def guaranteed_hours(data: Data, offering: str, market: str) -> list[int]:
    """The hours an "in-zones" offering lets the client choose among, in the market (options written once
    in the source hold in every market); none for any other offering, or where it is not sold."""
    rule = data["offerings"][offering]["response"]
    return list(rule["options"].get(market, [])) if rule["basis"] == "guarantee" else []


def average_days(data: Data, offering: str, market: str) -> int | None:
    """The business days of an offering's average response (SMA Tier 2), in the market (written once in
    the source, it holds in every market); None for any other offering, or where it is not sold."""
    rule = data["offerings"][offering]["response"]
    return rule["business_days"].get(market) if rule["basis"] == "average" else None


def promised_hours(data: Data, offering: str, zone: str, market: str) -> int | None:
    """The one time a "by-zone" offering promises in the zone and market, or None where it sets none."""
    return hours_by_zone(data, offering, market).get(zone)


def hours_by_zone(data: Data, offering: str, market: str) -> dict[str, int]:
    """The time a "by-zone" offering promises in each zone that has one, in the market, in the source's
    order; none for any other offering."""
    rule = data["offerings"][offering]["response"]
    if rule["basis"] != "zone":
        return {}
    return {zone: by_market[market] for zone, by_market in rule["hours"].items() if market in by_market}


def zone_band(data: Data, market: str, zone: str) -> Band | None:
    """The zone's band in the market, or None where the market publishes no distances."""
    return next((band for band in bands(data, market) if band.zone == zone), None)
