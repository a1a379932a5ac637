"""Provenance proves the statement (issue 18 §4, issue 22 §3): provenance.yml is read as hardened as the
source, every value a fact states is the one its quotes state, and `explain` shows each statement of an
answer with the quotes of its market's page."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.service import respond
from coverage_data import explain, provenance
from tests.helpers import SOURCE_TEXT, edit, line_of, run_cli, write_source

PROVENANCE_TEXT = provenance.PROVENANCE.read_text(encoding="utf-8")


def ask(data, lang="en", **params):
    response = respond(data, params, lang)
    assert response["ok"], response
    return response["answer"]


def found(tmp_path: Path, *, source: tuple[tuple[str, str], ...] = (), grounds: tuple[tuple[str, str], ...] = ()):
    """`file-name:line: message` of each provenance problem of the real source and provenance.yml, each
    with its edits (the files named without their folder)."""
    source_path = write_source(tmp_path, edit(SOURCE_TEXT, *source, count=1))
    path = write_source(tmp_path, edit(PROVENANCE_TEXT, *grounds, count=1), name="provenance.yml")
    problems = provenance.problems(source_path, path)
    return [f"{Path(p.file).name}:{p.line}: {p.message}".replace(f"{tmp_path}/", "") for p in problems]


def test_every_fact_has_provenance_and_every_value_is_its_pages():
    assert provenance.problems() == []


# ---- Issue 18 §4: a value is the one its quotes state


STANDARD_HOURS = 'hours: {"1": 8, "2": 12, "3": 24}'
ZONE_2_US = "For a client in Urban area, with a Standard SLA contract, we will strive to have a service technician onsite within {hours.2} business hours"  # fmt: skip
ZONE_2_CA = "Pour un client de la zone 2, disposant d'un contrat CNS standard, un technicien de service sera envoyé sur place dans les {hours.2} heures ouvrables"  # fmt: skip
TABLE_US = "Onsite Response Time Goal\\t{hours.1} business hours\\t{hours.2} business hours"
TABLE_CA = "Objectif de temps de réponse sur place\\t{hours.1} heures ouvrables\\t{hours.2} heures ouvrables"


def test_a_response_time_its_quotes_do_not_state_fails_at_the_value_and_at_each_quote(tmp_path):
    """validate accepted a 6-hour response time whose quotes said 12, and explain showed them as grounds."""
    problems = found(tmp_path, source=((STANDARD_HOURS, 'hours: {"1": 8, "2": 6, "3": 24}'),))
    quoted = [line_of(quote, PROVENANCE_TEXT) for quote in (ZONE_2_US, TABLE_US, ZONE_2_CA, TABLE_CA)]
    assert problems == [
        f"coverage.yml:{line_of(STANDARD_HOURS)}: offerings.standard-sla.response.hours.2: 6 is not what the "
        f"published pages say: the us page reads '12' there (provenance.yml:{quoted[0]}, {quoted[1]}), and the ca "
        f"page reads '12' there (provenance.yml:{quoted[2]}, {quoted[3]}): write the page's value, or quote the page "
        "again if it has changed",
        *(
            f"provenance.yml:{line}: offerings.standard-sla.response: this {market} quote reads '12' where it names "
            f"{{hours.2}}, which is 6 in coverage.yml:{line_of(STANDARD_HOURS)}"
            for line, market in zip(quoted, ("us", "us", "ca", "ca"), strict=True)
        ),
    ]


def test_two_zones_swapped_fail_though_both_numbers_are_on_the_page(tmp_path):
    problems = found(tmp_path, source=((STANDARD_HOURS, 'hours: {"1": 12, "2": 8, "3": 24}'),))
    at_the_value = [problem for problem in problems if problem.startswith("coverage.yml:")]
    assert [problem.split(": ")[1] for problem in at_the_value] == [
        "offerings.standard-sla.response.hours.1",
        "offerings.standard-sla.response.hours.2",
    ]
    assert "12 is not what the published pages say: the us page reads '8' there" in at_the_value[0]


CHANGED_VALUES = [
    pytest.param(
        "marks: {standard-sla: included, performance-sla: included, sma-tier-1: add-on,",
        "marks: {standard-sla: included, performance-sla: included, sma-tier-1: included,",
        "attributes.onsite-support.marks.sma-tier-1: 'included' is not what the published pages say: the us page "
        "reads 'A' there",
        id="a-mark",
    ),
    pytest.param(
        '    end: "20:00"',
        '    end: "21:00"',
        "hours.remote.end: '21:00' is not what the published pages say: the us page reads '8pm' there",
        id="a-time",
    ),
    pytest.param(
        "    max_km: {ca: 80}",
        "    max_km: {ca: 90}",
        "zones.2.max_km: 90 is not what the published pages say: the ca page reads '80' there",
        id="a-distance-band",
    ),
    pytest.param(
        "support_url: https://www.pitneybowes.com/us/support.html",
        "support_url: https://www.pitneybowes.example/us/support.html",
        "markets.us.support_url: 'https://www.pitneybowes.example/us/support.html' is not what the published pages "
        "say: the us page reads 'https://www.pitneybowes.com/us/support.html' there",
        id="a-support-url-on-another-host",  # issue 22 §3 and §7: it passed validate and the non-browser suite
    ),
    pytest.param(
        "number: 844 256 6444",
        "number: 844 256 6445",
        "markets.us.phones.0.number: '844 256 6445' is not what the published pages say: the us page reads "
        "'844 256 6444' there",
        id="a-phone-number",
    ),
    pytest.param(
        "  voice_system_hours: 24",
        "  voice_system_hours: 12",
        "remote.voice_system_hours: 12 is not what the published pages say: the us page reads '24' there",
        id="a-fact-that-is-one-number",
    ),
    pytest.param(
        "communiquera avec vous dans les 60 secondes.",
        "communiquera avec vous dans les 30 secondes.",
        "markets.ca.case_callback.fr: 30 is in no quote of markets.ca.case_callback: write the page's number, or quote "
        "where the page states it",
        id="a-number-written-in-a-text",
    ),
]


@pytest.mark.parametrize(("old", "new", "message"), CHANGED_VALUES)
def test_a_value_its_page_contradicts_fails_at_its_line(tmp_path, old, new, message):
    problems = found(tmp_path, source=((old, new),))
    assert any(problem.startswith(f"coverage.yml:{line_of(old)}: {message}") for problem in problems), problems
    assert any(problem.startswith("provenance.yml:") for problem in problems), problems


def test_a_value_no_quote_states_is_named_or_decided(tmp_path):
    old = "Our goal is to answer the phone within {phone_answer_goal_seconds} seconds."
    problems = found(tmp_path, grounds=((old, "Our goal is to answer the phone within 60 seconds."),))
    assert problems == [
        f"coverage.yml:{line_of('  phone_answer_goal_seconds: 60')}: remote.phone_answer_goal_seconds: no quote of the "
        "us page states 60: name it where a quote of remote.phone_answer_goal_seconds says it "
        "({phone_answer_goal_seconds}), or list it under decided: with the decision that sets it",
        f"provenance.yml:{line_of(old, PROVENANCE_TEXT)}: remote.phone_answer_goal_seconds: no us quote names "
        f"{{phone_answer_goal_seconds}} (60, coverage.yml:{line_of('  phone_answer_goal_seconds: 60')})",
    ]


def test_a_mark_set_by_a_decision_is_listed_as_decided(tmp_path):
    """Decision 11: the Canadian table's account-manager row is a copy error; the source follows the prose."""
    decided = "    decided: [marks.standard-sla.ca, marks.premier-support.ca]\n"
    problems = found(tmp_path, grounds=((decided, ""),))
    line = line_of("Responsable de soutien de compte désigné\\t", PROVENANCE_TEXT) - 2
    assert f"provenance.yml:{line}: attributes.account-support-manager: no ca quote names {{marks.standard-sla}}" in [
        problem.split(" (")[0] for problem in problems
    ]


