"""The command line, run as a sales rep or a writer runs it: a real subprocess (and the reading of its values,
which the share links share, asked of the checker directly)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from checker.service import respond
from tests.helpers import edited_source, run_cli
from tests.site_build import ROOT


def test_readable_answer_in_french():
    result = run_cli("--market", "ca", "--contract", "standard-sla", "--zone", "2", "--lang", "fr")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("CNS standard — Canada\n")
    assert "Objectif\u00a0: un technicien sur place dans les 12\u00a0heures ouvrables" in result.stdout
    assert "1\u00a0800\u00a0672\u00a06937" in result.stdout


def test_json_with_distance_guarantee_deadline_and_compare():
    result = run_cli(
        "--market", "ca", "--contract", "performance-sla", "--guarantee", "4", "--distance-km", "85",
        "--dispatched-at", "2026-11-20T15:00", "--region", "ON", "--compare", "standard-sla", "--json",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)["answer"]
    assert answer["zone"]["id"] == "3"
    assert answer["response"]["kind"] == "outside-zones"
    assert answer["compare"]["id"] == "standard-sla"


def test_deadline_from_the_command_line():
    result = run_cli(
        "--market", "ca", "--contract", "standard-sla", "--zone", "metro", "--dispatched-at", "2026-11-20T15:00"
    )
    assert "Monday, November 23, 2026, 2 PM (local time at the site)" in result.stdout


def test_compare_shows_what_the_upgrade_adds_and_what_it_replaces():
    result = run_cli("--market", "us", "--contract", "standard-sla", "--zone", "1", "--compare", "performance-sla")
    text = " ".join(result.stdout.split())
    assert (
        "What the Performance SLA adds - One 2-Hour Application Consultation: Available at an additional charge → Included"
        in text
    )
    # WRITING.md row 33: the guarantee is a replacement, not a gain beside a loss.
    assert (
        "What the Performance SLA replaces - Next Business Day Onsite Support (at Pitney Bowes discretion): "
        "replaced by Guaranteed Response Onsite Support (at Pitney Bowes discretion)"
    ) in text
    assert "does not have" not in text


def test_bad_arguments_are_one_line_exit_two_no_traceback():
    for args, expected in [
        (["--market", "mx", "--contract", "standard-sla"], "--market: Unknown market “mx”. Choose"),
        (["--market", "ca", "--contract", "gold", "--lang", "fr"], "--contract: Contrat inconnu «\u00a0gold\u00a0»"),
        (
            ["--market", "ca", "--contract", "standard-sla", "--zone", "9"],
            "Unknown zone “9”. Choose zone 1 (Metro), 2 (Urban) or 3 (Rural).",
        ),
        (["--market", "ca", "--contract", "standard-sla", "--distance-km", "-3"], "not a distance"),
        (["--market", "ca", "--contract", "performance-sla", "--guarantee", "6"], "Choose 4 or 8 hours."),
        (["--market", "ca", "--contract", "none", "--region", "NY"], "Unknown code “NY” in Canada"),
    ]:
        result = run_cli(*args)
        assert result.returncode == 2, args
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert expected in result.stderr
        assert "Traceback" not in result.stderr


def test_validate_clean_source():
    result = run_cli("validate")
    assert result.returncode == 0
    assert result.stdout.startswith("OK: 5 offerings, 16 coverage rows, 2 markets, 3 zones")


def test_validate_a_broken_file_prints_every_problem(tmp_path):
    path = edited_source(
        tmp_path,
        ("    name: {en: Metro, fr: métropolitaine}", "    name: {en: Metro}"),
        ('hours: {"1": 8,', 'hours: {"1": "8",'),
    )
    result = run_cli("validate", str(path))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == "2 problem(s) found."
    assert all(line.startswith(f"{path}:") for line in lines[:-1])
    assert "zones.1.name: no 'fr' text: write it beside the others, e.g. {en: Metro, fr: …}" in result.stderr
    assert "'8' is a text (in quotes), where a whole number goes: write 8 without quotes" in result.stderr


def test_one_reading_of_every_input_whatever_the_python():
    """Issue 13 §6: the checker's own rules read a value, never the interpreter's (3.14 reads T24:00 and
    '²' where 3.11 does not); a value that is not a plain number is refused, never truncated."""
    refused = [
        (["--contract", "performance-sla", "--guarantee", "²"], "Unknown guarantee “²”"),
        (["--contract", "performance-sla", "--guarantee", "4" * 5000], "Unknown guarantee “4444"),
        (["--contract", "standard-sla", "--distance-km", "1,000"], "“1,000” is ambiguous"),
        (["--contract", "standard-sla", "--distance-km", "1e3"], "“1e3” is not a distance"),
        (["--contract", "standard-sla", "--dispatched-at", "2026-12-03T24:00"], "“2026-12-03T24:00” is not a date"),
    ]
    for args, expected in refused:
        result = run_cli("--market", "ca", *args)
        assert result.returncode == 2, (args, result.stderr)
        assert expected in result.stderr and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    for value, km in [("60 km", "60"), ("60,5", "60.5"), ("60.5", "60.5")]:
        result = run_cli("--market", "ca", "--contract", "standard-sla", "--distance-km", value)
        assert f"{km} km from the regional base is in zone 2 (Urban)." in result.stdout, value


def test_a_closed_pipe_ends_the_cli_quietly():
    result = subprocess.run(
        f"{sys.executable} -m checker --market ca --contract standard-sla | head -1",
        shell=True, cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    assert result.stdout == "Standard SLA — Canada\n"
    assert result.stderr == ""


def test_the_tests_pin_the_build_day_and_a_build_for_another_day_knows_other_holidays():
    """Issue 13 §7: the holiday range moves with the build's day; the tests pin it (conftest.py), so that
    their 2026 dispatch times stay inside it whatever day they run on."""
    import os

    assert os.environ["COVERAGE_BUILD_DAY"] == "2026-11-22"
    asked = ("--market", "ca", "--contract", "standard-sla", "--zone", "1", "--dispatched-at", "2026-11-20T15:00")
    assert run_cli(*asked).returncode == 0
    later = run_cli(*asked, env={"COVERAGE_BUILD_DAY": "2031-06-01"})
    assert later.returncode == 2 and "dispatched" in later.stderr, later.stderr


AMBIGUOUS = {
    "en": "“{value}” is ambiguous: a comma or a period before three digits marks thousands in one language and "
    "decimals in another (in French, 1,000 is one). Write thousands without a separator (1000), or at most two "
    "decimals (1.5).",
    "fr": "«\u00a0{value}\u00a0» est ambigu\u00a0: une virgule ou un point devant trois chiffres marque les milliers "
    "dans une langue et les décimales dans une autre (en anglais, 1,000 signifie mille). Écrivez les milliers sans "
    "séparateur (1000), ou au plus deux décimales (1,5).",
}


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("value", ["1,000", "1.000", "40.500 km", "240,000"])
def test_a_distance_read_as_thousands_or_as_decimals_is_refused_as_ambiguous(data, lang, value):
    """Issue 22 §6: km=1.000 was read as 1 km (zone 1, an 8-hour goal) where a reader may mean a
    thousand; 1,000 was refused as "not a distance". Both are ambiguous, and the refusal says why."""
    errors = respond(data, {"market": "ca", "contract": "standard-sla", "km": value}, lang)["errors"]
    assert errors == {"km": AMBIGUOUS[lang].format(value=value)}


@pytest.mark.parametrize(("value", "km"), [("0.500", "0.5"), ("1000", "1000"), ("1.5", "1.5"), ("40,25", "40.25")])
def test_a_distance_with_one_reading_is_read(data, value, km):
    answer = respond(data, {"market": "ca", "contract": "standard-sla", "km": value}, "en")["answer"]
    assert answer["query"]["km"] == km


def test_the_cli_never_echoes_a_terminal_escape_from_its_input():
    """Issue 22 §6: a value quoted back in a message reached the terminal raw (ESC [ 2 J clears it)."""
    result = run_cli("--market", "\x1b[2J\x1b]0;owned\x07ca", "--contract", "standard-sla\u202e")
    assert result.returncode == 2
    assert not any(char in result.stderr for char in "\x1b\x07\u202e")
    assert "Unknown market “\\x1b[2J\\x1b]0;owned\\x07ca”" in result.stderr
    assert "Unknown contract “standard-sla\\u202e”" in result.stderr
