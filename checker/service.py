"""The one door to the checker: strings in (a share link's parameters and a language), JSON-ready
data out. The CLI, the build and the browser's Pyodide worker all call `respond`."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING

from checker.answer import answer
from checker.days_off import known_range
from checker.deadline import OutsideKnownDays
from checker.query import parse_query
from checker.text import format_date, ui

if TYPE_CHECKING:  # the model is for the type checker: the browser never imports it (checker/model.py)
    from checker.model import Data, Reply


def respond(data: Data, params: Mapping[str, str], lang: str) -> Reply:
    """{"ok": True, "answer": ...} or {"ok": False, "errors": {field: message}}, in `lang`."""
    if lang not in data["languages"]:
        lang = data["languages"][0]
    query, errors = parse_query(data, params, lang)
    if query is None:
        return {"lang": lang, "ok": False, "errors": errors}
    try:
        return {"lang": lang, "ok": True, "answer": answer(data, query, lang)}
    except OutsideKnownDays:
        first, last = known_range(data)
        message = ui(
            data,
            "error_dispatched_range",
            lang,
            first=format_date(data, first, lang),
            last=format_date(data, last, lang),
        )
        return {"lang": lang, "ok": False, "errors": {"dispatched": message}}


def to_json(response: Reply) -> str:
    """The one serialization of a response, so that CPython's and Pyodide's can be compared byte for byte."""
    return json.dumps(response, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
