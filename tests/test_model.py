"""checker/model.py is the shape of the data: the compiled source and every answer match it key for key,
its Literals are the schema's words, and each coverage rule has one home (the checker)."""

from __future__ import annotations

import json
import re
import types
import typing
from pathlib import Path

import pytest

from checker import model
from checker.samples import sample_questions
from checker.service import respond
from checker.zones import promised_zones, zone_hours, zoned_offerings, zoning
from coverage_data import SCHEMA

ROOT = Path(__file__).resolve().parent.parent


def mismatches(value: object, expected: object, path: str = "") -> list[str]:
    """Where `value` is not of the type `expected` (a TypedDict, list, dict, Literal, union, scalar)."""
    origin, args = typing.get_origin(expected), typing.get_args(expected)
    if typing.is_typeddict(expected):
        if not isinstance(value, dict):
            return [f"{path}: {type(value).__name__}, not a {expected.__name__}"]
        hints = typing.get_type_hints(expected)
        required, optional = expected.__required_keys__, expected.__optional_keys__
        found = [f"{path}.{key}: missing" for key in sorted(required - set(value))]
        found += [f"{path}.{key}: not in {expected.__name__}" for key in sorted(set(value) - required - optional)]
        for key in set(value) & set(hints):
            found += mismatches(value[key], hints[key], f"{path}.{key}")
        return found
    if origin is typing.Literal:
        return [] if value in args else [f"{path}: {value!r} is not one of {args}"]
    if origin in (typing.Union, types.UnionType):
        options = [mismatches(value, option, path) for option in args]
        return [] if any(not found for found in options) else min(options, key=len)
    if origin is list:
        if not isinstance(value, list):
            return [f"{path}: not a list"]
        return [problem for i, item in enumerate(value) for problem in mismatches(item, args[0], f"{path}[{i}]")]
    if origin is dict:
        if not isinstance(value, dict):
            return [f"{path}: not a mapping"]
        return [problem for key, item in value.items() for problem in mismatches(item, args[1], f"{path}.{key}")]
    if expected is type(None):
        return [] if value is None else [f"{path}: {value!r} is not None"]
    if expected is float:
        return [] if isinstance(value, (int, float)) and not isinstance(value, bool) else [f"{path}: not a number"]
    if expected is int:
        return [] if isinstance(value, int) and not isinstance(value, bool) else [f"{path}: not an integer"]
    assert isinstance(expected, type), (path, expected)
    return [] if isinstance(value, expected) else [f"{path}: {type(value).__name__}, not {expected.__name__}"]


def test_the_compiled_data_is_the_model(data):
    """Every key of the compiled source is in model.Data, with its type; no key of the model is missing.
    `ui.weekdays` and `ui.months` are the ui's two word lists (text.words), typed as texts."""
    words = {key: data["ui"][key] for key in ("weekdays", "months")}
    as_texts = {**data, "ui": {key: value for key, value in data["ui"].items() if key not in words}}
    assert mismatches(as_texts, model.Data, "data") == []
    assert mismatches(words, dict[str, dict[str, list[str]]], "data.ui") == []


def test_every_answer_is_the_model(data):
    """Each sample question (every path of the checker, bad input too) gets a model.Reply."""
    for question in sample_questions(data):
        reply = respond(data, question["params"], question["lang"])
        assert mismatches(reply, model.Reply, "reply") == [], question


def test_the_models_words_are_the_schemas():
    """A response's basis and a row's mark: the Literals of the model are the schema's enums."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))["$defs"]
    assert list(typing.get_args(model.Basis)) == schema["response"]["properties"]["basis"]["enum"]
    assert list(typing.get_args(model.Mark)) == schema["mark"]["enum"]
    rules = {typing.get_args(typing.get_type_hints(rule)["basis"])[0] for rule in typing.get_args(model.ResponseRule)}
    assert rules == set(typing.get_args(model.Basis))


@pytest.mark.parametrize(
    ("offering", "kind", "zones", "zone_2", "zone_3"),
    [
        ("standard-sla", "by-zone", ["1", "2", "3"], [12], [24]),
        ("performance-sla", "in-zones", ["1", "2"], [4, 8], []),
        ("sma-tier-1", "none", [], [], []),
        ("sma-tier-2", "none", [], [], []),
        ("premier-support", "none", [], [], []),
    ],
)
def test_the_checker_says_what_each_offering_promises_in_each_zone(data, offering, kind, zones, zone_2, zone_3):
    """The zone table and the offering pages ask the checker (checker.zones), never the rule's basis."""
    assert zoning(data, offering) == kind
    assert promised_zones(data, offering) == zones
    for market in data["offerings"][offering]["markets"]:
        assert (zone_hours(data, offering, "2", market), zone_hours(data, offering, "3", market)) == (zone_2, zone_3)


def test_the_zoned_offerings_are_the_zone_tables_columns(data):
    assert zoned_offerings(data) == ["standard-sla", "performance-sla"]


def test_no_branch_on_a_rules_basis_outside_the_checker():
    """One home for each coverage rule: the hooks, pages and templates branch on what the checker
    computes (`zoning`, an answer's `kind`), never on the source's `basis`."""
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for folder in ("hooks", "docs", "overrides")
        for path in sorted((ROOT / folder).rglob("*"))
        if path.is_file() and path.suffix in (".py", ".html", ".md", ".js", ".mjs")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\bbasis\b", line)
    ]
    assert found == []
