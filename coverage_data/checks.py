"""The checks a schema cannot make: that every id a fact names exists, and that both languages agree.

Each check is defensive about shapes (the schema reports those), so that one run reports every
problem a writer has to fix, not only the first.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import string
from collections.abc import Callable, Iterator
from typing import Any

from checker.text import CONTEXT_NAMES, FACT_NAMES, placeholders
from coverage_data.interface import REQUIRED
from coverage_data.problems import Path_
from coverage_data.yaml_lines import Source

Found = Iterator[tuple[Path_, str]]
_FORMATTER = string.Formatter()


def _dict(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _id(value: object) -> str | None:
    """An id as written, or None where it is no text (a list, a mapping: the schema reports those)."""
    return value if isinstance(value, str) else None


# Bounds beyond which a number is a typing mistake, not a term: a year of kilometres, half a year of
# business hours. A text would otherwise print "up to nan km" or a deadline decades away.
MAX_KM = 10_000
_HH_MM = re.compile(r"[0-9]{2}:[0-9]{2}")
MAX_HOURS = 1_000


def problems(data: Source) -> Found:
    """Every cross-reference problem, as (path in the source, message)."""
    yield from references(data)
    languages = languages_of(data)
    for key, value in data.items():
        yield from section_texts(key, value, languages)


def languages_of(data: Source) -> tuple[str, ...]:
    """The site's languages, as far as they are written as such (the schema reports the rest)."""
    return tuple(lang for lang in _list(data.get("languages")) if isinstance(lang, str))


def references(data: Source) -> Found:
    """The problems between the sections: ids that name nothing, bands, hours, holidays."""
    markets = set(_dict(data.get("markets")))
    offerings = _dict(data.get("offerings"))
    zones = set(_dict(data.get("zones")))
    rows = {_id(_dict(row).get("id")) for row in _list(data.get("attributes"))}
    yield from _offerings(offerings, markets, zones, rows)
    yield from _editions(_dict(data.get("editions")), _list(data.get("languages")), markets)
    yield from _zones(_dict(data.get("zones")), markets)
    yield from _attributes(_list(data.get("attributes")), markets, set(offerings), rows)
    yield from _benefits(_dict(data.get("benefits")), markets, set(offerings))
    yield from _hours(_dict(data.get("hours")), set(_dict(data.get("timezones"))))
    yield from _holidays(_dict(data.get("holidays")), _dict(data.get("markets")))
    yield from _interface(data)


def _interface(data: Source) -> Found:
    """Every text some part of the site reads by its key (coverage_data/interface.py) is there, and every
    text of those sections is one that some part reads: a text nothing reads is never checked on a page,
    and goes out of date unseen (or is a misspelt key, beside the missing one)."""
    for section, key, reader in REQUIRED:
        if isinstance(data.get(section), dict) and key not in data[section]:
            yield (section,), f"{section}.{key}: {reader} uses this text; write it (in every language)"
    read = {(section, key) for section, key, _ in REQUIRED}
    for section in sorted({section for section, _, _ in REQUIRED}):
        for key in _dict(data.get(section)):
            if (section, key) not in read:
                yield (
                    (section, key),
                    (
                        f"{section}.{key}: nothing on the site reads this text: delete it, or name it in"
                        " coverage_data/interface.py with the part of the site that reads it"
                    ),
                )


def section_texts(key: str, value: object, languages: tuple[str, ...]) -> Found:
    """The problems of the texts of one top-level section (see _texts)."""
    yield from _texts(value, (key,), key in _PAGE_SECTIONS, languages)


def _editions(editions: dict[str, Any], languages: list[Any], markets: set[str]) -> Found:
    for lang in languages:
        if lang not in editions:
            yield ("editions",), f"no market for the {lang!r} edition to open on"
    for lang, market in editions.items():
        if lang not in languages:
            yield ("editions", lang), f"{lang!r} is not one of the site's languages"
        elif market not in markets:
            yield ("editions", lang), f"unknown market {market!r} (known: {', '.join(sorted(markets))})"


def _unknown(path: Path_, ids: object, known: set[str], what: str) -> Found:
    for i, item in enumerate(_list(ids)):
        if _id(item) is not None and item not in known:
            yield (*path, i), f"unknown {what} {item!r} (known: {', '.join(sorted(known))})"


