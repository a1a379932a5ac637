"""Indentation slips are named as such, at their line, with the line to align with (issue 19 §2)."""

from __future__ import annotations

import re

import pytest

import coverage_data
from coverage_data.source import shape_problems
from coverage_data.yaml_lines import parse_text
from tests.helpers import SOURCE_TEXT, edited_source, line_of, run_cli

ZONE_HOURS = '      hours: {"1": 8, "2": 12, "3": 24}'
BUSINESS_HOURS = "      business_hours: true\n" + ZONE_HOURS
FOLDED = "        an on-site response goal set by your zone."


@pytest.mark.parametrize("spaces", [2, 4, 5, 7, 8])
def test_a_zone_hours_line_indented_wrong_is_named_with_the_line_to_align_with(tmp_path, spaces):
    """4 spaces crashed validate (AttributeError in messages.py: 'hours' became a key of the offering);
    7 and 8 were 'a ": " inside a text'; 5 named the mapping's first line, not the line to align with."""
    path = edited_source(tmp_path, (ZONE_HOURS, " " * spaces + ZONE_HOURS.lstrip()))
    result = run_cli("validate", str(path))
    line = line_of(ZONE_HOURS)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        f"{path}:{line}: indentation: this line is indented {spaces} spaces: indent it 6, as line {line - 1} is "
        "('business_hours: true')",
        "1 problem(s) found.",
    ]


@pytest.mark.parametrize(("spaces", "fix"), [(6, "indent it 8"), (10, "indent it 8")])
def test_a_folded_texts_line_indented_wrong_is_named(tmp_path, spaces, fix):
    """Under-indented, the line was 'a key without its ":"'; over-indented, it was silently kept in the
    text with its line break and spaces."""
    path = edited_source(tmp_path, (FOLDED, " " * spaces + FOLDED.lstrip()))
    with pytest.raises(coverage_data.SourceError) as caught:
        coverage_data.load(path)
    [problem] = caught.value.problems
    assert (problem.line, problem.message) == (
        line_of(FOLDED),
        f"indentation: this line is indented {spaces} spaces: {fix}, as line {line_of(FOLDED) - 1} is "
        "('Remote support, on-site repair …')",
    )


def test_a_fr_indented_into_the_english_text_above_it_is_named(tmp_path):
    old = "      fr: >-\n        Soutien à distance, réparation sur place"
    path = edited_source(tmp_path, (old, "  " + old))
    with pytest.raises(coverage_data.SourceError) as caught:
        coverage_data.load(path)
    [problem] = caught.value.problems
    assert problem.line == line_of(old)
    assert problem.message.startswith("indentation: this line is indented 8 spaces: indent it 6, as line ")


def test_a_misspelt_key_is_not_called_indentation(tmp_path):
    """The search claims a slip only where moving one line clears the problems."""
    path = edited_source(tmp_path, ("      business_hours: true", "      busines_hours: true"))
    with pytest.raises(coverage_data.SourceError) as caught:
        coverage_data.load(path)
    assert caught.value.problems and not any("indent" in p.message for p in caught.value.problems)


_ADVICE = re.compile(r"^indentation: this line(?: of a text)? is indented (\d+) spaces?: indent it (\d+)")


def _shifted(lines: list[str], index: int, spaces: int) -> str:
    variant = lines.copy()
    variant[index] = " " * spaces + lines[index].lstrip(" ")
    return "\n".join(variant)


@pytest.mark.slow
def test_every_line_of_the_source_shifted_by_up_to_two_spaces():
    """A property over the real source: each line that YAML reads, shifted by -2, -1, +1 and +2 spaces,
    gives no traceback; either the data is exactly the source's (a line inside a flow mapping, where
    indentation means nothing), or every problem names indentation, at a line, and the advice works:
    that line indented as told leaves no problem. About 4,000 variants (a minute); the search reads each
    section once per version of its text (coverage_data/source.py)."""
    original = parse_text(SOURCE_TEXT, "coverage.yml")[0]
    lines = SOURCE_TEXT.split("\n")
    failures = []
    for index, line in enumerate(lines):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        have = len(line) - len(line.lstrip(" "))
        for shift in (-2, -1, 1, 2):
            if have + shift < 0:
                continue
            text = _shifted(lines, index, have + shift)
            found = shape_problems(text, "coverage.yml")
            if not found:
                if parse_text(text, "coverage.yml")[0] != original:
                    failures.append(f"line {index + 1} {shift:+}: accepted, with other data")
                continue
            advice = [(p, _ADVICE.match(p.message)) for p in found]
            if not all(match for _, match in advice):
                failures.append(f"line {index + 1} {shift:+}: {[str(p) for p, m in advice if not m][:2]}")
                continue
            problem, match = advice[0]
            assert match is not None
            fixed = _shifted(text.split("\n"), problem.line - 1, int(match.group(2)))
            if shape_problems(fixed, "coverage.yml"):
                failures.append(f"line {index + 1} {shift:+}: the advice does not work: {problem}")
    assert failures == []


def _added_holidays(count: int) -> str:
    days = "".join(
        f"    - {{market: ca, date: 2027-03-{i % 28 + 1:02d}, name: {{en: Day {i}, fr: Jour {i}}}}}\n"
        for i in range(count)
    )
    return "  add:\n" + days.rstrip("\n")


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(("  add: []", _added_holidays(600)), id="a-list-beyond-its-bound"),
        pytest.param(("languages: [en, fr]", "languages: [" + ", ".join(["en"] * 60_000) + "]"), id="too-many-values"),
        pytest.param(("site:", "site: &a"), id="an-anchor"),
    ],
)
def test_no_indentation_is_searched_for_what_no_indentation_causes(monkeypatch, edit):
    """A list beyond its bound, a file of more values than the composer takes, an anchor: said at once
    (600 added holidays took 1.3 s, with the search re-reading the section some fifty times)."""
    import coverage_data.indentation

    searched = []
    real = coverage_data.indentation.slip
    monkeypatch.setattr(coverage_data.indentation, "slip", lambda *args: searched.append(1) or real(*args))
    found = shape_problems(SOURCE_TEXT.replace(*edit, 1), "coverage.yml")
    assert len(found) == 1 and searched == []
    shape_problems(SOURCE_TEXT.replace(ZONE_HOURS, "    " + ZONE_HOURS.lstrip(), 1), "coverage.yml")
    assert searched == [1]  # and one line's slip is searched for


def test_a_flood_of_problems_is_not_searched_either(monkeypatch):
    import coverage_data.indentation

    monkeypatch.setattr(coverage_data.indentation, "slip", lambda *args: pytest.fail("searched"))
    found = shape_problems(SOURCE_TEXT + "".join(f"stray{i}: 1\n" for i in range(200)), "coverage.yml")
    assert len(found) == 101 and found[-1].message.startswith("more than 100 problems from here on")
