"""`python -m checker changes [REV]`: what a change of the source does to the site's words, before it is
published: the values it changes, then every answer and page sentence whose text changes, in both
languages, grouped by the change they share.

Both versions of the source are compiled as the build compiles them; the checker answers the same
questions of each (every question the build answers ahead, and the checker's sample questions: dispatch
times, distances, comparisons, wrong input), and every page is rendered by the build's own renderer
(its Markdown and HTML as text, line by line). A group is the set of questions whose answers change the
same way: "24 questions (48 answers): 'within 12 business hours' → 'within 6 business hours'".
CPython only; the CLI runs it (checker/cli.py).
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

import coverage_data
from checker.model import Data
from checker.samples import sample_questions
from checker.service import respond
from coverage_data.problems import Path_, display_path
from coverage_data.revisions import WORKING_COPY, printed, versions
from coverage_data.yaml_lines import line_of, parse_text
from hooks.i18n import edition_folder
from hooks.render import PageRenderer
from hooks.runtime import Runtime, prebuilt_questions
from hooks.view import View

DOCS = Path(__file__).resolve().parent.parent / "docs"
# Fields of an answer that are ids, dates or addresses, not words a reader reads.
_NOT_WORDS = frozenset(
    {"id", "at", "date", "tel", "support_url", "href", "kind", "source", "mark", "query", "number", "field", "replaces"}
)
_CLIP = 110


# ---- The source's values


def value_changes(before: str, after: str, file: str) -> list[str]:
    """Each value of the source that differs, as `file:line: path: old → new` (line of the later version)."""
    old, _, _ = parse_text(before, file) if before else (None, {}, [])
    new, lines, _ = parse_text(after, file)
    found = []
    for path, (was, now) in _differences(old, new).items():
        line = line_of(lines, _indexed(new, path if now is not _MISSING else path[:-1]))
        label = ".".join(map(str, path))
        found.append((line, f"{file}:{line}: {label}: {_shown(was)} → {_shown(now)}"))
    return [text for _, text in sorted(found)]


_MISSING = object()


def _differences(old: object, new: object, path: Path_ = ()) -> dict[Path_, tuple[object, object]]:
    if isinstance(old, dict) and isinstance(new, dict):
        found: dict[Path_, tuple[object, object]] = {}
        for key in [*old, *(key for key in new if key not in old)]:
            found |= _differences(old.get(key, _MISSING), new.get(key, _MISSING), (*path, key))
        return found
    if isinstance(old, list) and isinstance(new, list):
        if _ids(old) and _ids(new):  # rows with an id: an added, removed or moved row is said as such
            return _differences(dict(zip(_ids(old), old, strict=True)), dict(zip(_ids(new), new, strict=True)), path)
        if len(old) == len(new):
            return {k: v for i in range(len(old)) for k, v in _differences(old[i], new[i], (*path, i)).items()}
    return {} if old == new else {path: (old, new)}


def _indexed(data: object, path: Path_) -> Path_:
    """The path with each row's id as its index in its list, as the source's lines are keyed."""
    found: list[str | int] = []
    for part in path:
        if isinstance(data, list) and isinstance(part, str) and part in _ids(data):
            part = _ids(data).index(part)
        found.append(part)
        data = (
            data.get(part)
            if isinstance(data, dict)
            else data[part]
            if isinstance(data, list) and isinstance(part, int) and part < len(data)
            else None
        )
    return tuple(found)


_ROW_NAMES = ("id", "holiday")  # what names a row of a list: a coverage row's id, a holiday rule's holiday


def _ids(items: list[object]) -> list[str]:
    """The names of a list of rows (`- id: …`, `- {holiday: …}`), or [] where it is no such list."""
    for key in _ROW_NAMES:
        ids = [item.get(key) for item in items if isinstance(item, dict)]
        if len(ids) == len(items) and all(isinstance(i, str) for i in ids) and len(set(ids)) == len(ids):
            return ids  # type: ignore[return-value]  # each a str, checked above
    return []


def _shown(value: object) -> str:
    """A value as the source writes it: {us: 12, ca: 6}, a text in quotes."""
    if value is _MISSING:
        return "(none)"
    if isinstance(value, dict):
        text = "{" + ", ".join(f"{key}: {_shown(item)}" for key, item in value.items()) + "}"
    elif isinstance(value, list):
        text = "[" + ", ".join(_shown(item) for item in value) + "]"
    else:
        text = repr(value) if isinstance(value, str) else str(value).lower() if isinstance(value, bool) else str(value)
    return text if len(text) <= _CLIP else text[: _CLIP - 1] + "…"


# ---- Answers


def answer_texts(value: object) -> list[str]:
    """Every text a reader reads in a checker's reply (the language gate of the tests spells them)."""
    if isinstance(value, dict):
        return [text for key, item in value.items() if key not in _NOT_WORDS for text in answer_texts(item)]
    if isinstance(value, list):
        return [text for item in value for text in answer_texts(item)]
    return [value] if isinstance(value, str) and value else []


