"""A question to the checker, read from strings: a share link's query, the form, or the command line.

One reader for all three, so that a value means the same everywhere; each bad value gets a message, in
the asked language, under the name of its field.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.days_off import known_range
from checker.text import format_date, join, ui
from checker.zones import guaranteed_hours, publishes_distances

if TYPE_CHECKING:  # the model is for the type checker: the browser never imports it (checker/model.py)
    from checker.model import Data

# The parameters of a share link, which are also the fields of the form (a public contract).
FIELDS = ("market", "contract", "guarantee", "zone", "km", "dispatched", "region", "compare")
NO_CONTRACT = "none"
# The checker's own reading of values, the same in every Python (not the interpreter's: Python 3.14
# reads "T24:00" and "²" where 3.11 does not). ASCII digits only.
_DISPATCHED = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2})")
_KM = re.compile(r"([0-9]+)(?:[.,]([0-9]+))?(?:\s*km)?", re.IGNORECASE)  # 60, 60.5, 60,5, 60 km
# 1,000 or 1.000: a thousand in one language, one in another (in French the comma marks decimals): refused
_AMBIGUOUS = re.compile(r"[1-9][0-9]{0,2}[.,][0-9]{3}(?:\s*km)?", re.IGNORECASE)
_GUARANTEE = re.compile(r"[0-9]{1,3}")
_SHOWN = 40  # characters of a bad value repeated in its message
# parse_query's `refuse(field, ui_key, **values)`: a field's message, from a text of the source.
Refuse = Callable[..., None]


@dataclass(frozen=True)
class Query:
    market: str
    contract: str
    guarantee: int | None = None
    zone: str | None = None
    km: float | None = None
    dispatched: dt.datetime | None = None
    region: str | None = None
    compare: str | None = None


def contracts(data: Data) -> list[str]:
    return [NO_CONTRACT, *data["offerings"]]


def default_market(data: Data, lang: str) -> str:
    """The market a question without one is asked of: the one the reader's edition opens on."""
    return data["editions"][lang]


def default_contract(data: Data) -> str:
    """The contract a question without one is asked of: the source's first offering."""
    return next(iter(data["offerings"]))


def guarantee_options(data: Data, contract: str, market: str) -> list[int]:
    """The hours a contract's guarantee lets the client choose among in the market (the form's choices, a
    link's reading); none for any other contract, or where it is not sold."""
    if contract == NO_CONTRACT or contract not in data["offerings"]:
        return []
    return guaranteed_hours(data, contract, market)


def parse_query(data: Data, params: Mapping[str, str], lang: str) -> tuple[Query | None, dict[str, str]]:
    """The query, or None and a message per field that is wrong. A missing market is the one the
    reader's edition opens on (`editions`), a missing contract the source's first; every other field
    is optional."""
    raw = {field: str(params.get(field) or "").strip() for field in FIELDS}
    ids = {field: raw[field].lower() for field in ("market", "contract", "compare")}  # a link's 'CA' is 'ca'

    errors: dict[str, str] = {}

    def refuse(field: str, key: str, **values: object) -> None:
        shown = raw[field] if len(raw[field]) <= _SHOWN else raw[field][:_SHOWN] + "…"
        errors[field] = ui(data, key, lang, value=shown, **values)

    # A bad id comes from a link: the message names each choice in the reader's language, with the id
    # the link would carry ("Canada (ca)").
    market = ids["market"] or default_market(data, lang)
    if market not in data["markets"]:
        names = [f"{m['in_sentence'][lang]} ({mid})" for mid, m in data["markets"].items()]
        refuse("market", "error_market", choices=join(data, names, lang, "or"))
    contract = ids["contract"] or default_contract(data)
    if contract not in contracts(data):
        refuse("contract", "error_contract", choices=_contract_choices(data, lang))
    compare = ids["compare"] or None
    if compare == contract and contract in contracts(data):
        compare = None  # a contract compared with itself is no comparison
    if compare is not None and compare not in contracts(data):
        refuse("compare", "error_compare", choices=_contract_choices(data, lang))

    guarantee = _guarantee(data, contract, market, raw["guarantee"], lang, refuse)
    zone = _zone(data, raw["zone"], lang, refuse)
    km = _km(data, market, raw["km"], lang, refuse)  # beside a zone, the zone wins (checker/location.py)
    dispatched = _dispatched(data, raw["dispatched"], lang, refuse)
    region = raw["region"].upper() or None
    if market in data["markets"] and not data["markets"][market]["regions"]:
        region = None  # one list of holidays in every region (the US, WRITING.md row 45): an older link's is moot
    if region is not None and market in data["markets"] and region not in data["markets"][market]["regions"]:
        regions = data["markets"][market]["regions"]
        refuse(
            "region",
            "error_region",
            where=data["markets"][market]["where"][lang],
            choices=join(data, [f"{name[lang]} ({code})" for code, name in regions.items()], lang, "or"),
        )
    if errors:
        return None, errors
    return Query(market, contract, guarantee, zone, km, dispatched, region, compare), {}


