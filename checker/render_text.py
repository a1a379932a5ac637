"""The checker's answer as plain text, for the command line (the browser renders the same data as HTML)."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING
from urllib.parse import urljoin

if TYPE_CHECKING:  # the model is for the type checker: the browser never imports it (checker/model.py)
    from checker.model import Change, Item, Reply


def render(response: Reply, checker_page: str = "/checker/") -> str:
    """The answer as lines of text; its links (relative to the checker page, where the browser shows
    answers) made absolute from `checker_page`, the checker page's address."""
    if not response["ok"]:
        return "\n".join(f"{field}: {message}" for field, message in response["errors"].items())
    answer = response["answer"]
    lines = [answer["title"], "=" * len(answer["title"]), *answer["status"]]
    if answer["zone"]:
        lines.append(answer["zone"]["text"])
    if answer["response"]:
        lines += ["", answer["response"]["text"]]
    lines += [note["text"] for note in answer["notes"]]
    step = answer["next_step"]
    lines += [
        "",
        step["title"],
        step["text"],
        *(f"  {phone['label_text']} {phone['number_text']}" for phone in step["phones"]),
    ]
    if step["sales"]:
        lines.append(step["sales"])
    if deadline := answer["deadline"]:
        lines += ["", *(line for line in (deadline["title"], deadline["text"]) if line)]
        lines += [arrival["text"] for arrival in deadline["arrivals"]]
        lines += [note["text"] for note in deadline["notes"]]
        lines += [f"  - {holiday['text']}" for holiday in deadline["holidays"]]
        if deadline["no_holidays"]:
            lines.append(deadline["no_holidays"])
        if link := deadline.get("holidays_page"):
            lines.append(f"{link['text']} ({urljoin(checker_page, link['href'])})")
    if compare := answer["compare"]:
        lines += ["", compare["title"], *(line for line in (compare["status"], compare["difference"]) if line)]
        for title, items in (
            (compare["gains_title"], compare["gains"]),
            (compare["replaced_title"], compare["replaced"]),
            (compare["losses_title"], compare["losses"]),
        ):
            if items:
                lines += ["", title]
                lines += [f"  - {_change(item)}" for item in items]
        if compare["nothing"]:
            lines.append(compare["nothing"])
    for group in answer["coverage"]:
        lines += ["", group["label"]]
        lines += [f"  - {_attribute(item)}" for item in group["items"]]
    # The numbers and the hours are the next step's; the contacts add the goals, chat and the case.
    contacts = answer["contacts"]
    lines += ["", contacts["phone"]["goal"], contacts["chat"]["live"], contacts["chat"]["goal"]]
    lines += [contacts["case"]["callback"], contacts["support_url"]]
    return "\n".join(_wrap(line) for line in lines if line is not None)


def _change(item: Change) -> str:
    """A comparison's line: a replacement says both rows; a change of mark, the row and its marks."""
    return item["change"] if "replaces" in item else f"{item['title_colon']} {item['change']}"


def _attribute(item: Item) -> str:
    text = f"{item['title_colon']} {item['detail']}" if item["detail"] else item["title"]
    return f"{text} ({item['note']})" if item["note"] else text


def _wrap(line: str) -> str:
    indent = "    " if line.startswith("  - ") else ""
    return textwrap.fill(line, width=100, subsequent_indent=indent) if line else line