def _offerings(offerings: dict[str, Any], markets: set[str], zones: set[str], rows: set[str | None]) -> Found:
    for oid, offering in offerings.items():
        offering = _dict(offering)
        path = ("offerings", oid)
        yield from _unknown((*path, "markets"), offering.get("markets"), markets, "market")
        yield from _unknown((*path, "add_on_to"), offering.get("add_on_to"), set(offerings) - {oid}, "offering")
        response = _dict(offering.get("response"))
        sold = [market for market in _list(offering.get("markets")) if market in markets]
        times: list[tuple[Path_, object]] = []  # each response time, where it is written
        for zone, value in _dict(response.get("hours")).items():
            at: Path_ = (*path, "response", "hours", zone)
            if zone not in zones:
                yield at, f"a response time for zone {zone!r}, which does not exist"
            yield from _per_market(at, value, markets, sold, _no_time(at, sold))
            times += [((*at, market), hours) for market, hours in _dict(value).items()] or [(at, value)]
        yield from _unknown((*path, "response", "zones"), response.get("zones"), zones, "zone")
        for key in ("options", "business_days"):  # written once, or per market
            at = (*path, "response", key)
            yield from _per_market(at, response.get(key), markets, sold, _no_time(at, sold))
        options, at = response.get("options"), (*path, "response", "options")
        lists: list[tuple[Path_, object]] = [((*at, m), each) for m, each in _dict(options).items()] or [(at, options)]
        times += [((*where, i), hours) for where, each in lists for i, hours in enumerate(_list(each))]
        for at, hours in times:
            if isinstance(hours, int) and hours > MAX_HOURS:
                yield (
                    at,
                    f"{hours:,} business hours is not a response time: at most {MAX_HOURS:,} (about half a year)",
                )
        if "attribute" in response and response["attribute"] not in rows:
            yield (*path, "response", "attribute"), f"unknown coverage row {response['attribute']!r}"


def _no_time(path: Path_, sold: list[str]) -> Callable[[str], str]:
    """What a response's value written per market (a time, the options, the days) says of a market it
    lacks."""
    example = "{" + ", ".join(f"{market}: …" for market in sold) + "}"
    return lambda market: (
        f"{'.'.join(map(str, path))}: no value for {market}: a value per market names every market the offering "
        f"is sold in, e.g. {example}"
    )


def _per_market(
    path: Path_, value: object, markets: set[str], expected: list[str], missing: Callable[[str], str]
) -> Found:
    """A value written per market ({us: …, ca: …}: a mark, a response time) names known markets, and
    each market it must (`missing` says one that it lacks)."""
    if not isinstance(value, dict):
        return
    for market in value:
        if market not in markets:
            yield (*path, market), f"unknown market {market!r} (known: {', '.join(sorted(markets))})"
    for market in expected:
        if market not in value:
            yield path, missing(market)


def _zones(zones: dict[str, Any], markets: set[str]) -> Found:
    """Distance bands: known markets, each band beyond the one before, and every zone or none."""
    banded = {market for zone in zones.values() for market in _dict(_dict(zone).get("max_km"))}
    for zid, zone in zones.items():
        for market in sorted(banded - set(_dict(_dict(zone).get("max_km")))):
            yield (
                ("zones", zid, "max_km"),
                f"no distance band for market {market!r}: a market's bands cover every zone or none",
            )
    bands: dict[str, list[float]] = {}
    for zid, zone in zones.items():
        for market, km in _dict(_dict(zone).get("max_km")).items():
            if market not in markets:
                yield ("zones", zid, "max_km", market), f"unknown market {market!r}"
            elif isinstance(km, (int, float)) and not (math.isfinite(km) and 0 < km <= MAX_KM):
                yield (
                    ("zones", zid, "max_km", market),
                    f"{km} is not a distance: write kilometres, more than 0 and at most {MAX_KM:,}",
                )
            elif isinstance(km, (int, float)):
                if bands.get(market) and km <= bands[market][-1]:
                    yield ("zones", zid, "max_km", market), "a zone's distance band must end beyond the one before"
                bands.setdefault(market, []).append(km)