GROUNDS_REFUSED = [
    pytest.param(
        ("Hardware Support: {0.number}", "Hardware Support: {0.numbr}"),
        "markets.us.phones: the us quote names {0.numbr}, which is no value of markets.us.phones (its values: "
        "{0.number}, {1.number})",
        id="a-name-in-braces-the-fact-lacks",
    ),
    pytest.param(
        ('"Our goal is to answer the phone within {phone_answer_goal_seconds} seconds."', '"seconds"'),
        "remote.phone_answer_goal_seconds: a quote of 1 word(s) is in any page: quote the sentence or the table row "
        "that states the fact",
        id="a-one-word-quote",  # it passed: one word is "in" every page
    ),
    pytest.param(
        (
            "    decided: [marks.standard-sla.ca, marks.premier-support.ca]",
            "    decided: [marks.standard-sla.ca, marks.gold.ca]",
        ),
        "attributes.account-support-manager: decided: 'marks.gold.ca' is no value of attributes.account-support-manager",
        id="a-decided-value-that-does-not-exist",
    ),
]


@pytest.mark.parametrize(("change", "message"), GROUNDS_REFUSED)
def test_grounds_that_prove_nothing_are_refused_at_their_line(tmp_path, change, message):
    problems = found(tmp_path, grounds=(change,))
    assert f"provenance.yml:{line_of(change[0], PROVENANCE_TEXT)}: {message}" in problems, problems


