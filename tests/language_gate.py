"""The language gate's tools: Grammalecte (French grammar and typography) and Hunspell (spelling),
Debian's packages, run offline on every text a reader can see.

Rules turned off, and why: the one list is `OPTIONS_OFF`, `RULES_OFF` and `NOT_PROSE` below.
Grammalecte's own spelling findings are left to Hunspell, which reads the project's word lists.
"""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
from pathlib import Path

from bs4 import BeautifulSoup

from coverage_data.french import URL, unknown_words

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
    """The words Hunspell does not know, in the language's dictionary plus the project's word list
    (coverage_data/french.py, which `validate` uses too)."""
    return unknown_words("\n".join(NOT_PROSE.sub(" ", _QUOTED_INPUT.sub(" ", URL.sub(" ", t))) for t in texts), lang)


# Elements whose text a reader does not read as prose (scripts, styles, icons), and elements that end
# a line of text (so that a table cell or a list item is a line of its own).
_UNREAD = ("script", "style", "svg", "template", "noscript")
_BLOCKS = ("p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "label", "option", "div", "button")
_BLOCKS += ("title", "span", "br", "small", "dt", "dd")


def page_texts(page: Path) -> list[str]:
    """The lines of text a reader sees on a built page."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    for element in soup.find_all(_UNREAD):
        element.decompose()
    for element in soup.find_all(_BLOCKS):
        element.insert_before("\n")
        element.insert_after("\n")
    lines = (re.sub(r"[ \t\r]+", " ", line).strip() for line in soup.get_text().split("\n"))
    return [line for line in lines if line and any(ch.isalpha() for ch in line)]
