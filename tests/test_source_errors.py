"""A broken source is refused with `file:line: message` for every problem, never half-loaded."""

from __future__ import annotations

from pathlib import Path

import pytest

import coverage_data
from checker.text import FACT_NAMES
from tests.conftest import BUILD_DAY
from tests.helpers import SOURCE_TEXT, edited_source, line_of, run_cli, write_source


def broken(tmp_path: Path, old: str, new: str) -> tuple[Path, int]:
    """A copy of the real source with the first `old` replaced; its path and the line of the change."""
    return edited_source(tmp_path, (old, new), count=1), line_of(old)


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
        "ui.answer: no 'fr' text: write it beside the others, e.g. {en: Your coverage, fr: …}",
        id="a-text-missing-its-french",
    ),
    pytest.param(
        "    name: {en: Metro, fr: métropolitaine}",
        "    name: {fr: métropolitaine}",
        "zones.1.name: no 'en' text: write it beside the others, e.g. {fr: métropolitaine, en: …}",
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
        "offerings.standard-sla.response.hours.1: 'eight' is not a whole number of business hours, or one per market, e.g. {us: 12, ca: 6}",
        id="a-string-where-hours-go",
    ),
    pytest.param(
        "marks: {standard-sla: included,",
        "marks: {standard-sla: {us: included, ca: included, zz: add-on},",
        "unknown market 'zz' (known: ca, us)",
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


REFUSED_AT_THEIR_LINE += [
    pytest.param(
        "      en: >-\n        Remote support, on-site repair with travel",
        "      en: >-\n        Remote support {contrat}, on-site repair with travel",
        "offerings.standard-sla.summary.en: this text is printed as written, so '{contrat}' would show as typed: "
        "write the words (placeholders such as {remote_hours} work in texts, benefits, attributes and markets)",
        id="a-placeholder-in-a-text-printed-as-written",
    ),
    pytest.param(
        "      en: >-\n        Remote support, on-site repair with travel",
        "      en: >-\n        Remote support {, on-site repair with travel",
        "offerings.standard-sla.summary.en: this text is printed as written, so '{' would show as typed: "
        "write the words (placeholders such as {remote_hours} work in texts, benefits, attributes and markets)",
        id="a-stray-brace-in-a-text-printed-as-written",
    ),
    pytest.param(
        "within {phone_answer_goal_seconds} seconds.",
        "within {phone_answer_goal_seconds seconds.",
        "texts.phone_goal.en: a stray '{' or '}': a placeholder is a name in braces, e.g. {remote_hours}",
        id="a-stray-brace-in-a-page-text",
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
    assert problem.message == (
        "attributes.0.marks.standard-sla: 'yes-please' is not a mark (included, add-on or not-included), or one "
        "mark per market, e.g. {us: included, ca: add-on}"
    )


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
    path = edited_source(
        tmp_path,
        ('hours: {"1": 8, "2": 12', 'hours: {"1": eight, "2": 12'),
        ("    name: {en: Metro, fr: métropolitaine}", "    name: {fr: métropolitaine}"),
        ("    holidays_country: CA\n", "    holidays_country: CA\n    holidays_country: CA\n"),
    )
    messages = [p.message for p in problems(path)]
    assert len(messages) == 3
    assert any("duplicate key" in m for m in messages)
    assert any("'eight' is not a whole number of business hours" in m for m in messages)
    assert any("no 'en' text" in m for m in messages)


def test_a_statutory_holiday_without_its_name_is_refused_at_the_list(tmp_path):
    """Canada counts the province's statutory holidays (WRITING.md row 45): one the library lists and the
    source does not name would reach a page unreviewed."""
    line = next(
        line
        for line in SOURCE_TEXT.splitlines(keepends=True)
        if "{holiday: Thanksgiving Day, name: {en: Thanksgiving," in line
    )
    path, _ = broken(tmp_path, line, "")
    problem = only(problems(path))
    assert problem.message == (
        "the holiday 'Thanksgiving Day' of the holidays library (CA: AB, BC, MB, NT, NU, ON, QC, SK, YT) is not "
        "named here: add {holiday: Thanksgiving Day, name: {en: …, fr: …}} to this list"
    )
    ca = SOURCE_TEXT.index("    ca:\n", SOURCE_TEXT.index("\nholidays:"))
    assert problem.line == SOURCE_TEXT[: SOURCE_TEXT.index("      days:", ca)].count("\n") + 1


def test_problem_prints_like_a_compiler(tmp_path):
    path, line = broken(tmp_path, '"3": 24}', '"3": 24, "9": 1}')
    assert str(only(problems(path))) == f"{path}:{line}: a response time for zone '9', which does not exist"


def test_yaml_1_1_booleans_are_words(tmp_path):
    """`ON` (Ontario) and `no` stay strings; only true and false are booleans."""
    path = edited_source(
        tmp_path, ("  add: []\n", "  add:\n    - {market: ca, region: ON, date: 2026-11-23, name: {en: no, fr: Non}}\n")
    )
    data = coverage_data.load(path, today=BUILD_DAY)
    assert data["markets"]["ca"]["chatbot"] is False
    assert "2026-11-23 " in " ".join(data["holidays"]["days"]["ca"]["ON"])


def test_a_text_the_checker_uses_cannot_be_deleted(tmp_path):
    """Issue 12 §7 / 13 §2: without `ui.error_km` a link with km=-3 once stayed "loading" for ever. The
    source is asked the checker's sample questions at load: the missing text is a writer's error."""
    line = next(i for i, text in enumerate(SOURCE_TEXT.splitlines(), 1) if text.startswith("  error_km: "))
    path = write_source(tmp_path, "\n".join(t for i, t in enumerate(SOURCE_TEXT.splitlines(), 1) if i != line) + "\n")
    problem = only(problems(path))
    assert problem.line == SOURCE_TEXT.splitlines().index("ui:") + 1
    assert problem.message == "ui.error_km: the checker uses this text; write it (in every language)"


def test_the_holiday_names_text_cannot_be_deleted(tmp_path):
    """Without `ui.observed` the loader raised KeyError (a traceback) while building the holiday table; the
    checker names an observed day with it (checker.days_off), and interface.py lists it."""
    path, _ = broken(tmp_path, "  observed: {en: observed, fr: congé reporté}\n", "")
    problem = only(problems(path))
    assert problem.line == SOURCE_TEXT.splitlines().index("ui:") + 1
    assert problem.message == "ui.observed: the checker uses this text; write it (in every language)"


def test_an_interface_text_naming_what_its_use_does_not_give_is_refused_at_its_line(tmp_path):
    old = 'next_sales_zone: {en: "To learn your zone,'
    path, line = broken(tmp_path, old, 'next_sales_zone: {en: "To learn your {zonne},')
    problem = only(problems(path))
    assert problem.line == line
    assert problem.message.startswith("ui.next_sales_zone.en: cannot fill 'To learn your {zonne},")


# Issue 13 §3: each schema failure said in a writer's words: the field, what it accepts, an example.
TOLD_IN_A_WRITERS_WORDS = [
    pytest.param(
        "marks: {standard-sla: included,",
        "marks: {standard-sla: inclued,",
        "attributes.0.marks.standard-sla: 'inclued' is not a mark (included, add-on or not-included), or one mark "
        "per market, e.g. {us: included, ca: add-on}; did you mean 'included'?",
        id="a-misspelt-mark",
    ),
    pytest.param(
        "number: 844 256 6444",
        "number: 844-256-6444",
        "markets.us.phones.0.number: '844-256-6444' is not a phone number as the pages print it (digits and "
        "spaces): write it like 844 256 6444",
        id="a-phone-with-dashes",
    ),
    pytest.param(
        "  answer: {en: Your coverage, fr: Votre couverture}",
        "  answer: {en: Your coverage, fr: }",
        "ui.answer.fr: the text is empty: write it",
        id="an-empty-text",
    ),
    pytest.param(
        "  answer: {en: Your coverage, fr: Votre couverture}",
        '  answer: {en: Your coverage, fr: ""}',
        "ui.answer.fr: the text is empty: write it",
        id="an-empty-quoted-text",
    ),
    pytest.param(
        "  answer: {en: Your coverage, fr: Votre couverture}",
        "  answer: {en: Your coverage, fr: Votre couverture, es: Su cobertura}",
        "ui.answer: 'es' is not one of the site's languages (en, fr)",
        id="a-third-language",
    ),
    pytest.param(
        'hours: {"1": 8,',
        'hours: {"1": "8",',
        "offerings.standard-sla.response.hours.1: '8' is a text (in quotes), where a whole number goes: write 8 "
        "without quotes",
        id="a-number-in-quotes",
    ),
    pytest.param(
        '    start: "08:00"\n    end: "20:00"',
        '    start: "8:00"\n    end: "20:00"',
        "hours.remote.start: '8:00' is not a time of day, HH:MM on a 24-hour clock, in quotes: write it like \"08:00\"",
        id="a-time-without-its-zero",
    ),
    pytest.param(
        "    weekdays: [mon, tue, wed, thu, fri]",
        "    weekdays: [monday, tue, wed, thu, fri]",
        "hours.remote.weekdays.0: 'monday' is not one of mon, tue, wed, thu, fri, sat or sun; did you mean 'mon'?",
        id="a-weekday-written-out",
    ),
    pytest.param(
        "  voice_system_hours: 24",
        "  voice_system_hours: 25",
        "remote.voice_system_hours: 25 is out of range: write at most 24",
        id="a-number-out-of-range",
    ),
    pytest.param(
        "      ON: {en: Ontario, fr: Ontario}",
        "      On: {en: Ontario, fr: Ontario}",
        "markets.ca.regions: the key 'On' is not a two-letter code of the holidays library, in capitals: write it "
        "like ON",
        id="a-region-code-in-lower-case",
    ),
    pytest.param(
        "  answer: {en: Your coverage, fr: Votre couverture}",
        "  answer: {en: Your coverage, fr: " + "x" * 6000 + "}",
        "ui.answer.fr: the text is 6,000 characters long, more than a text can be (5,000): was something pasted "
        "into it by mistake?",
        id="a-text-far-too-long",
    ),
]


TOLD_IN_A_WRITERS_WORDS += [
    pytest.param(
        "    fr: [lundi, mardi, mercredi, jeudi, vendredi, samedi, dimanche]",
        "    fr: [lundi, mardi, mercredi, jeudi, vendredi]",
        "ui.weekdays.fr: 5 item(s), where this list takes the seven days, Monday to Sunday",
        id="a-week-of-five-days",  # an IndexError in the checker once the list was shorter than the week
    ),
    pytest.param(
        "    fr: [janvier, février, mars, avril, mai, juin,",
        "    fr: [janvier, février, mars, avril, mai, mai,",
        "ui.months.fr: 'mai' is listed twice: keep one",
        id="a-month-twice",  # issue 22 §7: every June date was printed as May, and validate said nothing
    ),
    pytest.param(
        "  - id: move-prep",
        "  - id: {x: 1}",
        "attributes.14.id: {'x': 1} is a mapping (key: value), where a text goes, e.g. standard-sla",
        id="a-row-id-that-is-no-text",  # TypeError (unhashable) in the cross checks
    ),
]


@pytest.mark.parametrize(("old", "new", "message"), TOLD_IN_A_WRITERS_WORDS)
def test_a_schema_failure_is_told_in_a_writers_words(tmp_path, old, new, message):
    path, line = broken(tmp_path, old, new)
    problem = only(problems(path))
    assert (problem.line - line, problem.message) == (new[: new.index(new.lstrip()[:4])].count("\n"), message)


def test_a_misspelt_key_is_named_at_its_own_line_with_the_word_it_misses(tmp_path):
    path, line = broken(
        tmp_path,
        "    markets: [us, ca]\n    name: {en: Standard SLA",
        "    markets: [us, ca]\n    nmae: {en: Standard SLA",
    )
    assert str(problems(path)[-1]) == (
        f"{path}:{line + 1}: offerings.standard-sla: unexpected key 'nmae'; did you mean 'name'? (this mapping takes "
        "add_on_to, eligibility, family, in_sentence, long_name, markets, name, response, summary)"
    )


def test_a_key_the_source_does_not_take_is_reported_at_its_own_line(tmp_path):
    """It was reported at the mapping's line (line 13 for a top-level key, wherever it was)."""
    path = write_source(tmp_path, SOURCE_TEXT + "colour: red\n")
    problem = only(problems(path))
    assert problem.line == SOURCE_TEXT.count("\n") + 1
    assert problem.message.startswith("the source: unexpected key 'colour' (this mapping takes attributes, ")


# Issue 13 §3: a YAML syntax error named by its likely cause, at the line where the structure broke.
SYNTAX_SLIPS = [
    pytest.param(
        "    holidays_country: CA\n",
        "     holidays_country: CA\n",
        0,
        "indentation: this line is indented 5 spaces: indent it 4, as line {previous} is ('where: {en: in Canada, "
        "fr: au C…')",
        id="one-space-too-many",
    ),
    pytest.param(
        "    holidays_country: CA\n",
        "\tholidays_country: CA\n",
        0,
        "YAML syntax error: a tab: indent with spaces (two per level)",
        id="a-tab",
    ),
    pytest.param(
        "    holidays_country: CA\n",
        "    holidays_country: Canada: CA\n",
        0,
        'YAML syntax error: a ": " inside a text: put the text in quotes, e.g. en: "Note: …"',
        id="a-colon-in-an-unquoted-text",
    ),
    pytest.param(
        "  answer: {en: Your coverage, fr: Votre couverture}",
        "  answer: {en: Your coverage: yes, fr: Votre couverture}",
        0,
        'YAML syntax error: a ": " or ", " inside a text in {…} or […]: put the text in quotes, e.g. '
        '{en: "Yes: included", fr: …}',
        id="a-colon-in-a-text-in-braces",
    ),
    pytest.param(
        "  answer: {en: Your coverage, fr: Votre couverture}",
        "  answer: {en: Your coverage, fr: Votre couverture",
        0,
        "YAML syntax error: the { opened on this line is not closed: close it with } on this line",
        id="a-brace-not-closed",
    ),
    pytest.param(
        "    holidays_country: CA\n",
        "    holidays_country: 'CA\n",
        0,
        "YAML syntax error: the single quote opened on this line is closed only on line {found}: close it on this "
        "line (a text that holds an apostrophe is quoted with double quotes)",
        id="a-quote-not-closed",
    ),
    pytest.param(
        "    holidays_country: CA\n",
        "    holidays_country CA\n",
        0,
        "YAML syntax error: a key without its ':' (write key: value), or a text that runs onto the next line: put "
        "it in quotes",
        id="a-key-without-its-colon",
    ),
    pytest.param(
        "    holidays_country: CA\n",
        "    holidays_country: @CA\n",
        0,
        "YAML syntax error: a value cannot start with '@': put it in quotes",
        id="a-value-starting-with-a-reserved-character",
    ),
]


@pytest.mark.parametrize(("old", "new", "offset", "message"), SYNTAX_SLIPS)
def test_a_yaml_slip_is_named_at_the_line_where_it_is(tmp_path, old, new, offset, message):
    path, line = broken(tmp_path, old, new)
    problem = only(problems(path))
    assert problem.line == line + offset
    assert "expected" not in problem.message and "token" not in problem.message  # PyYAML's words, not a writer's
    fields = {
        "{previous}": line - 1,
        "{found}": next(i for i, text in enumerate(path.read_text().splitlines(), 1) if i > line and "'" in text),
    }
    for field, value in fields.items():
        message = message.replace(field, str(value))
    assert problem.message == message


# Issue 13 §2: files that crashed the loader (a traceback), took a minute and gigabytes, or were reported
# at the wrong line. Each is refused at its line by `validate`, exit 1, no traceback.
COMPANY = "  company: Pitney Bowes\n"
LINE_OF_COMPANY = SOURCE_TEXT[: SOURCE_TEXT.index(COMPANY)].count("\n") + 1
LAUGHS = "".join(
    f"  l{level}: &l{level} [{', '.join([f'*l{level - 1}' if level else 'lol'] * 9)}]\n" for level in range(10)
)
UNREADABLE = [
    pytest.param(
        b"Pitney\x00Bowes", "a control character (U+0000) at column 18, invisible in most editors: delete it", id="nul"
    ),
    pytest.param(
        b"Pitney\x07Bowes",
        "a control character (U+0007) at column 18, invisible in most editors: delete it",
        id="control-character",
    ),
    pytest.param(
        "Pitney \ufeffBowes".encode(),
        "a byte-order mark (U+FEFF) at column 19, invisible in most editors: delete it",
        id="byte-order-mark-mid-file",
    ),
    pytest.param(
        b"Pitney \xff\xfeBowes", "byte 0xff at column 19 is not UTF-8: save the file as UTF-8", id="not-utf-8"
    ),
    pytest.param(
        b"&a [*a]", "an anchor (&a) is not allowed: write each value where it is used", id="a-node-that-holds-itself"
    ),
    pytest.param(b"*nothing", "an alias (*nothing) is not allowed: write the value itself", id="an-alias"),
    pytest.param(
        b"[" * 10_000 + b"]" * 10_000,
        "more than 20 levels of nesting: a bracket or an indentation is off here",
        id="ten-thousand-brackets",
    ),
    pytest.param(
        b"x" * 10_000_000,
        "the file is {size} bytes, more than a source can be (2,000,000), and this line alone holds 10,000,011: "
        "was something pasted into it by mistake?",
        id="ten-megabytes-pasted",
    ),
]


def _cli_validate(path: Path) -> tuple[int, str]:
    result = run_cli("validate", str(path))
    assert "Traceback" not in result.stderr
    return result.returncode, result.stderr


@pytest.mark.parametrize(("company", "message"), UNREADABLE)
def test_a_file_no_loader_should_swallow_is_refused_at_its_line(tmp_path, company, message):
    raw = SOURCE_TEXT.encode().replace(COMPANY.encode(), b"  company: " + company + b"\n", 1)
    path = tmp_path / "coverage.yml"
    path.write_bytes(raw)
    code, stderr = _cli_validate(path)
    assert code == 1
    message = message.replace("{size}", f"{len(raw):,}")
    assert stderr.splitlines()[0] == f"{path}:{LINE_OF_COMPANY}: {message}"


def test_billion_laughs_are_refused_before_anything_is_expanded(tmp_path):
    """Nine levels of nine aliases: 387 million nodes once expanded (67 s and 4 GB, then MemoryError)."""
    path = write_source(tmp_path, SOURCE_TEXT.replace(COMPANY, LAUGHS + COMPANY))
    problem = only(problems(path))
    assert (problem.line, problem.message) == (
        LINE_OF_COMPANY,
        "an anchor (&l0) is not allowed: write each value where it is used",
    )


def test_an_impossible_date_unquoted_is_refused_at_its_line(tmp_path):
    """PyYAML reads 2027-02-30 as a timestamp and raised ValueError out of the loader."""
    entry = "  add: [{market: ca, date: 2027-02-30, name: {en: Extra day, fr: Jour de plus}}]"
    path, line = broken(tmp_path, "  add: []", entry)
    problem = only(problems(path))
    assert (problem.line, problem.message) == (
        line,
        "'2027-02-30' is no day of the calendar: write a real date, YYYY-MM-DD",
    )


def test_a_byte_order_mark_at_the_start_is_what_some_editors_write(tmp_path):
    path = tmp_path / "coverage.yml"
    path.write_bytes("\ufeff".encode() + SOURCE_TEXT.encode())
    assert coverage_data.load(path, today=BUILD_DAY)["languages"] == ["en", "fr"]


@pytest.mark.parametrize("lang", ["", "C.UTF-8", "fr_CA.UTF-8", "en_GB.UTF-8"])
def test_the_source_compiles_the_same_whatever_the_machines_locale(lang, data):
    """The holidays library names days in the environment's locale unless told: with LANG unset, Quebec's
    24 June was 'Saint Jean Baptiste Day', which the reviewed names table lacks, and the build failed."""
    import json
    import os
    import subprocess
    import sys

    code = "import json, coverage_data; print(json.dumps(coverage_data.load()['holidays']))"
    env = {"PATH": os.environ["PATH"], "COVERAGE_BUILD_DAY": BUILD_DAY.isoformat()} | ({"LANG": lang} if lang else {})
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=Path.cwd())
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == data["holidays"]
