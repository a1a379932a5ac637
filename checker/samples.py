"""Questions that take every path of the checker, for the build to exercise it before anything ships:
`python -m checker validate` and the build ask them of the compiled source (a text the checker needs
but the source lacks is then a writer's error at its line), and the trimmed standard library is made
by answering them (hooks/runtime.py). CPython only: the browser never asks them."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, TypedDict

from checker.days_off import known_range
from checker.query import contracts, guarantee_options

if TYPE_CHECKING:  # the model is for the type checker: the browser never imports it (checker/model.py)
    from checker.model import Data


class Question(TypedDict):
    params: dict[str, str]  # share-link parameters
    lang: str


def sample_questions(data: Data) -> list[Question]:
    """Every offering in every market and language, with a zone, a distance, a dispatch time (a weekday,
    a weekend, a holiday, late at night) in a region, a comparison, and bad input. The dates fall in the
    years the data knows, whatever the build's day."""
    year = known_range(data)[0].year + 1
    weekday = _next(dt.date(year, 11, 18), 4)  # a Friday, 16:30: the count runs over the weekend
    saturday = _next(dt.date(year, 11, 18), 5)
    questions: list[Question] = []
    for market in data["markets"]:
        region = next(iter(data["markets"][market]["regions"]), "")
        for contract in contracts(data):
            for guarantee in [None, *guarantee_options(data, contract, market)]:
                for extra in (
                    {},
                    {"dispatched": f"{weekday}T10:00"},
                    {"zone": "2"},
                    {"km": "300"},
                    {"zone": "1", "dispatched": f"{known_range(data)[1].year + 1}-01-05T10:00"},
                    {"km": "85"},
                    {"zone": "1", "dispatched": f"{weekday}T16:30", "region": region},
                    {"zone": "3", "dispatched": f"{year}-12-25T23:45"},
                    {"zone": "2", "dispatched": f"{saturday}T09:00", "compare": "performance-sla"},
                    {"zone": "2", "compare": "sma-tier-2"},
                    {"zone": "<script>", "km": "-1", "dispatched": f"{year}-02-30T10:00", "region": "ZZ"},
                ):
                    params = {"market": market, "contract": contract, **extra}
                    if guarantee is not None:
                        params["guarantee"] = str(guarantee)
                    questions += [{"params": params, "lang": lang} for lang in data["languages"]]
    return [*questions, {"params": {"market": "mx"}, "lang": "xx"}]


def _next(day: dt.date, weekday: int) -> dt.date:
    """The first day from `day` on that falls on `weekday` (0 is Monday)."""
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)