# ---- Issue 22 §3: provenance.yml as hardened as the source (8 of 18 mutations crashed validate)

FIRST_FACT = next(line for line in PROVENANCE_TEXT.splitlines() if line.startswith("  site.tagline:"))
BROKEN_FILES = [
    pytest.param(
        (FIRST_FACT, f"{FIRST_FACT}\n{FIRST_FACT}"),
        1,
        f"duplicate key 'site.tagline' (first given on line {line_of(FIRST_FACT, PROVENANCE_TEXT)})",
        id="a-duplicate-key",
    ),
    pytest.param(
        (FIRST_FACT, "  site.tagline: !!python/object/apply:os.system [echo hi]"),
        0,
        "the tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed: write plain values",
        id="a-python-tag",
    ),
    pytest.param((PROVENANCE_TEXT, ""), None, "the file is empty", id="an-empty-file"),
    pytest.param(
        ("Count on our team", "Count on\x00our team"),
        0,
        f"a control character (U+0000) at column {FIRST_FACT.index('Count on') + 9}, invisible in most editors: "
        "delete it",
        id="a-nul",
    ),
    pytest.param(
        ("interface: [", "colour: red\ninterface: ["),
        0,
        "the source: unexpected key 'colour' (this mapping takes facts, interface)",
        id="a-key-provenance-does-not-take",
    ),
    pytest.param(
        ("  editions:\n    decision: 34\n", "  editions: [34]\n  editions.x:\n    decision: 34\n"),
        0,
        "facts.editions: [34] is a list ([a, b]), where a mapping (key: value) goes",
        id="a-list-where-a-mapping-goes",
    ),
    pytest.param(
        ('{us: "Count on our team of certified technicians"', "{us: 12"),
        0,
        'facts.site.tagline.us: 12 is a whole number, where a text or a list ([a, b]) goes, e.g. "Our goal is to '
        'answer the phone within {phone_answer_goal_seconds} seconds."',
        id="a-number-as-a-quote",
    ),
    pytest.param(
        ('{us: "Count on our team of certified technicians"', '{us: ""'),
        0,
        "facts.site.tagline.us: the text is empty: write it",
        id="an-empty-quote",
    ),
]


@pytest.mark.parametrize(("change", "offset", "message"), BROKEN_FILES)
def test_a_broken_provenance_file_is_refused_at_its_line_without_a_traceback(tmp_path, change, offset, message):
    """`validate FILE` checks the provenance.yml beside FILE (the project's when there is none)."""
    write_source(tmp_path, SOURCE_TEXT)
    write_source(tmp_path, PROVENANCE_TEXT.replace(*change, 1), name="provenance.yml")
    result = run_cli("validate", str(tmp_path / "coverage.yml"))
    assert (result.returncode, "Traceback" in result.stderr) == (1, False), result.stderr
    line = 1 if offset is None else line_of(change[0], PROVENANCE_TEXT) + offset
    assert result.stderr.splitlines()[0] == f"{tmp_path / 'provenance.yml'}:{line}: {message}"


def test_validate_file_checks_the_provenance_of_a_copy_against_the_projects(tmp_path):
    """`validate FILE` skipped provenance altogether: a support URL on another host passed."""
    old = "support_url: https://www.pitneybowes.com/us/support.html"
    path = write_source(tmp_path, edit(SOURCE_TEXT, (old, old.replace(".com/", ".example/"))))
    result = run_cli("validate", str(path))
    assert result.returncode == 1
    assert f"{path}:{line_of(old)}: markets.us.support_url: 'https://www.pitneybowes.example/us/support.html'" in (
        result.stderr
    )


