"""One list of every text the site reads by its key (coverage_data/interface.py), checked by validate
(issue 19 §1): a text deleted from the source is a writer's `file:line` error, not a KeyError in a
build or a page script without its words."""

from __future__ import annotations

import re

import pytest

import coverage_data
from checker.samples import sample_questions
from checker.service import respond
from coverage_data import interface
from hooks.changes import rendered_pages
from tests.helpers import SOURCE_TEXT, line_of, run_cli, write_source
from tests.site_build import ROOT


class Reads(dict):
    """A section of the data that notes each key read from it."""

    def __init__(self, entries: dict, seen: set[str]) -> None:
        super().__init__(entries)
        self.seen = seen

    def __getitem__(self, key):
        self.seen.add(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        self.seen.add(key)
        return super().get(key, default)


def _reading(data: dict) -> tuple[dict, dict[str, set[str]]]:
    seen: dict[str, set[str]] = {"ui": set(), "texts": set()}
    return {**data, "ui": Reads(data["ui"], seen["ui"]), "texts": Reads(data["texts"], seen["texts"])}, seen


def _listed(section: str) -> set[str]:
    return {key for where, key, _ in interface.REQUIRED if where == section}


def test_the_checker_reads_only_listed_texts(data):
    reading, seen = _reading(data)
    for question in sample_questions(data):
        respond(reading, question["params"], question["lang"])
    assert seen["ui"] - set(interface.CHECKER) == set()
    assert seen["texts"] - set(interface.CHECKER_TEXTS) == set()


def test_every_page_reads_only_listed_texts(data):
    """Every page of docs/ and every generated offering page, rendered by the build's own renderer in
    both languages (hooks/changes.rendered_pages, which `python -m checker changes` reads)."""
    reading, seen = _reading(data)
    rendered_pages(reading)
    assert "answer_failed" in seen["ui"]  # the checker page's script's words, sent in its config
    assert seen["ui"] - _listed("ui") == set()
    assert seen["texts"] - _listed("texts") == set()


def test_the_theme_reads_listed_texts_and_the_holiday_table_none():
    """Their reads are by a name in the source of the hook (hooks/site.py); the holiday table's observed
    days are named by the checker (checker.days_off), which reads ui.observed."""
    site = (ROOT / "hooks" / "site.py").read_text(encoding="utf-8")
    assert set(re.findall(r'data\["ui"\]\["(\w+)"\]', site)) == {"offerings", "permalink"}
    assert 'data["ui"][interface.TOGGLES[' in site
    assert {"offerings", "permalink", *interface.TOGGLES.values()} <= _listed("ui")
    table = (ROOT / "coverage_data" / "holiday_table.py").read_text(encoding="utf-8")
    assert re.findall(r'data\["ui"\]', table) == []


@pytest.mark.parametrize(
    ("key", "reader"),
    [
        ("answer_failed", "the checker page's script"),  # validate said OK; the build stopped with a KeyError
        ("dark_mode", "the theme"),
        ("legend", "a page"),
        ("error_km", "the checker"),
    ],
)
def test_a_deleted_interface_text_is_a_validate_error_at_the_ui_line(tmp_path, key, reader):
    line = next(line for line in SOURCE_TEXT.splitlines(keepends=True) if line.startswith(f"  {key}:"))
    path = write_source(tmp_path, SOURCE_TEXT.replace(line, "", 1))
    result = run_cli("validate", str(path))
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        f"{path}:{line_of('ui:')}: ui.{key}: {reader} uses this text; write it (in every language)"
    )


def test_a_deleted_page_text_is_a_validate_error(tmp_path):
    text = coverage_data.SOURCE.read_text(encoding="utf-8")
    start = text.index("\n  regional_base:\n") + 1
    end = text.index("\n  ", text.index("\n    fr:", start) + 1) + 1
    path = write_source(tmp_path, text[:start] + text[end:])
    with pytest.raises(coverage_data.SourceError) as caught:
        coverage_data.load(path)
    assert [p.message for p in caught.value.problems] == [
        "texts.regional_base: a page uses this text; write it (in every language)"
    ]


def test_a_text_nothing_reads_is_a_validate_error_at_its_line(tmp_path):
    """A text no part of the site reads is never seen on a page, so it goes out of date unseen: validate
    names it at its line (ui.markets and ui.all_offerings had been left so)."""
    added = "  all_markets: {en: All markets, fr: Tous les marchés}\n"
    anchor = next(line for line in SOURCE_TEXT.splitlines(keepends=True) if line.startswith("  legend:"))
    path = write_source(tmp_path, SOURCE_TEXT.replace(anchor, anchor + added, 1))
    result = run_cli("validate", str(path))
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        f"{path}:{line_of(anchor) + 1}: ui.all_markets: nothing on the site reads this text: delete it,"
        " or name it in coverage_data/interface.py with the part of the site that reads it"
    )
