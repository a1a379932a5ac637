"""The command line: `python -m checker --market ca --contract standard-sla --zone 2 --lang fr`,
`python -m checker explain …` (the same answer, each statement with where the terms say it), and for
writers `python -m checker validate [FILE]`, `changes [REV]` (what an edit does to the answers and
pages) and `report [--since REV]` (whether each changed English text's French changed too). This module runs in CPython only: it reads the
YAML source through `coverage_data`, which the browser never needs."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn
from urllib.parse import urljoin

from checker.render_text import render
from checker.service import respond, to_json

if TYPE_CHECKING:  # the model is for the type checker: the browser never imports it (checker/model.py)
    from checker.model import Data
    from coverage_data.problems import Problem

CHECKER_PAGE = "checker/"  # docs/checker.md: an answer's links are relative to it
# Command-line option -> share-link parameter: one reader (checker.query) checks both.
OPTIONS = {
    "market": "market",
    "contract": "contract",
    "guarantee": "guarantee",
    "zone": "zone",
    "distance_km": "km",
    "dispatched_at": "dispatched",
    "region": "region",
    "compare": "compare",
}


def printable(text: str) -> str:
    """`text` as the command line prints it: a value the reader typed is echoed in a message, never acted
    on by their terminal (coverage_data.characters, the characters no source may hold either)."""
    from coverage_data.characters import escaped

    return escaped(text)


def _say(text: str, error: bool = False) -> None:
    print(printable(text), file=sys.stderr if error else sys.stdout)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, exit 2, no usage dump
        self.exit(2, printable(f"{self.prog}: error: {message}\n"))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["validate"]:
        return validate(argv[1:])
    if argv[:1] == ["explain"]:
        return check(argv[1:], explain=True)
    if argv[:1] == ["report"]:
        from coverage_data.translation_report import main as report

        return report(argv[1:])
    if argv[:1] == ["changes"]:
        from hooks.changes import main as changes

        return changes(argv[1:])
    return check(argv)


def _source(path: str | None) -> Data:
    import coverage_data

    return coverage_data.load(Path(path) if path else coverage_data.source_path())


def validate(argv: list[str]) -> int:
    """Every check of the source a writer needs before a build: its shape (YAML, schema, references,
    every interface text, indentation named), the checker's sample questions, French left in English,
    and the provenance of every fact, with the values its quotes name."""
    import coverage_data
    from coverage_data import french, provenance, quotes

    parser = _Parser(prog="python -m checker validate", description="Check the coverage source.")
    parser.add_argument("file", nargs="?", help="the YAML source (default: coverage_data/coverage.yml)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    path = Path(args.file) if args.file else coverage_data.source_path()
    try:
        data = coverage_data.load(path)
    except coverage_data.SourceError as error:
        return _refused(error.problems)
    # Every fact has its provenance: in the provenance.yml beside the file, against the published pages
    # beside it (a copy of the project's folder), or else the project's.
    beside = path.with_name(provenance.PROVENANCE.name)
    found = french.problems(path)
    if beside.exists():
        found += provenance.problems(path, beside, quotes.pages_in(path.parent))
    else:
        found += provenance.problems(path, provenance.PROVENANCE)
    if found:
        return _refused(found)
    elapsed = time.perf_counter() - started
    _say(
        f"OK: {len(data['offerings'])} offerings, {len(data['attributes'])} coverage rows, "
        f"{len(data['markets'])} markets, {len(data['zones'])} zones, both languages complete ({elapsed:.2f} s)."
    )
    if not french.hunspell_ready():
        _say(
            "Note: French left in English was checked for copies only: Hunspell is not installed (make setup-language)."
        )
    return 0


def _refused(problems: list[Problem]) -> int:
    """Every problem, by file and line (in the order found, where several share a line)."""
    in_order = sorted(problems, key=lambda problem: (problem.file, problem.line))
    _say("\n".join(str(problem) for problem in in_order), error=True)
    _say(f"{len(problems)} problem(s) found.", error=True)
    return 1


def check(argv: list[str], explain: bool = False) -> int:
    import coverage_data

    try:
        data = _source(None)
    except coverage_data.SourceError as error:
        _say(str(error), error=True)
        return 1
    parser = _Parser(prog="python -m checker", description="What a support contract covers, where, and how fast.")
    # No argparse `choices`: the checker refuses an unknown market or contract in the reader's language.
    parser.add_argument("--market", required=True, help=", ".join(data["markets"]))
    parser.add_argument("--contract", required=True, help=", ".join(["none", *data["offerings"]]))
    parser.add_argument("--guarantee", help="Performance SLA guarantee, in hours")
    parser.add_argument("--zone", help="zone id (1, 2, 3) or name (metro, urban, rural)")
    parser.add_argument("--distance-km", help="distance from the regional base, instead of --zone")
    parser.add_argument("--dispatched-at", help="local dispatch time, YYYY-MM-DDTHH:MM")
    parser.add_argument("--region", help="two-letter state or province code, for its holidays")
    parser.add_argument("--compare", help="another contract: what would it change?")
    parser.add_argument("--lang", default=data["languages"][0], choices=data["languages"])
    parser.add_argument("--json", action="store_true", help="print the answer as JSON")
    args = parser.parse_args(argv)
    params = {param: getattr(args, option) for option, param in OPTIONS.items() if getattr(args, option) is not None}
    response = respond(data, params, args.lang)
    if not response["ok"]:
        for field, message in response["errors"].items():
            _say(f"{parser.prog}: error: --{_option(field)}: {message}", error=True)
        return 2
    if explain:
        from coverage_data.explain import explain as explained

        _say(explained(response["answer"]))
    else:
        _say(to_json(response) if args.json else render(response, _checker_page(data, response["lang"])))
    return 0


def _checker_page(data: Data, lang: str) -> str:
    """The checker page of the language's edition, which an answer's links are relative to: on the
    published site (SITE_URL, as the build reads it), or as a path from the site's root."""
    site = os.environ.get("SITE_URL") or "/"
    edition = "" if lang == data["languages"][0] else f"{lang}/"
    return urljoin(site if site.endswith("/") else f"{site}/", f"{edition}{CHECKER_PAGE}")


def _option(param: str) -> str:
    return next(option for option, name in OPTIONS.items() if name == param).replace("_", "-")