def _questions(before: Data, after: Data) -> list[dict[str, str]]:
    asked = [*prebuilt_questions(before).values(), *prebuilt_questions(after).values()]
    asked += [question["params"] for question in sample_questions(after)]
    unique = {urlencode(sorted(params.items())): params for params in asked}
    return list(unique.values())


Diff = tuple[tuple[str, ...], tuple[str, ...]]  # (texts gone, texts new) of one answer or page


def _diff(old: list[str], new: list[str]) -> Diff:
    gone, came = Counter(old) - Counter(new), Counter(new) - Counter(old)
    return tuple(t for t in old if t in gone), tuple(t for t in new if t in came)


@dataclass(frozen=True)
class Group:
    """Questions whose answers change the same way, in each language."""

    questions: list[dict[str, str]]
    diffs: dict[str, Diff]  # language -> texts gone, texts new


def answer_changes(before: Data, after: Data) -> tuple[int, list[Group]]:
    """(questions asked, the groups of questions whose answers change)."""
    languages = after["languages"]
    groups: dict[tuple[Diff, ...], list[dict[str, str]]] = {}
    questions = _questions(before, after)
    for params in questions:
        diffs = tuple(
            _diff(answer_texts(respond(before, params, lang)), answer_texts(respond(after, params, lang)))
            for lang in languages
        )
        if any(gone or came for gone, came in diffs):
            groups.setdefault(diffs, []).append(params)
    found = [Group(asked, dict(zip(languages, diffs, strict=True))) for diffs, asked in groups.items()]
    return len(questions), sorted(found, key=lambda group: -len(group.questions))


# ---- Pages


class _Text(HTMLParser):
    """A page's text, a line per block (paragraph, list item, cell, heading…)."""

    BLOCKS = frozenset(
        {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "dt", "dd", "caption", "option", "label", "div", "br"}
    )

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _lines(html: str) -> list[str]:
    parser = _Text()
    parser.feed(html)
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return [line for line in lines if any(ch.isalpha() for ch in line)]


def rendered_pages(data: Data) -> dict[str, list[str]]:
    """The text of every page, in each language, keyed by its address ('/fr/checker/'): docs/ and the
    generated offering pages, through the build's own renderer. (The runtime's files are placeholders,
    an empty library among them: only the page's words are read.)"""
    with tempfile.TemporaryDirectory() as folder:
        stdlib = Path(folder) / "stdlib.zip"
        stdlib.write_bytes(b"")
        return _rendered_pages(data, Runtime("0", "checker.zip", b"", stdlib, "snapshot.bin"))


