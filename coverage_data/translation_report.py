"""`python -m checker report`: texts whose other language changed more recently in git.

For each text {en, fr} of the source, find when each language's value last changed, by replaying the
file's history (each commit that touched it, then the working copy); a value whose other language
changed later may be a stale translation. Reading values, not lines, catches one-line
`{en: …, fr: …}` texts too. CPython only: it runs git and reads YAML through coverage_data.
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from coverage_data.problems import Path_, Problem


@dataclass(frozen=True)
class Change:
    when: dt.datetime
    commit: str  # short hash, or "working copy"


def texts(data: object, languages: tuple[str, ...], path: Path_ = ()) -> dict[Path_, dict[str, object]]:
    """Every text of the source (a mapping of its `languages`), by path."""
    if isinstance(data, dict) and set(data) == set(languages):
        return {path: data}
    found: dict[Path_, dict[str, object]] = {}
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        found |= texts(value, languages, (*path, key))
    return found


def _git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, check=True).stdout


def history(file: Path) -> list[tuple[Change, str]]:
    """(when, content) of the file at each commit that touched it, oldest first, then the working copy."""
    folder = file.resolve().parent
    name = _git(folder, "ls-files", "--full-name", file.name).strip()
    versions = []
    for line in reversed(_git(folder, "log", "--format=%H %at", "--", file.name).splitlines()):
        commit, stamp = line.split()
        content = _git(folder, "show", f"{commit}:{name}")
        versions.append((Change(dt.datetime.fromtimestamp(int(stamp), dt.UTC), commit[:10]), content))
    current = file.read_text(encoding="utf-8")
    if not versions or versions[-1][1] != current:
        versions.append((Change(dt.datetime.now(dt.UTC), "working copy"), current))
    return versions


def last_changes(file: Path) -> tuple[dict[Path_, dict[str, Change]], dict[Path_, int], tuple[str, ...]]:
    """For each text of the current file: when each language last changed; each text's line; and the
    languages (the current file's `languages`)."""
    from coverage_data.yaml_lines import line_of

    last: dict[Path_, dict[str, Change]] = {}
    previous: dict[Path_, dict[str, object]] = {}
    lines: dict[Path_, int] = {}
    versions = history(file)
    current_data, _, _ = _parsed(file, versions[-1][1])
    languages = tuple(current_data.get("languages") or ()) if isinstance(current_data, dict) else ()
    for change, content in versions:
        data, lines, _ = _parsed(file, content)
        current = texts(data, languages) if data is not None else {}
        for path, text in current.items():
            for lang in languages:
                if path not in previous or previous[path].get(lang) != text.get(lang):
                    last.setdefault(path, {})[lang] = change
        previous = current
    return {path: last[path] for path in previous}, {path: line_of(lines, path) for path in previous}, languages


def _parsed(file: Path, content: str) -> tuple[object, dict[Path_, int], list[Problem]]:
    """One version of the file, read as the source is (line of every key)."""
    from coverage_data.yaml_lines import parse

    version = file.with_name(f".{file.name}.report")
    version.write_text(content, encoding="utf-8")
    try:
        return parse(version, file.name)
    finally:
        version.unlink()


def stale(file: Path) -> dict[str, list[str]]:
    """Per language, the texts whose other language changed after them."""
    from coverage_data.problems import display_path

    changes, lines, languages = last_changes(file)
    report: dict[str, list[str]] = {lang: [] for lang in languages}
    for path, when in sorted(changes.items(), key=lambda item: lines[item[0]]):
        for lang in languages:
            newer = [other for other in languages if other != lang and when[other].when > when[lang].when]
            for other in newer[:1]:
                label = ".".join(str(part) for part in path)
                report[lang].append(
                    f"{display_path(file)}:{lines[path]}: {label}: {other} changed {when[other].when:%Y-%m-%d} ({when[other].commit}), "
                    f"{lang} last changed {when[lang].when:%Y-%m-%d} ({when[lang].commit})"
                )
    return report


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m checker report", description="Translations that may be stale.")
    parser.add_argument("file", nargs="?", help="the YAML source (default: coverage_data/coverage.yml)")
    args = parser.parse_args(argv)
    from coverage_data import SOURCE

    file = Path(args.file) if args.file else SOURCE
    try:
        report = stale(file)
    except (subprocess.CalledProcessError, FileNotFoundError) as error:
        print(f"python -m checker report: error: {file} is not in a git repository ({error})", file=sys.stderr)
        return 2
    for lang, lines in report.items():
        print(f"{lang}: {len(lines)} text(s) whose other language changed more recently")
        for line in lines:
            print(f"  {line}")
    return 0
