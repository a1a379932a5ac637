"""`python -m checker report [--since REV] [FILE]`: for each English text changed in a range of the source's
history, whether its French twin changed too.

The range is the working copy against HEAD (what a writer is about to commit), or everything since a
revision (`--since main`: what a branch changes), or between two revisions (`--since A..B`). Reading
values, not lines, catches one-line `{en: …, fr: …}` texts too; a text the range did not touch is not
listed, however old its translation. CPython only: it runs git and reads YAML through coverage_data.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from coverage_data.problems import Path_, display_path
from coverage_data.revisions import WORKING_COPY, printed, versions
from coverage_data.yaml_lines import line_of, parse_text


@dataclass(frozen=True)
class Changed:
    path: Path_
    line: int  # in the later version
    languages: tuple[str, ...]  # the languages whose text changed


def texts(data: object, languages: tuple[str, ...], path: Path_ = ()) -> dict[Path_, dict[str, object]]:
    """Every text of the source (a mapping of its `languages`), by path."""
    if isinstance(data, dict) and languages and set(data) == set(languages):
        return {path: data}
    found: dict[Path_, dict[str, object]] = {}
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        found |= texts(value, languages, (*path, key))
    return found


def changed(before: str, after: str, file: str) -> tuple[list[Changed], tuple[str, ...]]:
    """The texts of `after` whose words differ from `before`'s (a new text: every language), in the
    order of the file, and the languages."""
    old, _, _ = parse_text(before, file) if before else (None, {}, [])
    new, lines, _ = parse_text(after, file)
    languages = tuple(new.get("languages") or ()) if isinstance(new, dict) else ()
    earlier = texts(old, languages)
    found = [
        Changed(
            path,
            line_of(lines, path),
            tuple(lang for lang in languages if earlier.get(path, {}).get(lang) != text.get(lang)),
        )
        for path, text in texts(new, languages).items()
    ]
    return sorted((c for c in found if c.languages), key=lambda c: c.line), languages


def report(file: Path, since: str | None) -> list[str]:
    """The report's lines."""
    span = versions(file, since)
    found, languages = changed(span.before, span.after, display_path(file))
    if not languages:
        return [f"{display_path(file)}: no languages to compare"]
    first, others = languages[0], languages[1:]
    where = "in the working copy" if since is None else f"since {span.before_name}"
    if span.after_name != WORKING_COPY:
        where = f"from {span.before_name} to {span.after_name}"
    lead = [c for c in found if first in c.languages]
    lines = [f"{len(lead)} text(s) whose {first} changed {where}:"]
    for change in lead:
        said = [
            f"{lang} changed too"
            if lang in change.languages
            else f"{lang} did not change: check it still says the same"
            for lang in others
        ]
        lines.append(f"  {_at(file, change)}: {'; '.join(said)}")
    alone = [c for c in found if first not in c.languages]
    if alone:
        lines.append(f"{len(alone)} text(s) whose {first} did not change, but another language did:")
        lines += [f"  {_at(file, change)}: {' and '.join(change.languages)} changed" for change in alone]
    return lines


def _at(file: Path, change: Changed) -> str:
    return f"{display_path(file)}:{change.line}: {'.'.join(str(part) for part in change.path)}"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m checker report",
        description="For each English text changed in a range, whether its French changed too.",
    )
    parser.add_argument("file", nargs="?", help="the YAML source (default: coverage_data/coverage.yml)")
    parser.add_argument(
        "--since",
        metavar="REV",
        help="a revision (everything since it, the working copy included), or REV..REV; default: HEAD",
    )
    args = parser.parse_args(argv)
    from coverage_data import source_path

    file = Path(args.file) if args.file else source_path()
    return printed(parser.prog, lambda: report(file, args.since))