def _attributes(rows: list[Any], markets: set[str], offerings: set[str], ids: set[str | None]) -> Found:
    seen: set[str | None] = set()
    for i, row in enumerate(rows):
        row = _dict(row)
        path: Path_ = ("attributes", i)
        if (row_id := _id(row.get("id"))) in seen and row_id:
            yield (*path, "id"), f"duplicate row id {row_id!r}"
        seen.add(row_id)
        yield from _unknown((*path, "markets"), row.get("markets"), markets, "market")
        yield from _unknown((*path, "discretion"), row.get("discretion"), markets, "market")
        if _id(row.get("replaces")) and row["replaces"] not in ids - {row_id}:
            yield (*path, "replaces"), f"{row['replaces']!r} is not another coverage row"
        row_markets = set(_list(row.get("markets")) or markets) & markets
        marks = _dict(row.get("marks"))
        for oid, mark in marks.items():
            if oid not in offerings:
                yield (*path, "marks", oid), f"unknown offering {oid!r} (known: {', '.join(sorted(offerings))})"
            yield from _per_market(
                (*path, "marks", oid),
                mark,
                markets,
                sorted(row_markets),
                lambda market: f"no mark for market {market!r}",
            )
        for oid in sorted(offerings - set(marks)):
            yield (*path, "marks"), f"row {row.get('id')!r} has no mark for offering {oid!r}"


def _benefits(benefits: dict[str, Any], markets: set[str], offerings: set[str]) -> Found:
    for oid, items in benefits.items():
        if oid not in offerings:
            yield ("benefits", oid), f"unknown offering {oid!r}"
        for i, item in enumerate(_list(items)):
            yield from _unknown(("benefits", oid, i, "markets"), _dict(item).get("markets"), markets, "market")
    for oid in sorted(offerings - set(benefits)):
        yield ("benefits",), f"offering {oid!r} has no benefits list"


def _hours(hours: dict[str, Any], timezones: set[str]) -> Found:
    for which, spec in hours.items():
        spec = _dict(spec)
        if spec.get("timezone") not in timezones:
            yield ("hours", which, "timezone"), f"unknown time zone {spec.get('timezone')!r}"
        start, end = str(spec.get("start", "")), str(spec.get("end", ""))
        if _HH_MM.fullmatch(start) and _HH_MM.fullmatch(end) and start >= end:  # the schema reports bad times
            yield ("hours", which), "hours must end after they start"


def _holidays(holidays: dict[str, Any], markets: dict[str, Any]) -> Found:
    rules = _dict(holidays.get("markets"))
    for mid in markets:
        if mid not in rules:
            yield ("holidays", "markets"), f"market {mid!r} has no holidays: add holidays.markets.{mid} (WRITING.md)"
    for mid, rule in rules.items():
        rule, regions = _dict(rule), _dict(_dict(markets.get(mid)).get("regions"))
        path = ("holidays", "markets", mid)
        if mid not in markets:
            yield path, f"unknown market {mid!r} (known: {', '.join(markets)})"
        elif rule.get("counts") == "listed" and regions:
            yield (
                ("markets", mid, "regions"),
                f"{mid} counts one list of holidays in every region (holidays.markets.{mid}.counts: listed): "
                "remove its regions, or count per region (counts: statutory)",
            )
        elif regions:
            for key in ("counted_without_region", "without_region"):
                if key not in rule:
                    yield path, f"{mid} counts holidays per region: write {key} (what counts without a region)"
            if "region_label" not in _dict(markets[mid]):
                yield ("markets", mid), f"{mid} has regions: write region_label (what a region is called)"
        seen: dict[str, int] = {}
        for i, item in enumerate(_list(rule.get("days"))):
            name = _dict(item).get("holiday")
            if isinstance(name, str) and name in seen:
                yield (
                    (*path, "days", i, "holiday"),
                    f"{name!r} is listed twice (first as item {seen[name] + 1}): keep one",
                )
            elif isinstance(name, str):
                seen[name] = i
    for change in ("add", "remove"):
        for i, item in enumerate(_list(holidays.get(change))):
            item = _dict(item)
            at: Path_ = ("holidays", change, i)
            market = item.get("market")
            if market not in markets:
                yield (*at, "market"), f"unknown market {market!r}"
            elif "region" in item and not _dict(_dict(markets[market]).get("regions")):
                yield (*at, "region"), f"{market} counts one list of holidays in every region: write no region"
            elif "region" in item and item["region"] not in _dict(_dict(markets[market]).get("regions")):
                yield (*at, "region"), f"unknown region {item['region']!r} for market {market!r}"
            if isinstance(item.get("date"), str) and not _real_date(item["date"]):
                yield (*at, "date"), f"{item['date']!r} is no day of the calendar: write a real date, YYYY-MM-DD"


