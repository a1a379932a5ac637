"""Issue 22 §1, §2 and §4: every source under the size cap is read or refused at once, at its line; a
placeholder is a name in braces; no value holds a character no page can print, escaped or not."""

from __future__ import annotations

from pathlib import Path

import pytest

import coverage_data
from coverage_data import characters
from coverage_data.source import MAX_SCHEMA_PROBLEMS
from coverage_data.yaml_lines import MAX_NODES
from tests.conftest import BUILD_DAY
from tests.helpers import SOURCE_TEXT, edited_source, line_of, run_cli, write_source


def refused(path: Path) -> list[str]:
    """`line: message` of each problem of the source at `path`."""
    with pytest.raises(coverage_data.SourceError) as caught:
        coverage_data.load(path, today=BUILD_DAY)
    return [f"{problem.line}: {problem.message}" for problem in caught.value.problems]


LANGUAGES = "languages: [en, fr]"
ADD = "  add: []"


def added_holidays(count: int) -> str:
    days = (
        f"    - {{market: ca, date: 2027-03-{i % 28 + 1:02d}, name: {{en: Day {i}, fr: Jour {i}}}}}\n"
        for i in range(count)
    )
    return "  add:\n" + "".join(days).rstrip("\n")


# ---- §1: bounded in time and memory


def test_a_list_of_a_million_words_is_refused_before_it_is_read_whole(tmp_path):
    """It took 55 s and 379 MB before a one-line refusal: the text checks looped over a list the schema
    had refused. Now the composer stops at the value past its bound, at its line."""
    path = edited_source(tmp_path, (LANGUAGES, "languages: [" + ", ".join(["en"] * 400_000) + "]"))
    assert path.stat().st_size > 1_600_000
    assert refused(path) == [
        f"{line_of(LANGUAGES)}: more than {MAX_NODES:,} values in the file: was something pasted here by mistake?"
    ]


def test_hundreds_of_added_holidays_are_refused_by_the_schema(tmp_path):
    """10,000 added holidays took 3.6 s and were accepted."""
    path = edited_source(tmp_path, (ADD, added_holidays(600)))
    assert refused(path) == [f"{line_of(ADD)}: holidays.add: 600 item(s), where this list takes at most 500"]


def test_a_list_too_long_is_said_once_not_for_each_of_its_items(tmp_path):
    path = edited_source(tmp_path, (ADD, "  add: [" + ", ".join(["x"] * 40_000) + "]"))
    assert refused(path) == [f"{line_of(ADD)}: holidays.add: 40,000 item(s), where this list takes at most 500"]


def test_a_flood_of_problems_is_cut_short_and_says_so(tmp_path):
    path = write_source(tmp_path, SOURCE_TEXT + "".join(f"stray{i}: 1\n" for i in range(5_000)))
    found = refused(path)
    first = SOURCE_TEXT.count("\n") + 1
    assert len(found) == MAX_SCHEMA_PROBLEMS + 1
    assert found[0].startswith(f"{first}: the source: unexpected key 'stray0' (this mapping takes attributes, ")
    assert found[-1] == (
        f"{first + MAX_SCHEMA_PROBLEMS}: more than {MAX_SCHEMA_PROBLEMS} problems from here on: fix those above, "
        "then run validate again"
    )


def test_a_second_document_is_refused_at_its_line(tmp_path):
    path = write_source(tmp_path, SOURCE_TEXT + "---\nlanguages: [en]\n")
    assert refused(path) == [
        f"{SOURCE_TEXT.count(chr(10)) + 1}: a second document starts here ('---'): the source is one document; "
        "remove the line"
    ]


# ---- §2: a placeholder is a name in braces


PLACEHOLDERS = [
    pytest.param(
        '  deadline_value: {en: "{when} (local',
        '  deadline_value: {en: "{when.__class__} (local',
        "ui.deadline_value.en: '{when.__class__}' is not a placeholder: a placeholder is a name in braces, nothing "
        "more, e.g. {when}",
        id="attribute-access",  # every live deadline read "<class 'str'> (local time at the site)"
    ),
    pytest.param(
        '  deadline_value: {en: "{when} (local',
        '  deadline_value: {en: "{when[0]} (local',
        "ui.deadline_value.en: '{when[0]}' is not a placeholder: a placeholder is a name in braces, nothing more, "
        "e.g. {when}",
        id="index",
    ),
    pytest.param(
        'not_sold: {en: "{contract!c} is not sold',
        'not_sold: {en: "{contract!r} is not sold',
        "ui.not_sold.en: '{contract!r}' is not a placeholder: a placeholder is a name in braces, nothing more, e.g. "
        "{contract}",
        id="a-conversion",  # Python's quotes in the answer
    ),
    pytest.param(
        'km_value: {en: "{km} km"',
        'km_value: {en: "{km:>999999999} km"',
        "ui.km_value.en: '{km:>999999999}' is not a placeholder: a placeholder is a name in braces, nothing more, "
        "e.g. {km}",
        id="a-format-spec",  # accepted after 30 s; every distance answer then formatted a 1 GB string
    ),
    pytest.param(
        "within {phone_answer_goal_seconds} seconds.",
        "within {0} seconds.",
        "texts.phone_goal.en: '{0}' is not a placeholder: a placeholder is a name in braces, nothing more, e.g. "
        "{remote_hours}",
        id="a-number-in-braces",
    ),
]


