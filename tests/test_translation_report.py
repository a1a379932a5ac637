"""What a change of the source does, before it is published (issue 19 §5): `python -m checker changes`
lists every answer and page sentence a change alters, in both languages, grouped; `report` lists, for
each English text changed in a range, whether its French twin changed too."""

from __future__ import annotations

import os
import subprocess

from tests.helpers import SOURCE_TEXT, edit, line_of, run_cli, write_source

ZONE_HOURS = 'hours: {"1": 8, "2": 12, "3": 24}'
PER_MARKET = 'hours: {"1": 8, "2": {us: 12, ca: 6}, "3": 24}'
ANSWER = "  answer: {en: Your coverage, fr: Votre couverture}"


def git(folder, *args, date="2026-01-01T10:00:00"):
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
        "GIT_AUTHOR_NAME": "w",
        "GIT_AUTHOR_EMAIL": "w@x",
        "GIT_COMMITTER_NAME": "w",
        "GIT_COMMITTER_EMAIL": "w@x",
    }
    subprocess.run(["git", *args], cwd=folder, env=env, check=True, capture_output=True)


def committed(tmp_path, text=SOURCE_TEXT):
    source = write_source(tmp_path, text)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "coverage.yml")
    git(tmp_path, "commit", "-qm", "first")
    return source


def test_changes_lists_the_answers_and_page_sentences_an_edit_alters(tmp_path):
    source = committed(tmp_path)
    write_source(tmp_path, edit(SOURCE_TEXT, (ZONE_HOURS, PER_MARKET)))
    result = run_cli("changes", "--file", str(source))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:3] == [
        f"Changes of {source} from HEAD to the working copy:",
        f"  {source}:{line_of(ZONE_HOURS)}: offerings.standard-sla.response.hours.2: 12 → {{us: 12, ca: 6}}",
        "10 answers change (5 of 209 questions, in en and fr):",
    ]
    # With a zone, its time; without one, every zone's time (checker/response.py): each its group.
    assert "  2 answers, e.g. ?market=ca&contract=standard-sla&zone=2:" in lines
    assert "  2 answers, e.g. ?market=ca&contract=standard-sla:" in lines
    assert "    en: - Goal: a technician on site within 12 business hours of the point of dispatch." in lines
    assert "    en: + Goal: a technician on site within 6 business hours of the point of dispatch." in lines
    assert (
        "    fr: + Objectif\u00a0: un technicien sur place dans les 6\u00a0heures ouvrables suivant le point d'envoi."
        in lines
    )
    pages = lines[lines.index("Page sentences: 20 change on 6 page(s):") :]
    assert "  /fr/onsite-support/" in pages
    assert "    + 12 business hours in the United States and 6 business hours in Canada" in pages


def test_changes_between_two_revisions_and_of_a_page_word_only(tmp_path):
    source = committed(tmp_path)
    write_source(tmp_path, edit(SOURCE_TEXT, (ANSWER, ANSWER.replace("Your coverage", "Your support coverage"))))
    git(tmp_path, "commit", "-qam", "second")
    result = run_cli("changes", "HEAD~1..HEAD", "--file", str(source))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"Changes of {source} from HEAD~1 to HEAD:",
        f"  {source}:{line_of(ANSWER)}: ui.answer.en: 'Your coverage' → 'Your support coverage'",
        "No answer changes (209 questions asked, in en and fr).",
        "Page sentences: 2 change on 1 page(s):",
        "  /checker/",
        "    - Your coverage",
        "    + Your support coverage",
    ]
    assert run_cli("changes", "--file", str(source)).stdout.splitlines()[1] == "  nothing: the source is the same"


COLUMBUS = "        - {holiday: Columbus Day, name: {en: Columbus Day, fr: Jour de Christophe Colomb}}\n"


def test_changes_names_a_holiday_rule_dropped_by_its_holiday(tmp_path):
    """A holiday rule is a row named by its `holiday:`, as a coverage row by its id: before, dropping one
    line of holidays.markets.us.days printed the whole list twice, cut short, before and after."""
    source = committed(tmp_path)
    write_source(tmp_path, SOURCE_TEXT.replace(COLUMBUS, "", 1))
    result = run_cli("changes", "--file", str(source))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1] == (
        f"  {source}:{line_of('      days:')}: holidays.markets.us.days.Columbus Day: {{holiday: 'Columbus Day', "
        "name: {en: 'Columbus Day', fr: 'Jour de Christophe Colomb'}} → (none)"
    )
    assert "  /holidays/" in result.stdout and "    - Columbus Day" in result.stdout


def test_report_says_for_each_english_text_changed_whether_its_french_changed(tmp_path):
    """Before, `report` replayed the file's whole history and listed every text whose French was older
    than its English (70 items on the project's source, most of them reviewed long ago)."""
    source = committed(tmp_path)
    edited = edit(
        SOURCE_TEXT,
        (ANSWER, "  answer: {en: Your support coverage, fr: Votre couverture de soutien}"),
        ("  asked: {en: ", "  asked: {en: The question you "),
        ("satisfaisante du problème.", "satisfaisante du problème en cause."),
    )
    write_source(tmp_path, edited)
    result = run_cli("report", str(source))
    assert result.returncode == 0, result.stderr
    asked = next(line for line in SOURCE_TEXT.splitlines() if line.startswith("  asked: {en: "))
    escalation = line_of("  escalation:\n")
    assert result.stdout.splitlines() == [
        "2 text(s) whose en changed in the working copy:",
        f"  {source}:{line_of(ANSWER)}: ui.answer: fr changed too",
        f"  {source}:{line_of(asked)}: ui.asked: fr did not change: check it still says the same",
        "1 text(s) whose en did not change, but another language did:",
        f"  {source}:{escalation}: texts.escalation: fr changed",
    ]
    git(tmp_path, "commit", "-qam", "second")
    assert run_cli("report", str(source)).stdout.splitlines() == ["0 text(s) whose en changed in the working copy:"]
    since = run_cli("report", "--since", "HEAD~1", str(source)).stdout.splitlines()
    assert since[0] == "2 text(s) whose en changed since HEAD~1:"


def test_report_and_changes_outside_git_or_with_no_such_revision_say_so(tmp_path):
    source = write_source(tmp_path, SOURCE_TEXT)
    result = run_cli("report", str(source))
    assert result.returncode == 2
    assert result.stderr.startswith("python -m checker report: error: ") and "not in a git repository" in result.stderr
    committed(tmp_path)
    result = run_cli("changes", "nope", "--file", str(source))
    assert result.returncode == 2
    assert (
        result.stderr.strip()
        == f"python -m checker changes: error: 'nope' is no revision of the git repository of {source}"
    )
