"""One reading of a link (issue 21 §3): the page reads the finite part of a link only through the tables
the checker makes of its own reading (checker.link_tables.link_reading); each entry is what `parse_query` reads."""

from __future__ import annotations

import pytest

from checker.link_tables import link_reading
from checker.query import contracts, guarantee_options, parse_query
from hooks.runtime import answer_files, prebuilt_questions


@pytest.fixture(scope="module", params=["en", "fr"])
def reading(data, request):
    return request.param, link_reading(data, request.param)


def read(data, lang, **params):
    query, errors = parse_query(data, params, lang)
    assert query is not None, errors
    return query


def test_every_value_in_the_tables_is_read_by_the_checker_as_the_tables_say(data, reading):
    lang, tables = reading
    for market, mid in tables["market"].items():
        assert read(data, lang, market=market, contract="none").market == mid
    market = tables["defaults"]["market"]
    for contract, cid in tables["contract"].items():
        options = guarantee_options(data, contract, market)
        chosen = {"guarantee": str(options[0])} if options else {}
        assert read(data, lang, contract=contract, **chosen).contract == cid
    for market, guarantees in tables["guarantee"].items():
        for contract, values in guarantees.items():
            for value, hours in values.items():
                assert str(read(data, lang, market=market, contract=contract, guarantee=value).guarantee) == hours
    for value, zone in tables["zone"].items():
        assert read(data, lang, zone=value).zone == zone
    for market, distances in tables["km"].items():
        for km, zone in distances.items():
            answer = read(data, lang, market=market, km=km)
            assert answer.km == float(km)
            assert read(data, lang, market=market, zone=zone).zone == zone


def test_the_tables_hold_the_aliases_and_padding_a_link_may_carry(data, reading):
    lang, tables = reading
    assert {"metro": "1", "Metro": "1", "URBAN": "2", "urbaine": "2", "Rurale": "3"}.items() <= tables["zone"].items()
    for market in ("us", "ca"):  # each market's guarantees (tests/test_per_market.py: where they differ)
        guarantees = tables["guarantee"][market]
        assert guarantees["performance-sla"] == {"4": "4", "04": "4", "004": "4", "8": "8", "08": "8", "008": "8"}
        assert "standard-sla" not in guarantees  # a guarantee does not apply: a stray one is ignored
    assert tables["defaults"] == {"market": data["editions"][lang], "contract": "standard-sla"}
    assert set(tables["contract"]) == set(contracts(data))
    # A whole kilometre of every published band, and nothing beyond the last one; none where no band is.
    assert tables["km"]["ca"] == {str(km): "1" if km <= 40 else "2" if km <= 80 else "3" for km in range(241)}
    assert "us" not in tables["km"]


def test_every_file_the_page_may_look_up_is_a_file_of_the_build(data):
    names = {f"{name}.json" for name in prebuilt_questions(data)}
    found = [
        file
        for contracts_ in answer_files(data).values()
        for guarantees in contracts_.values()
        for zones in guarantees.values()
        for file in zones.values()
    ]
    assert sorted(found) == sorted(names)