def _rendered_pages(data: Data, runtime: Runtime) -> dict[str, list[str]]:
    stems = sorted({page.name.split(".")[0] for page in DOCS.glob("*.md")})
    pages: dict[str, list[str]] = {}
    for lang in data["languages"]:
        edition = edition_folder(lang, data["languages"][0])
        sources = {stem: (DOCS / (f"{stem}.md" if not edition else f"{stem}.{lang}.md")).read_text() for stem in stems}
        sources["offerings"] = "{{ h.page('offerings_index.md') }}"
        sources |= {f"offerings/{oid}": f"{{{{ h.page('offering.md', oid={oid!r}) }}}}" for oid in data["offerings"]}
        for stem, markdown in sources.items():
            path = "" if stem == "index" else f"{stem}/"
            renderer = PageRenderer(View(data, lang), path, edition, runtime, {})
            pages[f"/{edition}{path}"] = _lines(renderer.fill(renderer.render(markdown)))
    return pages


def page_changes(before: Data, after: Data) -> dict[str, Diff]:
    old, new = rendered_pages(before), rendered_pages(after)
    found = {page: _diff(old.get(page, []), lines) for page, lines in new.items()}
    return {page: diff for page, diff in found.items() if diff[0] or diff[1]}


# ---- The report


def _compiled(text: str, name: str) -> Data:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_text(text, encoding="utf-8")
        return coverage_data.load(path)


def report(file: Path, revisions: str | None) -> list[str]:
    span = versions(file, revisions)
    shown = display_path(file)
    lines = [f"Changes of {shown} from {span.before_name} to {span.after_name}:"]
    values = value_changes(span.before, span.after, shown)
    if not values:
        return [*lines, "  nothing: the source is the same"]
    lines += [f"  {value}" for value in values]
    try:
        before = _compiled(span.before, file.name)
        after = coverage_data.load(file) if span.after_name == WORKING_COPY else _compiled(span.after, file.name)
    except coverage_data.SourceError as error:
        return [*lines, f"The source at one end does not load ({len(error.problems)} problem(s)): run validate."]
    asked, groups = answer_changes(before, after)
    languages = after["languages"]
    changed = sum(len(group.questions) for group in groups)
    lines.append(
        f"{changed * len(languages)} answers change ({changed} of {asked} questions, in {_and(languages)}):"
        if groups
        else f"No answer changes ({asked} questions asked, in {_and(languages)})."
    )
    for group in groups:
        example = urlencode(group.questions[0])
        lines.append(f"  {len(group.questions) * len(languages)} answers, e.g. ?{example}:")
        for lang, diff in group.diffs.items():
            lines += _said(lang, diff)
    pages = page_changes(before, after)
    sentences = sum(len(gone) + len(came) for gone, came in pages.values())
    lines.append(
        f"Page sentences: {sentences} change on {len(pages)} page(s):" if pages else "No page sentence changes."
    )
    for page, diff in pages.items():
        lines.append(f"  {page}")
        lines += _said("", diff)
    return lines


def _said(lang: str, diff: Diff) -> list[str]:
    """Each text gone (-) and new (+), once."""
    head = f"    {lang}: " if lang else "    "
    gone, came = (list(dict.fromkeys(texts)) for texts in diff)
    return [f"{head}- {_clip(text)}" for text in gone] + [f"{head}+ {_clip(text)}" for text in came]


def _clip(text: str) -> str:
    return text if len(text) <= 2 * _CLIP else text[: 2 * _CLIP - 1] + "…"


def _and(items: list[str]) -> str:
    return " and ".join(items)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m checker changes",
        description="What a change of the source does to the answers and pages, in both languages.",
    )
    parser.add_argument("revisions", nargs="?", help="REV (against the working copy; default HEAD) or REV..REV")
    parser.add_argument("--file", help="the YAML source (default: coverage_data/coverage.yml)")
    args = parser.parse_args(argv)
    file = Path(args.file) if args.file else coverage_data.source_path()
    return printed(parser.prog, lambda: report(file, args.revisions))