@pytest.mark.parametrize(("old", "new", "message"), PLACEHOLDERS)
def test_a_placeholder_is_a_name_in_braces_nothing_more(tmp_path, old, new, message):
    path = edited_source(tmp_path, (old, new), count=1)
    assert refused(path) == [f"{line_of(old)}: {message}"]


def test_the_checkers_own_capital_is_a_placeholder(data):
    assert "{where!c}" in data["ui"]["diff_discretion"]["en"]


# ---- §4: characters, values not bytes


COMPANY = "  company: Pitney Bowes"
ESCAPED = [
    pytest.param(r"\0", "a control character (U+0000), written as an escape, invisible in most editors", id="nul"),
    pytest.param(r"\e", "a control character (U+001B), written as an escape, invisible in most editors", id="escape"),
    pytest.param(r"\x7f", "a control character (U+007F), written as an escape, invisible in most editors", id="del"),
    pytest.param(r"\N", "a control character (U+0085), written as an escape, invisible in most editors", id="nel"),
    pytest.param(r"\ufeff", "a byte-order mark (U+FEFF), written as an escape, invisible in most editors", id="bom"),
    pytest.param(r"\uffff", "a noncharacter (U+FFFF), written as an escape, which no text may hold", id="uffff"),
    pytest.param(
        r"\u202e",
        "a bidirectional control (U+202E), written as an escape, which reorders the text around it unseen",
        id="right-to-left-override",
    ),
    pytest.param(
        r"\u2067",
        "a bidirectional control (U+2067), written as an escape, which reorders the text around it unseen",
        id="right-to-left-isolate",
    ),
]


@pytest.mark.parametrize(("escape", "what"), ESCAPED)
def test_an_escape_that_stands_for_a_character_no_page_can_hold_is_refused_at_its_line(tmp_path, escape, what):
    """Double-quoted escapes got past the control-character rule and were published."""
    path = edited_source(tmp_path, (COMPANY, f'  company: "Pitney{escape}Bowes"'))
    assert refused(path) == [f"{line_of(COMPANY)}: site.company: {what}: delete the escape"]


def test_an_escape_in_a_key_is_refused_too(tmp_path):
    path = edited_source(tmp_path, ("      AB: {en: Alberta", '      "A\\u202eB": {en: Alberta'))
    assert refused(path) == [
        f"{line_of('      AB: {en: Alberta')}: markets.ca.regions: the key 'A\\u202eB' holds a bidirectional control "
        "(U+202E), written as an escape, which reorders the text around it unseen: delete the escape"
    ]


def test_an_escaped_lone_surrogate_is_refused_before_it_reaches_a_page(tmp_path):
    """ "\\ud800" passed validate, then killed the build with a traceback (no page can be written with it)."""
    path = edited_source(tmp_path, (COMPANY, '  company: "Pitney\\ud800Bowes"'))
    assert refused(path) == [
        f"{line_of(COMPANY)}: YAML syntax error: an escape in this quoted text (\\u…) stands for no character: "
        "delete it"
    ]


TYPED = [
    pytest.param("\uffff", "a noncharacter (U+FFFF) at column 18, which no text may hold", id="uffff"),
    pytest.param("\U0010ffff", "a noncharacter (U+10FFFF) at column 18, which no text may hold", id="u10ffff"),
    pytest.param(
        "\u202e", "a bidirectional control (U+202E) at column 18, which reorders the text around it unseen", id="rlo"
    ),
    pytest.param(
        "\u2066", "a bidirectional control (U+2066) at column 18, which reorders the text around it unseen", id="lri"
    ),
]


@pytest.mark.parametrize(("char", "what"), TYPED)
def test_a_character_no_page_can_hold_typed_into_the_file_is_refused_at_its_column(tmp_path, char, what):
    """A literal U+FFFF crashed validate (PyYAML's ReaderError); bidi controls were accepted in titles."""
    path = edited_source(tmp_path, (COMPANY, f"  company: Pitney{char}Bowes"))
    result = run_cli("validate", str(path))
    assert (result.returncode, "Traceback" in result.stderr) == (1, False)
    assert result.stderr.splitlines()[0] == f"{path}:{line_of(COMPANY)}: {what}: delete it"


def test_letters_of_every_plane_are_text():
    assert characters.in_line("zoné ⚡ مرحبا 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 « 8 h »\t") == []
    assert characters.in_value("Zone 1\n\t« 8\u00a0h »") is None
