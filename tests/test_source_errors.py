"""A broken source is refused with `file:line: message` for every problem, never half-loaded."""

from __future__ import annotations

from pathlib import Path

import pytest

import coverage_data
from checker.text import FACT_NAMES
from tests.conftest import BUILD_DAY

ORIGINAL = coverage_data.SOURCE.read_text(encoding="utf-8")


def broken(tmp_path: Path, old: str, new: str, count: int = 1) -> tuple[Path, int]:
    """A copy of the real source with `old` replaced; returns its path and the line of the change."""
    assert ORIGINAL.count(old) >= count, old
    text = ORIGINAL.replace(old, new, count)
    path = tmp_path / "coverage.yml"
    path.write_text(text, encoding="utf-8")
    return path, ORIGINAL[: ORIGINAL.index(old)].count("\n") + 1


def problems(path: Path) -> list[coverage_data.Problem]:
    with pytest.raises(coverage_data.SourceError) as caught:
        coverage_data.load(path, today=BUILD_DAY)
    assert all(problem.file.endswith("coverage.yml") for problem in caught.value.problems)
    return caught.value.problems


def only(found: list[coverage_data.Problem]) -> coverage_data.Problem:
    assert len(found) == 1, [str(p) for p in found]
    return found[0]


# One fact broken in place: the single problem is on the changed line, with this message.
ROW_MARKS = (
    "marks: {standard-sla: not-included, performance-sla: not-included, sma-tier-1: not-included, "
    "sma-tier-2: not-included, premier-support: included}"
)
REFUSED_AT_THEIR_LINE = [
    pytest.param(
        'hours: {"1": 8, "2": 12, "3": 24}',
        'hours: {"1": 8, "2": 12, "3": 24, "4": 48}',
        "a response time for zone '4', which does not exist",
        id="unknown-zone-in-a-response-time",
    ),
    pytest.param(
        "    markets: [us, ca]\n    name: {en: Standard SLA",
        "    markets: [us, mx]\n    name: {en: Standard SLA",
        "unknown market 'mx' (known: ca, us)",
        id="unknown-market",
    ),
    pytest.param(
        "  answer: {en: Your coverage, fr: Votre couverture}",
        "  answer: {en: Your coverage}",
        "ui.answer: 'fr' is a required property",
        id="a-text-missing-its-french",
    ),
    pytest.param(
        "    name: {en: Metro, fr: métropolitaine}",
        "    name: {fr: métropolitaine}",
        "zones.1.name: 'en' is a required property",
        id="a-text-missing-its-english",
    ),
    pytest.param(
        ROW_MARKS,
        ROW_MARKS.replace(" sma-tier-2: not-included,", ""),
        "row 'first-in-line' has no mark for offering 'sma-tier-2'",
        id="a-row-without-a-mark-for-an-offering",
    ),
    pytest.param(
        'hours: {"1": 8, "2": 12',
        'hours: {"1": eight, "2": 12',
        "offerings.standard-sla.response.hours.1: 'eight' is not of type 'integer'",
        id="a-string-where-hours-go",
    ),
    pytest.param(
        "marks: {standard-sla: included,",
        "marks: {standard-sla: {us: included, ca: included, zz: add-on},",
        "unknown market 'zz'",
        id="a-per-market-mark-for-an-unknown-market",
    ),
    pytest.param(
        "    max_km: {ca: 80}",
        "    max_km: {}",
        "no distance band for market 'ca': a market's bands cover every zone or none",
        id="distance-bands-cover-every-zone-or-none",
    ),
    pytest.param(
        "    max_km: {ca: 40}",
        "    max_km: {ca: .nan}",
        "nan is not a distance: write kilometres, more than 0 and at most 10,000",
        id="a-distance-that-is-not-a-number",  # it printed "up to nan km"
    ),
    pytest.param(
        "    max_km: {ca: 240}",
        "    max_km: {ca: .inf}",
        "inf is not a distance: write kilometres, more than 0 and at most 10,000",
        id="an-infinite-distance",
    ),
    pytest.param(
        'hours: {"1": 8, "2": 12',
        'hours: {"1": 8, "2": 100000000000000',
        "100,000,000,000,000 business hours is not a response time: at most 1,000 (about half a year)",
        id="absurd-hours",
    ),
    pytest.param(
        "  add: []",
        '  add: [{market: ca, date: "2027-02-30", name: {en: Extra day, fr: Jour de plus}}]',
        "'2027-02-30' is no day of the calendar: write a real date, YYYY-MM-DD",
        id="a-holiday-on-no-day-of-the-calendar",
    ),
    pytest.param(
        "  remove: []",
        '  remove: [{market: ca, date: "2027-03-03"}]',
        "2027-03-03 is no holiday of ca: nothing to remove",
        id="a-removal-of-a-day-that-is-no-holiday",
    ),
]


@pytest.mark.parametrize(("old", "new", "message"), REFUSED_AT_THEIR_LINE)
def test_a_broken_fact_is_refused_at_its_line(tmp_path, old, new, message):
    path, line = broken(tmp_path, old, new)
    problem = only(problems(path))
    assert (problem.line, problem.message) == (line, message)


def test_yaml_syntax_error(tmp_path):
    path, line = broken(tmp_path, "  remote:\n    weekdays:", "  remote:\n   weekdays: [\n    x:")
    problem = only(problems(path))
    assert problem.message.startswith("YAML syntax error")
    assert line <= problem.line <= line + 3


