"""How the answer names things: a contract, a zone, a market, a coverage row, alone or in a sentence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker.query import NO_CONTRACT
from checker.text import fill, join, ui

if TYPE_CHECKING:  # the model is for the type checker: the browser never imports it (checker/model.py)
    from checker.model import Attribute, Data, Item


def is_sold(data: Data, contract: str, market: str) -> bool:
    return contract == NO_CONTRACT or market in data["offerings"][contract]["markets"]


def contract_name(data: Data, contract: str, guarantee: int | None, lang: str) -> str:
    if contract == NO_CONTRACT:
        return ui(data, "no_contract", lang)
    name = data["offerings"][contract]["name"][lang]
    return f"{name} ({ui(data, 'hours_option', lang, hours=guarantee)})" if guarantee else name


def in_sentence(data: Data, contract: str, lang: str) -> str:
    """The contract's name as a sentence uses it: 'the Standard SLA', 'le CNS standard'."""
    if contract == NO_CONTRACT:
        return ui(data, "no_contract_in_sentence", lang)
    return data["offerings"][contract]["in_sentence"][lang]


def zone_label(data: Data, zone: str, lang: str) -> str:
    """'Zone 2 (Urban)' / 'Zone 2 (urbaine)': how the answer, the question and the form name a zone."""
    return ui(data, "zone_names", lang, zone=zone, zone_name=data["zones"][zone]["name"][lang])


def zone_list(data: Data, zones: list[str], lang: str) -> str:
    """'1 and 2 (Metro and Urban)' / '1 et 2 (métropolitaine et urbaine)'."""
    names = [data["zones"][zone]["name"][lang] for zone in zones]
    return ui(data, "zone_list", lang, ids=join(data, zones, lang), names=join(data, names, lang))


def row_of(data: Data, row_id: str) -> Attribute:
    return next(row for row in data["attributes"] if row["id"] == row_id)


def item(data: Data, row: Attribute, market: str, lang: str, note: str = "") -> Item:
    """A row of the coverage table: its label (with "at Pitney Bowes discretion" where the market's
    table marks it), as a title and as a title before its detail, in the market's own words."""
    label = row["label"][lang]
    said = _discretion(data, row, market, lang)
    name = _with_discretion(label, said)
    detail = row["detail"][market]
    return {
        "id": row["id"],
        "label": label,
        "title": name,
        "title_colon": ui(data, "label_colon", lang, label=name),
        "detail": fill(data, detail[lang], lang) if detail else "",
        "discretion": said,
        "note": note,
    }


def title(data: Data, row: Attribute, market: str, lang: str) -> str:
    """The row's title in a list or a sentence that quotes it: an item's title, without its detail."""
    return _with_discretion(row["label"][lang], _discretion(data, row, market, lang))


def titled(data: Data, row: Attribute, market: str, lang: str) -> str:
    """The row's name inside a sentence ('le soutien sur place le jour ouvrable suivant'), with "(at Pitney
    Bowes discretion)" where the market's table says so. Rows that replace or are replaced have one
    (coverage_data/checks.py); any other row is named by its label."""
    name = (row["in_sentence"] or row["label"])[lang]
    return _with_discretion(name, _discretion(data, row, market, lang))


def _discretion(data: Data, row: Attribute, market: str, lang: str) -> str:
    """'at Pitney Bowes discretion' where the market's table marks the row so (SOURCE-NOTES row 12)."""
    return ui(data, "discretion", lang) if market in row["discretion"] else ""


def _with_discretion(name: str, discretion: str) -> str:
    return f"{name} ({discretion})" if discretion else name
