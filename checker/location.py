"""Where the question puts the site: its zone, given or read from a distance, once for the whole answer.

A zone given wins over a distance given beside it: the zone is the one the service contract sets ("the
coinciding zone based on the service contract", WRITING.md row 50); the answer says where the distance
points if it points elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.zones import Band, band_of, bands, whole_km

if TYPE_CHECKING:  # the model is for the type checker: the browser never imports it (checker/model.py)
    from checker.model import Data
    from checker.query import Query


@dataclass(frozen=True)
class Location:
    zone: str | None  # the zone the answer uses; None where the question does not place the site
    km: float | None = None  # the distance as given
    band: Band | None = None  # the distance's band; None beyond the last one (or without a distance)
    given_zone: bool = False  # the zone was given (not read from the distance)

    @property
    def beyond(self) -> bool:
        """A distance beyond the last published band, and no zone given: no zone the terms know."""
        return self.km is not None and self.band is None and not self.given_zone

    @property
    def rounded(self) -> bool:
        """The distance was read to a whole kilometre other than itself (decision row 35)."""
        return self.km is not None and whole_km(self.km) != self.km


def locate(data: Data, query: Query) -> Location:
    if query.km is None:
        return Location(query.zone, given_zone=query.zone is not None)
    band = band_of(data, query.market, query.km)
    if query.zone is not None:
        return Location(query.zone, query.km, band, given_zone=True)
    return Location(band.zone if band else None, query.km, band)


def last_band(data: Data, market: str) -> Band:
    return bands(data, market)[-1]
