"""WRITING.md's worked tasks, run as written (issue 19 §6): each task on a fresh copy of coverage_data/
(the source, its provenance and the published pages, committed in a git repository of their own): each
`diff` applied to its file, each command of each `sh` block run, and each line of the `text` block
after it looked for in what those commands printed. A task whose steps no longer work fails here."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.site_build import ROOT

GUIDE = ROOT / "WRITING.md"
_BLOCK = re.compile(r"^```(diff|sh|text)\n(.*?)^```$", re.M | re.S)


@dataclass(frozen=True)
class Step:
    kind: str  # "diff", "sh" or "text"
    body: str


def tasks() -> dict[str, list[Step]]:
    """Each task of the guide's "Worked tasks", by its title, with its steps in order."""
    text = GUIDE.read_text(encoding="utf-8")
    section = text[text.index("## Worked tasks\n") :]
    section = section[: section.index("\n## ", 1)]
    found = {}
    for part in re.split(r"^### ", section, flags=re.M)[1:]:
        title = part.splitlines()[0]
        found[title] = [Step(kind, body) for kind, body in _BLOCK.findall(part)]
    return found


def _normal(text: str) -> str:
    """Output as the guide shows it: line numbers ("file:12:", "(file:187, 190)") and times may differ."""
    text = re.sub(r"\((\d+\.\d+) s\)", "(… s)", text)
    return re.sub(r"(\.(?:yml|txt|md)):\d+(?:, \d+)*", r"\1:…", text)


def _apply(copy: Path, diff: str) -> None:
    """Each hunk of the diff (hunks are separated by `@@` lines) to its file: its `-` and context lines,
    found once, become its `+` and context lines."""
    lines = diff.splitlines()
    assert lines[0].startswith("--- ") and lines[1].startswith("+++ "), lines[:2]
    path = copy / lines[0][4:]
    for hunk in "\n".join(lines[2:]).split("@@"):
        body = [line for line in hunk.strip("\n").splitlines() if line]
        old = "\n".join(line[1:] for line in body if line[:1] in (" ", "-")) + "\n"
        new = "\n".join(line[1:] for line in body if line[:1] in (" ", "+")) + "\n"
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{path.name}: the diff's lines are not there once:\n{old}"
        path.write_text(text.replace(old, new), encoding="utf-8")


def _run(copy: Path, commands: str, env: dict[str, str]) -> str:
    output = []
    for line in commands.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        argv = shlex.split(line)
        if argv[0] == ".venv/bin/python":
            argv[0], cwd = sys.executable, ROOT
        else:
            assert argv[0] == "git", line
            cwd = copy
        result = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True)
        assert "Traceback" not in result.stderr, result.stderr
        output.append(result.stdout + result.stderr)
    return _normal("".join(output).replace(f"{copy}/", ""))


def _git(folder: Path, *args: str) -> None:
    identity = ["-c", "user.name=Writer", "-c", "user.email=writer@example.com"]
    subprocess.run(["git", *identity, *args], cwd=folder, check=True, capture_output=True)


@pytest.mark.parametrize("title", list(tasks()))
def test_a_worked_task_works_as_written(tmp_path, title):
    copy = tmp_path / "project"
    (copy / "coverage_data").mkdir(parents=True)
    for name in ("coverage.yml", "provenance.yml", "published"):
        source = ROOT / "coverage_data" / name
        target = copy / "coverage_data" / name
        shutil.copytree(source, target) if source.is_dir() else shutil.copyfile(source, target)
    _git(copy, "init", "-q")
    _git(copy, "add", "-A")
    _git(copy, "commit", "-qm", "The source as it is")
    env = {**os.environ, "COVERAGE_SOURCE": str(copy / "coverage_data" / "coverage.yml"), "NO_MKDOCS_2_WARNING": "1"}
    printed = ""
    steps = tasks()[title]
    assert {step.kind for step in steps} >= {"diff", "sh", "text"}, title
    for step in steps:
        if step.kind == "diff":
            _apply(copy, step.body)
        elif step.kind == "sh":
            printed = _run(copy, step.body, env)
        else:
            lines = printed.splitlines()
            missing = [
                want for want in step.body.splitlines() if want and not any(_normal(want) in line for line in lines)
            ]
            assert missing == [], f"not printed:\n{chr(10).join(missing)}\n--- printed:\n{printed}"


def test_the_guide_has_the_five_tasks():
    assert [title.split(":")[0] for title in tasks()] == [f"Task {n}" for n in range(1, 6)]
