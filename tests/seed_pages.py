"""The two published pages the source was made from, read as the tests' independent oracle."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

SEEDS = Path(__file__).parent.parent / "coverage_data" / "published"
PAGES = {"us": SEEDS / "us-en.txt", "ca": SEEDS / "ca-fr.txt"}
LANG = {"us": "en", "ca": "fr"}
COLUMNS = ("standard-sla", "performance-sla", "sma-tier-1", "sma-tier-2", "premier-support")
SEED_MARK = {"✓": "included", "A": "add-on", "": "not-included"}


@dataclass(frozen=True)
class SeedRow:
    label: str
    discretion: bool
    marks: dict[str, str]


def normalized(label: str) -> str:
    return re.sub(r"[\W_]+", "", label.casefold())


def coverage_table(market: str) -> list[SeedRow]:
    """The rows of the page's coverage table, in its order."""
    lines = PAGES[market].read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("A ") and "\t" in line) + 2
    rows = []
    for line in lines[start:]:
        if "\t" not in line:
            break
        cells = line.split("\t")
        label = re.split(r"\s?:", cells[0], maxsplit=1)[0].strip()
        marks = [*cells[1:], "", "", "", "", ""][:5]
        rows.append(
            SeedRow(
                label=label.rstrip("*"),
                discretion=label.endswith("*"),
                marks={oid: SEED_MARK[mark.strip()] for oid, mark in zip(COLUMNS, marks, strict=True)},
            )
        )
    return rows
