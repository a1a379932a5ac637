"""Zones and their distance bands: the one home of the rule that places a distance in a zone.

The published bands are whole kilometres ("Zone 1 : 40 km", "Zone 2 : 41 à 80 km", "Zone 3 : 81 à
240 km"), so a distance is read to the nearest whole kilometre, half up, before it is placed
(WRITING.md row 32): 40.4 km is zone 1, 40.5 km is zone 2, and every distance falls in exactly the
band the tables print.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Band:
    zone: str
    first_km: int  # the band's first whole kilometre (0 for the first band)
    last_km: int  # its last, as published ("up to")


def bands(data: dict, market: str) -> list[Band]:
    """The market's published bands, nearest first; none where the market publishes no distances."""
    limits = sorted((zone["max_km"][market], zid) for zid, zone in data["zones"].items() if market in zone["max_km"])
    starts = [0, *(int(last) + 1 for last, _ in limits[:-1])][: len(limits)]
    return [Band(zid, first, int(last)) for first, (last, zid) in zip(starts, limits, strict=True)]


def publishes_distances(data: dict, market: str) -> bool:
    return bool(bands(data, market))


def whole_km(km: float) -> int:
    """The distance to the nearest whole kilometre, half up (the bands' own unit)."""
    return math.floor(km + 0.5)


def band_of(data: dict, market: str, km: float) -> Band | None:
    """The band a distance falls in, or None beyond the last published band."""
    return next((band for band in bands(data, market) if whole_km(km) <= band.last_km), None)
