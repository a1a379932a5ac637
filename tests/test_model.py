"""Each coverage rule has one home, the checker: the pages ask it what each offering promises in each
zone, and branch on what it computes, never on the source's `basis`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker.zones import promised_zones, zone_hours, zoned_offerings, zoning

ROOT = Path(__file__).resolve().parent.parent


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
    assert (zone_hours(data, offering, "2"), zone_hours(data, offering, "3")) == (zone_2, zone_3)


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
