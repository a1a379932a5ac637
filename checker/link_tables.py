"""The checker's reading of a link's finite part, as tables for the checker page (issue 21 §3).

The page reads no value itself: the build writes these tables into its configuration (hooks/render.py),
and the page only looks a link's values up in them (docs/assets/checker/boot.js). Each entry is what
`checker.query.parse_query` reads the value as: the rule stays written once, in query.py. Used by the
build only (the browser's Pyodide never gets this module: hooks/runtime.BROWSER_MODULES).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker.query import Query, contracts, default_contract, default_market, guarantee_options, parse_query
from checker.zones import band_of, bands, publishes_distances

if TYPE_CHECKING:
    from checker.model import Data, LinkReading


def link_reading(data: Data, lang: str) -> LinkReading:
    """How the page reads the part of a link the build answers, without the runtime, as data: each
    value a link may carry in those fields (an id; a zone's slug and names as written, in lower and in
    upper case; a market's guarantee hours zero-padded; each whole kilometre of a market's bands), mapped to
    what `parse_query` itself reads it as. The page only looks values up: a value not listed here goes
    to the runtime, which reads it by query.py's rules, so the page and the checker never disagree."""
    market, contract = default_market(data, lang), default_contract(data)

    def read(**params: str) -> Query | None:
        return parse_query(data, {"market": market, "contract": contract, **params}, lang)[0]

    def chosen(cid: str) -> dict[str, str]:  # a contract with a guarantee is read with one of its own
        options = guarantee_options(data, cid, market)
        return {"guarantee": str(options[0])} if options else {}

    guarantees: dict[str, dict[str, dict[str, str]]] = {}
    for mid in data["markets"]:
        for cid in contracts(data):
            options = guarantee_options(data, cid, mid)
            padded = sorted({str(hours).zfill(width) for hours in options for width in range(1, 6)})
            if padded:
                guarantees.setdefault(mid, {})[cid] = {
                    v: str(q.guarantee) for v in padded if (q := read(market=mid, contract=cid, guarantee=v))
                }
    words = {w for zid, zone in data["zones"].items() for w in (zid, zone["slug"], *zone["name"].values())}
    forms = sorted({form for word in words for form in (word, word.casefold(), word.capitalize(), word.upper())})
    distances: dict[str, dict[str, str]] = {}
    for mid in data["markets"]:
        for km in range(bands(data, mid)[-1].last_km + 1 if publishes_distances(data, mid) else 0):
            q = read(market=mid, km=str(km))
            if q and q.km is not None and (band := band_of(data, mid, q.km)):
                distances.setdefault(mid, {})[str(km)] = band.zone
    return {
        "fields": ["market", "contract", "guarantee", "zone", "km"],
        "defaults": {"market": market, "contract": contract},
        "market": {mid: q.market for mid in data["markets"] if (q := read(market=mid))},
        "contract": {cid: q.contract for cid in contracts(data) if (q := read(contract=cid, **chosen(cid)))},
        "guarantee": guarantees,
        "zone": {form: q.zone for form in forms if (q := read(zone=form)) and q.zone},
        "km": distances,
    }
