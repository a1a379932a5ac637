"""The language gate's tools: Grammalecte (French grammar and typography) and Hunspell (spelling),
Debian's packages, run offline on every text a reader can see.

Rules turned off, and why: the one list is `OPTIONS_OFF`, `RULES_OFF` and `NOT_PROSE` below.
Grammalecte's own spelling findings are left to Hunspell, which reads the project's word lists.
"""

from __future__ import annotations

import html.parser
import json
import re
import subprocess
import tempfile
from pathlib import Path

WORDS = Path(__file__).with_name("language")  # words.en.txt, words.fr.txt: the project's reviewed words
# The Canadian page writes the straight apostrophe (l'équipement), not the typographic one.
OPTIONS_OFF = ["apos"]
RULES_OFF = {
    "nbsp_ajout_avant_double_ponctuation": "Canadian typography, as the page writes it, puts no space "
    "before ; ? and ! (only before : and inside « »).",
    "g2__typo_ordinaux_chiffres_exposants__b1_a1_1": "the first of a month is written 1er in plain text "
    "(superscript letters are not plain text).",
}
# Machine text inside a sentence, not prose: a share link's date-time (2026-11-20T15:00) and a reader's
# input quoted as typed (« -3 »). A finding inside one of these is not the site's French.
NOT_PROSE = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|YYYY-MM-DDTHH:MM|AAAA-MM-JJTHH:MM|«\u00a0-\d+\u00a0»|\((?:[a-z]+-)+[a-z0-9]+\)"
)  # … and a share link's id in parentheses: (sma-tier-1)
HUNSPELL = {"en": "en_US", "fr": "fr_CA"}
_URL = re.compile(r"https?://\S+|\S+@\S+")
# A reader's input quoted back in a message (« gold », “xx”) is theirs, not the site's words.
_QUOTED_INPUT = re.compile(r"«\u00a0[^»]*\u00a0»|“[^”]*”")


def grammalecte(texts: list[str]) -> list[str]:
    """Every grammar or typography finding in the French `texts`, as 'rule: message in «text»'."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as file:
        file.write("\n\n".join(text.replace("\n", " ") for text in texts))
    command = ["grammalecte-cli", "-f", file.name, "-j", "-owe", "-off", *OPTIONS_OFF]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    Path(file.name).unlink()
    paragraphs = [text.replace("\n", " ") for text in texts]
    findings = []
    for paragraph in json.loads(result.stdout)["data"]:
        text = paragraphs[(paragraph["iParagraph"] - 1) // 2] if paragraph["iParagraph"] % 2 else ""
        spans = [match.span() for match in NOT_PROSE.finditer(text)]
        for error in paragraph["lGrammarErrors"]:
            if error["sRuleId"] in RULES_OFF:
                continue
            if any(start <= error["nStart"] and error["nEnd"] <= end for start, end in spans):
                continue
            shown = text[max(0, error["nStart"] - 30) : error["nEnd"] + 30]
            findings.append(f"{error['sRuleId']}: {error['sMessage']} in «{shown}»")
    return findings


def misspelled(texts: list[str], lang: str) -> set[str]:
    """The words Hunspell does not know, in the language's dictionary plus the project's word list."""
    text = "\n".join(NOT_PROSE.sub(" ", _QUOTED_INPUT.sub(" ", _URL.sub(" ", t))) for t in texts)
    command = ["hunspell", "-d", HUNSPELL[lang], "-p", str(WORDS / f"words.{lang}.txt"), "-l"]
    result = subprocess.run(command, input=text, capture_output=True, text=True, check=True)
    return set(result.stdout.split())


class _Text(html.parser.HTMLParser):
    """The text a reader sees on a page: no scripts, styles, icons or hidden JSON."""

    SKIP = frozenset({"script", "style", "svg", "template", "noscript"})
    BLOCKS = frozenset(
        {
            "p",
            "li",
            "td",
            "th",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "label",
            "option",
            "div",
            "button",
            "title",
            "span",
            "br",
            "small",
            "dt",
            "dd",
        }
    )

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self._skip += 1
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self._skip -= 1
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def page_texts(page: Path) -> list[str]:
    parser = _Text()
    parser.feed(page.read_text(encoding="utf-8"))
    lines = (re.sub(r"[ \t\r]+", " ", line).strip() for line in "".join(parser.parts).split("\n"))
    return [line for line in lines if line and any(ch.isalpha() for ch in line)]


# Fields of an answer that are ids, dates or addresses, not words.
_NOT_WORDS = {"id", "at", "date", "tel", "support_url", "kind", "source", "mark", "query", "number"}


def answer_texts(value: object) -> list[str]:
    if isinstance(value, dict):
        return [text for key, item in value.items() if key not in _NOT_WORDS for text in answer_texts(item)]
    if isinstance(value, list):
        return [text for item in value for text in answer_texts(item)]
    return [value] if isinstance(value, str) and value else []
