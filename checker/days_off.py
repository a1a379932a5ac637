"""The holidays of a place, read from the table the build compiled from the `holidays` library."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the model is for the type checker: the browser never imports it (checker/model.py)
    from checker.model import Data


def known_range(data: Data) -> tuple[dt.date, dt.date]:
    """The first and last day the holiday table covers: deadlines outside it cannot be computed."""
    table = data["holidays"]
    return dt.date.fromisoformat(table["first"]), dt.date.fromisoformat(table["last"])


def holidays_of(data: Data, market: str, region: str | None, lang: str) -> dict[dt.date, str]:
    """Each holiday of the market (and of its state or province, when given), named in `lang`."""
    table = data["holidays"]
    column = data["languages"].index(lang)
    result: dict[dt.date, str] = {}
    for entry in table["days"][market][region or ""]:
        day, name_index = entry.split(" ")
        result[dt.date.fromisoformat(day)] = table["names"][int(name_index)][column]
    return result