def test_duplicate_key_is_refused_not_silently_kept(tmp_path):
    path, line = broken(tmp_path, "    holidays_country: CA\n", "    holidays_country: CA\n    holidays_country: US\n")
    problem = only(problems(path))
    assert (problem.line, problem.message) == (
        line + 1,
        f"duplicate key 'holidays_country' (first given on line {line})",
    )


def test_unknown_offering_in_a_row(tmp_path):
    path, line = broken(
        tmp_path, "marks: {standard-sla: included,", "marks: {standard-sla: included, sma-tier-9: add-on,"
    )
    problem = only(problems(path))
    assert problem.line == line
    assert problem.message.startswith("unknown offering 'sma-tier-9'")


def test_unknown_mark(tmp_path):
    path, line = broken(tmp_path, "marks: {standard-sla: included,", "marks: {standard-sla: yes-please,")
    problem = only(problems(path))
    assert problem.line == line
    assert "'yes-please' is not valid" in problem.message
    assert problem.message.startswith("attributes.0.marks.standard-sla:")


def test_a_python_tag_is_refused(tmp_path):
    path, line = broken(
        tmp_path,
        "preventive_maintenance_calls: 2",
        "preventive_maintenance_calls: !!python/object/apply:os.system [echo hi]",
    )
    found = problems(path)
    assert any(
        p.line == line and "tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed" in p.message
        for p in found
    )


def test_a_placeholder_that_names_no_fact(tmp_path):
    path, line = broken(tmp_path, "within {phone_answer_goal_seconds} seconds.", "within {phone_goal} seconds.")
    found = problems(path)
    assert [(p.line, p.message) for p in found] == [
        (line - 1, "en and fr name different facts: ['phone_goal'] and ['phone_answer_goal_seconds']"),
        (line, f"unknown placeholder(s) ['phone_goal']; known: {sorted(FACT_NAMES)}"),
    ]


def test_every_problem_is_reported_not_just_the_first(tmp_path):
    text = (
        ORIGINAL.replace('hours: {"1": 8, "2": 12', 'hours: {"1": eight, "2": 12')
        .replace("    name: {en: Metro, fr: métropolitaine}", "    name: {fr: métropolitaine}")
        .replace("    holidays_country: CA\n", "    holidays_country: CA\n    holidays_country: CA\n")
    )
    path = tmp_path / "coverage.yml"
    path.write_text(text, encoding="utf-8")
    messages = [p.message for p in problems(path)]
    assert len(messages) == 3
    assert any("duplicate key" in m for m in messages)
    assert any("'eight' is not of type" in m for m in messages)
    assert any("'en' is a required property" in m for m in messages)


def test_an_untranslated_holiday_name_names_the_table(tmp_path):
    line = next(line for line in ORIGINAL.splitlines(keepends=True) if line.startswith("      Thanksgiving Day:"))
    path, _ = broken(tmp_path, line, "")
    problem = only(problems(path))
    assert problem.message == "the holiday 'Thanksgiving Day' has no reviewed name (add it under holidays.names.us)"
    assert problem.line == ORIGINAL[: ORIGINAL.index("    us:\n", ORIGINAL.index("  names:"))].count("\n") + 1


def test_problem_prints_like_a_compiler(tmp_path):
    path, line = broken(tmp_path, '"3": 24}', '"3": 24, "9": 1}')
    assert str(only(problems(path))) == f"{path}:{line}: a response time for zone '9', which does not exist"


def test_yaml_1_1_booleans_are_words(tmp_path):
    """`ON` (Ontario) and `no` stay strings; only true and false are booleans."""
    text = ORIGINAL.replace(
        "  add: []\n", "  add:\n    - {market: ca, region: ON, date: 2026-11-23, name: {en: no, fr: Non}}\n"
    )
    path = tmp_path / "coverage.yml"
    path.write_text(text, encoding="utf-8")
    data = coverage_data.load(path, today=BUILD_DAY)
    assert data["markets"]["ca"]["chatbot"] is False
    assert "2026-11-23 " in " ".join(data["holidays"]["days"]["ca"]["ON"])


def test_a_text_the_checker_uses_cannot_be_deleted(tmp_path):
    """Issue 12 §7 / 13 §2: without `ui.error_km` a link with km=-3 once stayed "loading" for ever. The
    source is asked the checker's sample questions at load: the missing text is a writer's error."""
    line = next(i for i, text in enumerate(ORIGINAL.splitlines(), 1) if text.startswith("  error_km: "))
    path = tmp_path / "coverage.yml"
    path.write_text("\n".join(t for i, t in enumerate(ORIGINAL.splitlines(), 1) if i != line) + "\n", encoding="utf-8")
    problem = only(problems(path))
    assert problem.line == ORIGINAL.splitlines().index("ui:") + 1
    assert problem.message == "ui.error_km: the checker uses this text; write it (in every language)"


def test_an_interface_text_naming_what_its_use_does_not_give_is_refused_at_its_line(tmp_path):
    old = 'zone_needed: {en: "Choose a zone (or give a distance)'
    path, line = broken(tmp_path, old, 'zone_needed: {en: "Choose a {zonne} (or give a distance)')
    problem = only(problems(path))
    assert problem.line == line
    assert problem.message.startswith("ui.zone_needed.en: cannot fill 'Choose a {zonne} (or give a distance)")
