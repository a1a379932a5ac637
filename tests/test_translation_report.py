"""`python -m checker report` lists the texts whose other language changed more recently in git."""

from __future__ import annotations

import os
import subprocess

from tests.helpers import SOURCE_TEXT, edit, line_of, run_cli, write_source


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


def test_report_lists_translations_that_may_be_stale(tmp_path):
    source = write_source(tmp_path, SOURCE_TEXT)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "coverage.yml")
    git(tmp_path, "commit", "-qm", "first")
    edited = edit(
        SOURCE_TEXT,
        ("  answer: {en: Your coverage,", "  answer: {en: Your support coverage,"),
        ("satisfaisante du problème.", "satisfaisante du problème en cause."),
    )
    write_source(tmp_path, edited)
    git(tmp_path, "commit", "-qam", "second", date="2026-02-01T10:00:00")
    result = run_cli("report", str(source))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    answer_line = line_of("  answer: {en: Your coverage,")
    escalation_line = line_of("  escalation:\n")
    assert lines[0] == "en: 1 text(s) whose other language changed more recently"
    assert lines[1].startswith(f"  {source}:{escalation_line}: texts.escalation: fr changed 2026-02-01")
    assert lines[1].endswith("en last changed 2026-01-01 (" + lines[1].rsplit("(", 1)[1])
    assert lines[2] == "fr: 1 text(s) whose other language changed more recently"
    assert lines[3].startswith(f"  {source}:{answer_line}: ui.answer: en changed 2026-02-01")
    # An uncommitted edit counts as the newest change.
    write_source(
        tmp_path,
        edit(
            edited,
            (
                "  answer: {en: Your support coverage, fr: Votre couverture}",
                "  answer: {en: Your support coverage, fr: Votre couverture de soutien}",
            ),
        ),
    )
    again = run_cli("report", str(source)).stdout
    assert "fr: 0 text(s)" in again


def test_report_outside_git_says_so(tmp_path):
    source = write_source(tmp_path, SOURCE_TEXT)
    result = run_cli("report", str(source))
    assert result.returncode == 2
    assert "is not in a git repository" in result.stderr