def _contract_choices(data: Data, lang: str) -> str:
    """Each contract as a sentence names it ('le CNS standard (standard-sla)'), with its id."""
    names = [f"{offering['in_sentence'][lang]} ({oid})" for oid, offering in data["offerings"].items()]
    return join(data, [*names, f"{ui(data, 'no_contract_in_sentence', lang)} ({NO_CONTRACT})"], lang, "or")


def _guarantee(data: Data, contract: str, market: str, value: str, lang: str, refuse: Refuse) -> int | None:
    """The chosen guarantee, one of the market's; None where the contract has none to choose there (a
    stray value is ignored) or none was chosen (the answer then gives each the contract may have)."""
    options = guarantee_options(data, contract, market)
    if not options or not value:
        return None
    if not _GUARANTEE.fullmatch(value) or int(value) not in options:
        refuse("guarantee", "error_guarantee", choices=join(data, [str(option) for option in options], lang, "or"))
        return None
    return int(value)


def _zone(data: Data, value: str, lang: str, refuse: Refuse) -> str | None:
    """A zone by id ('2'), slug ('urban') or name in either language ('Urbaine')."""
    if not value:
        return None
    wanted = value.casefold()
    for zid, zone in data["zones"].items():
        if wanted in {zid, zone["slug"], *(name.casefold() for name in zone["name"].values())}:
            return zid
    choices = join(data, [f"{zid} ({zone['name'][lang]})" for zid, zone in data["zones"].items()], lang, "or")
    refuse("zone", "error_zone", choices=choices)
    return None


def _km(data: Data, market: str, value: str, lang: str, refuse: Refuse) -> float | None:
    if not value:
        return None
    if _AMBIGUOUS.fullmatch(value):
        refuse("km", "error_km_ambiguous")
        return None
    number = _KM.fullmatch(value)
    if not number:
        refuse("km", "error_km")
        return None
    km = float(f"{number.group(1)}.{number.group(2) or 0}")
    if not math.isfinite(km):  # 309 digits or more: no distance on Earth, and no whole kilometre
        refuse("km", "error_km")
        return None
    if market in data["markets"] and not publishes_distances(data, market):
        refuse("km", "error_km_unpublished", where=data["markets"][market]["where"][lang])
        return None
    return km


def _dispatched(data: Data, value: str, lang: str, refuse: Refuse) -> dt.datetime | None:
    if not value:
        return None
    parts = _DISPATCHED.fullmatch(value)
    try:
        if not parts:
            raise ValueError(value)
        year, month, day, hour, minute = (int(part) for part in parts.groups())
        moment = dt.datetime(year, month, day, hour, minute)
    except ValueError:
        refuse("dispatched", "error_dispatched")
        return None
    first, last = known_range(data)
    if not first <= moment.date() <= last:
        refuse(
            "dispatched",
            "error_dispatched_range",
            first=format_date(data, first, lang),
            last=format_date(data, last, lang),
        )
        return None
    return moment
