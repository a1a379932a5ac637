"""What another contract would change, for the same site: the two on-site responses in one sentence a
rep can paste, and the coverage rows whose mark at the site differs.

Both contracts are read at the question's site (checker/conditions.py): a guarantee that does not reach
the site replaces nothing there, in either direction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker.arrival import deadline
from checker.conditions import Reach, reach, site_mark
from checker.names import contract_name, in_sentence, is_sold, item, title, titled
from checker.query import NO_CONTRACT
from checker.response import response
from checker.text import ui

if TYPE_CHECKING:  # the model is for the type checker: the browser never imports it (checker/model.py)
    from checker.location import Location
    from checker.model import Change, Compare, Data, DeadlinePart, Replacement, ResponsePart, SiteMark
    from checker.query import Query

# How much of a row the client has at the site, best first: a row that is not for the site is as absent
# as one not included (no change between the two is listed).
_RANK: dict[SiteMark, int] = {"included": 0, "add-on": 1, "not-included": 2, "not-for-site": 2}
MARK_TEXT: dict[SiteMark, str] = {
    "included": "included",
    "add-on": "add_on",
    "not-included": "not_included",
    "not-for-site": "not_for_site_short",
}  # each mark's ui text


def not_sold(data: Data, contract: str, market: str, lang: str) -> str:
    where = data["markets"][market]["where"][lang]
    return ui(data, "not_sold", lang, where=where, contract=in_sentence(data, contract, lang))


def compare(
    data: Data, query: Query, location: Location, own: ResponsePart | None, arrival: DeadlinePart | None, lang: str
) -> Compare:
    """`query.contract` against `query.compare` at the question's site. A comparison with, or from, an
    offering the market does not sell says so and lists nothing. `own` and `arrival` are the answer's:
    the contract's response and, with a dispatch time, its arrival."""
    assert query.compare is not None
    other, market = query.compare, query.market
    other_name = in_sentence(data, other, lang)
    unsold = next((c for c in (query.contract, other) if not is_sold(data, c, market)), None)
    found: Compare = {
        "id": other,
        "name": contract_name(data, other, None, lang),
        "sold": is_sold(data, other, market),
        "status": not_sold(data, unsold, market, lang) if unsold else "",
        "title": ui(data, "compare_title_none", lang)
        if other == NO_CONTRACT
        else ui(data, "compare_title", lang, other=other_name),
        "difference": "",
        "source": "",
        # Without a contract nothing is gained or replaced: no heading speaks of what "no contract" adds.
        "gains_title": "" if other == NO_CONTRACT else ui(data, "upgrade", lang, other=other_name),
        "gains": [],
        "replaced_title": "" if other == NO_CONTRACT else ui(data, "upgrade_replaces", lang, other=other_name),
        "replaced": [],
        "losses_title": ui(
            data, "compare_none_loses" if other == NO_CONTRACT else "upgrade_loses", lang, other=other_name
        ),
        "losses": [],
        "nothing": "",
    }
    if unsold or own is None:
        return found
    theirs = response(data, other, None, market, location, lang)
    found["difference"] = _difference(data, query, (own, arrival), theirs, lang)
    found["source"] = theirs["source"]
    _changes(data, query, reach(data, query.contract, location), reach(data, other, location), found, lang)
    if not (found["gains"] or found["losses"] or found["replaced"]):
        found["nothing"] = ui(data, "upgrade_nothing", lang)
    return found


def _difference(
    data: Data, query: Query, own: tuple[ResponsePart, DeadlinePart | None], theirs: ResponsePart, lang: str
) -> str:
    """The two on-site responses in one sentence; with a dispatch time, each one's arrival (the
    contract's is the answer's own)."""
    this, other = in_sentence(data, query.contract, lang), in_sentence(data, query.compare or "", lang)
    their_arrival = deadline(data, query, theirs, lang) if query.dispatched and len(theirs["times"]) == 1 else None
    shorts = [_with_arrival(data, part, arrival, lang) for part, arrival in (own, (theirs, their_arrival))]
    if shorts[0] == shorts[1]:
        return ui(data, "compare_same", lang, this=this, other=other, short=shorts[0])
    return ui(data, "compare_difference", lang, this=this, this_short=shorts[0], other=other, other_short=shorts[1])


def _with_arrival(data: Data, part: ResponsePart, arrival: DeadlinePart | None, lang: str) -> str:
    """The response's short phrase, with its arrival where it has one time and a dispatch was given."""
    if arrival is None or len(part["times"]) != 1:
        return part["short"]
    return ui(data, "short_arrival", lang, short=part["short"], when=arrival["arrivals"][0]["when"])


def _changes(data: Data, query: Query, here: Reach, there: Reach, found: Compare, lang: str) -> None:
    """The rows whose mark at the site differs; a row gained in place of one lost is one replacement."""
    other, market = query.compare or "", query.market
    marks: dict[str, tuple[SiteMark, SiteMark]] = {}
    for row in data["attributes"]:
        if market in row["markets"]:
            before = site_mark(data, row, query.contract, market, here)
            after = site_mark(data, row, other, market, there)
            if _RANK[before] != _RANK[after]:
                marks[row["id"]] = (before, after)
    became = {row_id: after for row_id, (_, after) in marks.items()}
    replaced: dict[str, str] = {}  # gained row id -> lost row id (WRITING.md row 33)
    for row in data["attributes"]:
        if (replaces := row["replaces"]) is None:
            continue
        for gained, lost in ((row["id"], replaces), (replaces, row["id"])):
            lost_mark = became.get(lost)
            if became.get(gained) == "included" and lost_mark is not None and _RANK[lost_mark] == 2:
                replaced[gained] = lost
    rows = {row["id"]: row for row in data["attributes"]}
    for row_id, (before, after) in marks.items():
        if row_id in replaced.values():
            continue
        line = item(data, rows[row_id], market, lang)
        if row_id in replaced:
            gone = rows[replaced[row_id]]
            before_title, after_title = (
                title(data, gone, market, lang),
                titled(data, rows[row_id], market, lang),
            )
            text = ui(data, "replaced_by", lang, before=before_title, after=after_title)
            replacement: Replacement = {**line, "replaces": gone["id"], "change": text}
            found["replaced"].append(replacement)
            continue
        change: Change = {
            **line,
            "change": ui(
                data, "becomes", lang, before=ui(data, MARK_TEXT[before], lang), after=ui(data, MARK_TEXT[after], lang)
            ),
        }
        (found["gains"] if _RANK[after] < _RANK[before] else found["losses"]).append(change)
