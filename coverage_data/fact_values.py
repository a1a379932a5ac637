"""The values a fact of the source states, and the markets it states each for.

A value is what a published page could contradict: a number (hours, seconds, kilometres, calls), a
time of day, a coverage table's mark, a phone number, a web address or an e-mail address. Ids, words of
a rule (`basis: zone`) and booleans are not. A value given per market (`max_km: {ca: 40}`, a mark
`{us: included, ca: add-on}`, a list `options: {us: [4, 8], ca: [8]}`, whose `options.0` is each
market's first) is stated for those markets; any other for the markets its fact is
about: a market's own facts for that market, a coverage row for the markets whose table has it, an
offering's for the markets that sell it, everything else for every market.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from coverage_data.problems import Path_
from coverage_data.quotes import MARKS
from coverage_data.yaml_lines import Source

_TIME = re.compile(r"[0-9]{2}:[0-9]{2}")
_ADDRESS = re.compile(r"https?://\S+|[^@\s]+@[^@\s]+\.[a-z]{2,}", re.IGNORECASE)
_PHONE = re.compile(r"[0-9 ]*[0-9]{3}[0-9 ]*")  # digits and spaces, as the pages print them
NUMBER = re.compile(r"(?<![\w.,])[0-9]+(?:[.,][0-9]+)?(?![\w])")  # a number written in a text


@dataclass(frozen=True)
class Value:
    """One value of a fact: its path in the fact ('hours.2'; the fact's own name when the fact is one
    value), where it is in the source, and the value for each market it is stated for."""

    path: str
    where: Path_
    by_market: dict[str, object]


@dataclass(frozen=True)
class Text:
    """A text of a fact, in one language, where it is in the source."""

    where: Path_
    text: str


def location(source: Source, key: str) -> Path_ | None:
    """Where a fact is in the source: `attributes.onsite-support` is the row with that id."""
    parts = key.split(".")
    if parts[0] == "attributes" and len(parts) == 2:
        rows = source.get("attributes") or []
        index = next((i for i, row in enumerate(rows) if isinstance(row, dict) and row.get("id") == parts[1]), None)
        return None if index is None else ("attributes", index)
    node: Any = source
    where: list[str | int] = []
    for part in parts:
        if isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
            where.append(int(part))
        elif isinstance(node, dict) and part in node:
            node = node[part]
            where.append(part)
        else:
            return None
    return tuple(where)


def node_at(source: Source, where: Path_) -> Any:
    node: Any = source
    for step in where:
        node = node[step]
    return node


def values(source: Source, key: str, where: Path_) -> list[Value]:
    """Every value of the fact `key` (at `where` in the source)."""
    node = node_at(source, where)
    markets = _markets(source, key, node)
    if _is_value(node, key):
        return [Value(key.rsplit(".", 1)[-1], where, dict.fromkeys(markets, node))]
    return list(_values(node, "", where, markets, set(source.get("markets") or {})))


def texts(source: Source, where: Path_) -> Iterator[Text]:
    """Every text of the fact at `where`, in every language."""
    yield from _texts(node_at(source, where), where)


def _values(node: object, path: str, where: Path_, markets: list[str], ids: set[str]) -> Iterator[Value]:
    if isinstance(node, dict) and _is_text(node):
        return
    if isinstance(node, dict) and node and set(node) <= ids and not any(isinstance(v, dict) for v in node.values()):
        # a value per market: each market's, under the same names ({options.0}: each market's first option)
        shown: dict[str, dict[str, object]] = {}
        for market, value in node.items():
            if _is_value(value, path):
                shown.setdefault(path, {})[market] = value
            for listed in _values(value, path, where, [market], ids) if isinstance(value, list) else ():
                shown.setdefault(listed.path, {}).update(listed.by_market)
        yield from (Value(named, where, by_market) for named, by_market in shown.items())
        return
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for step, item in items:
        inner = f"{path}.{step}" if path else str(step)
        if _is_value(item, inner):
            yield Value(inner, (*where, step), dict.fromkeys(markets, item))
        else:
            yield from _values(item, inner, (*where, step), markets, ids)


def _is_value(value: object, path: str) -> bool:
    """Whether a value at `path` (in its fact) is one a page could contradict; a mark only in `marks`."""
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return True
    if not isinstance(value, str):
        return False
    return (
        _TIME.fullmatch(value) is not None
        or (value in MARKS and "marks" in path.split("."))
        or _ADDRESS.fullmatch(value) is not None
        or (_PHONE.fullmatch(value) is not None and sum(c.isdigit() for c in value) >= 7)
    )


def _is_text(node: dict[str, Any]) -> bool:
    return set(node) == {"en", "fr"} and all(isinstance(text, str) for text in node.values())


def _texts(node: object, where: Path_) -> Iterator[Text]:
    if isinstance(node, dict) and _is_text(node):
        yield from (Text((*where, lang), text) for lang, text in node.items())
        return
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for step, item in items:
        yield from _texts(item, (*where, step))


def _markets(source: Source, key: str, node: object) -> list[str]:
    """The markets a fact is about (see the module's docstring)."""
    every = list(source.get("markets") or {})
    parts = key.split(".")
    offerings = source.get("offerings") or {}
    if parts[0] == "markets" and len(parts) > 1:
        return [parts[1]]
    if parts[0] == "attributes" and isinstance(node, dict):
        return list(node.get("markets") or every)
    if parts[0] in ("offerings", "benefits") and len(parts) > 1 and isinstance(offerings.get(parts[1]), dict):
        sold = list(offerings[parts[1]].get("markets") or every)
        item = node.get("markets") if parts[0] == "benefits" and isinstance(node, dict) else None
        return [market for market in sold if market in (item or sold)]
    return every