# ---- explain: every statement, with the quotes of its market's page


SAMPLES = [
    {"market": "ca", "contract": "standard-sla", "km": "300"},
    {"market": "ca", "contract": "performance-sla", "guarantee": "4", "zone": "3"},
    {"market": "us", "contract": "premier-support", "dispatched": "2026-11-20T15:00", "compare": "sma-tier-1"},
    {"market": "us", "contract": "sma-tier-2", "zone": "1"},
    {"market": "us", "contract": "sma-tier-1"},
    {"market": "ca", "contract": "none", "zone": "2", "dispatched": "2026-12-24T15:00", "region": "QC"},
    {"market": "us", "contract": "standard-sla", "zone": "1", "dispatched": "2026-11-25T15:00", "region": "NY"},
    {"market": "ca", "contract": "performance-sla", "guarantee": "8", "compare": "standard-sla", "zone": "2"},
]


@pytest.mark.parametrize("params", SAMPLES)
def test_every_statement_of_an_answer_has_provenance(data, params):
    facts = provenance.load()[0].facts
    for statement in explain.statements(ask(data, "en", **params)):
        for source in statement.source.split(", "):
            assert source in facts, (params, statement)


def test_every_part_that_names_its_source_is_a_statement_wherever_it_is(data):
    """The answer's parts name their sources (comparisons, deadline notes, contact lines…): each is
    explained, wherever it is in the answer, without a rule of explain's own for it."""
    answer = ask(data, "en", market="ca", contract="standard-sla", km="40.5", compare="performance-sla")
    answer["compare"]["rounding"] = {"text": "40.5 km is read as 41 km.", "source": "ui.zone_from_distance"}
    answer["contacts"]["chat"] = {
        "text": "Live chat.",
        "source": ["texts.live_chat_all", "remote.chat_answer_goal_seconds"],
    }
    found = [(s.text, s.source) for s in explain.statements(answer)]
    assert ("40.5 km is read as 41 km.", "ui.zone_from_distance") in found
    assert ("Live chat.", "texts.live_chat_all, remote.chat_answer_goal_seconds") in found


@pytest.mark.parametrize(("market", "other"), [("ca", "us"), ("us", "ca")])
def test_explain_quotes_only_the_page_of_the_answers_market(market, other):
    result = run_cli("explain", "--market", market, "--contract", "standard-sla", "--zone", "2", "--lang", "fr")
    assert result.returncode == 0, result.stderr
    assert f"  {market} page: “" in result.stdout
    assert f"{other} page:" not in result.stdout


def test_explain_shows_a_response_with_its_quotes_and_decision():
    result = run_cli("explain", "--market", "ca", "--contract", "standard-sla", "--zone", "2", "--lang", "fr")
    assert "[offerings.standard-sla.response]" in result.stdout
    assert (
        "ca page: “Pour un client de la zone 2, disposant d'un contrat CNS standard, un technicien de service sera "
        "envoyé sur place dans les 12 heures ouvrables”"
    ) in result.stdout
    assert "decision 6:" in result.stdout


def test_explain_shows_a_coverage_row_with_its_column_and_mark(data):
    answer = ask(data, "fr", market="ca", contract="standard-sla", compare="sma-tier-1")
    text = explain.explain(answer)
    assert (
        "Compris: Soutien sur place le jour ouvrable suivant\n"
        "  [attributes.next-business-day-onsite]\n"
        "  ca page: “Soutien sur place le jour ouvrable suivant | ✓ |  |  |  | ”\n"
        "    column “CNS standard”: ✓\n"
    ) in text
    assert "    column “CEL de niveau 1”: A\n" in text  # the compared contract's column (on-site support)


def test_explain_says_when_a_mark_is_the_decisions_not_the_pages(data):
    text = explain.explain(ask(data, "fr", market="ca", contract="standard-sla"))
    assert (
        "  ca page: “Responsable de soutien de compte désigné | ✓ |  |  |  | ”\n"
        "    the mark for standard-sla is set by the decision, not this quote\n"
        "  decision 11:"
    ) in text
