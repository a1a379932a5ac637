"""French left in English, flagged by `validate` (issue 19 §1): a French text that is a copy of its
English twin, or whose words are half or more unknown to French and known to English.

Hunspell (Debian's `hunspell`, `hunspell-fr`, `hunspell-en-us`; offline) knows the words, with the
project's reviewed word lists beside the source (`language/words.fr.txt`, `words.en.txt`); a text that
is rightly the same in both languages (most states' names, `Zone`, `{km} km`) is listed, once reviewed,
in `language/same-in-both.txt`. Without Hunspell only copies are found, and `validate` says so. The
language gate of the tests (tests/language_gate.py) spells every built page with the same words.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from coverage_data.problems import Path_, Problem, display_path
from coverage_data.yaml_lines import line_of, parse

WORDS = Path(__file__).with_name("language")  # words.en.txt, words.fr.txt: the project's reviewed words
SAME_IN_BOTH = WORDS / "same-in-both.txt"  # reviewed: texts written the same in both languages
HUNSPELL = {"en": "en_US", "fr": "fr_CA"}
DICTIONARIES = Path("/usr/share/hunspell")
_WORD = re.compile(r"[^\W\d_]{3,}(?:'[^\W\d_]+)*")  # three letters or more: not "er" of 1er, not "AM"
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
URL = re.compile(r"https?://\S+|\S+@\S+")


def hunspell_ready() -> bool:
    """Hunspell and both dictionaries are installed (`make setup-language` installs them)."""
    return shutil.which("hunspell") is not None and all(
        (DICTIONARIES / f"{name}.dic").is_file() for name in HUNSPELL.values()
    )


def unknown_words(text: str, lang: str) -> set[str]:
    """The words of `text` Hunspell does not know, in the language's dictionary plus the project's list."""
    command = ["hunspell", "-d", HUNSPELL[lang], "-p", str(WORDS / f"words.{lang}.txt"), "-l"]
    result = subprocess.run(command, input=text, capture_output=True, text=True, check=True)
    return set(result.stdout.split())


def text_pairs(value: object, path: Path_ = ()) -> list[tuple[Path_, str, str]]:
    """Every {en: …, fr: …} text of the source, with its path."""
    if isinstance(value, dict) and {"en", "fr"} <= set(value) and isinstance(value["en"], str):
        return [(path, value["en"], str(value["fr"]))]
    if isinstance(value, dict):
        return [pair for key, item in value.items() for pair in text_pairs(item, (*path, key))]
    if isinstance(value, list):
        return [pair for i, item in enumerate(value) for pair in text_pairs(item, (*path, i))]
    return []


def reviewed() -> set[str]:
    lines = SAME_IN_BOTH.read_text(encoding="utf-8").splitlines()
    return {line for line in lines if line and not line.startswith("#")}


def untranslated(source: object, spell: bool = True) -> list[tuple[Path_, str]]:
    """(path, why) of each French text that is not French: the same as its English (unless reviewed as
    the same in both), or, with `spell`, with half its words or more unknown to French and known to English."""
    same = reviewed()
    pairs = [(path, en, fr) for path, en, fr in text_pairs(source) if fr not in same]

    def words(text: str) -> list[str]:
        return _WORD.findall(_PLACEHOLDER.sub(" ", URL.sub(" ", text)))

    english: set[str] = set()
    if spell:  # French's and English's dictionaries read at once: validate stays under a second
        every = "\n".join(sorted({w for _, _, fr in pairs for w in words(fr)}))
        with ThreadPoolExecutor(2) as pool:
            not_french, not_english = pool.map(lambda lang: unknown_words(every, lang), ("fr", "en"))
        english = not_french - not_english
    found = []
    for path, en, fr in pairs:
        if " ".join(en.split()) == " ".join(fr.split()):
            found.append((path, "the French is a copy of the English"))
        elif (french := [w for w in words(fr) if w.islower()]) and 2 * sum(w in english for w in french) >= len(french):
            shown = ", ".join(sorted({word for word in french if word in english}))
            found.append((path, f"the French reads as English ({shown})"))
    return found


def problems(path: Path) -> list[Problem]:
    """Each French text of the source at `path` left in English, at the line of its `fr`."""
    file = display_path(path)
    source, lines, _ = parse(path, file)
    return [
        Problem(file, line_of(lines, (*where, "fr")), f"{'.'.join(map(str, where))}.fr: {why}")
        for where, why in untranslated(source, spell=hunspell_ready())
    ]