def _real_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


# Texts the checker and the templates fill with values of their own: ui.* (checked by asking the source
# the checker's sample questions, coverage_data/exercise.py). Every other text outside the page texts
# is printed as written.
_TEMPLATES = ("ui",)
# The sections whose texts are pages' texts: they may name facts ({remote_hours}).
_PAGE_SECTIONS = ("texts", "benefits", "attributes", "markets")


def _template(path: Path_) -> bool:
    """ui.*, and a market's note of the holidays counted (`{region}`: checker.days_off.holidays_counted)."""
    return bool(path) and (path[0] in _TEMPLATES or (path[0] == "holidays" and path[-1] == "counted"))


def _parses(text: str) -> bool:
    try:
        placeholders(text)
    except ValueError:
        return False
    return True


def _printed_as_written(value: dict[str, str], path: Path_) -> Found:
    """A brace in a text printed as written is a placeholder that would show as typed ({contrat})."""
    if _template(path):
        return
    for lang, text in value.items():
        if "{" in text or "}" in text:
            label = ".".join(map(str, (*path, lang)))
            yield (
                (*path, lang),
                (
                    f"{label}: this text is printed as written, so {_braced(text)!r} would show as typed: write the "
                    "words (placeholders such as {remote_hours} work in texts, benefits, attributes and markets)"
                ),
            )


def _braced(text: str) -> str:
    """The first placeholder-like part of a text: '{contrat}', or a lone '{' or '}'."""
    start = text.find("{") if "{" in text else text.find("}")
    end = text.find("}", start)
    return text[start : end + 1 if end >= 0 else start + 1]


def _more_than_a_name(text: str) -> str | None:
    """The first placeholder of a text that is more than a name in braces: one that reads inside its
    value ({when.__class__}, {x[0]}), converts it ({contract!r}) or formats it ({km:>999999999}), or
    names nothing ({}, {0}). Only the checker's own {name!c} (a capital) is allowed beyond the name."""
    try:
        fields = [(name, spec, conversion) for _, name, spec, conversion in _FORMATTER.parse(text) if name is not None]
    except ValueError:
        return None  # a stray brace: reported as such
    for name, spec, conversion in fields:
        if not name.isidentifier() or spec or conversion not in (None, "c"):
            written = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            plain = re.match(r"[A-Za-z_]\w*", name)
            example = "{" + (plain.group() if plain else "remote_hours") + "}"
            return f"{_short(written)} is not a placeholder: a placeholder is a name in braces, nothing more, e.g. {example}"
    return None


def _short(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:39] + "…")


def _texts(value: object, path: Path_, fact_texts: bool, languages: tuple[str, ...]) -> Found:
    """Every placeholder is a name in braces; every language of a page text names the same facts, and
    only facts that exist."""
    if (
        isinstance(value, dict)
        and languages
        and set(value) == set(languages)
        and all(isinstance(v, str) for v in value.values())
    ):
        shapes = {lang: _more_than_a_name(value[lang]) for lang in languages}
        if any(shapes.values()):
            for lang, wrong in shapes.items():
                if wrong:
                    yield (*path, lang), f"{'.'.join(map(str, (*path, lang)))}: {wrong}"
            return
        if not fact_texts:
            yield from _printed_as_written(value, path)
            return
        try:
            named = {lang: placeholders(value[lang]) for lang in languages}
        except ValueError:
            lang = next(lang for lang in languages if not _parses(value[lang]))
            label = ".".join(map(str, (*path, lang)))
            yield (
                (*path, lang),
                f"{label}: a stray '{{' or '}}': a placeholder is a name in braces, e.g. {{remote_hours}}",
            )
            return
        first = languages[0]
        for lang in languages[1:]:
            if named[lang] != named[first]:
                yield path, f"{first} and {lang} name different facts: {sorted(named[first])} and {sorted(named[lang])}"
        for lang, names in named.items():
            if unknown := names - FACT_NAMES - CONTEXT_NAMES:
                yield (*path, lang), f"unknown placeholder(s) {sorted(unknown)}; known: {sorted(FACT_NAMES)}"
        return
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        yield from _texts(item, (*path, key), fact_texts, languages)
