"""How to reach support in a market, and when: shared by the checker's answer and the site's pages.

Every part is named, so that a renderer picks what it shows by name, never by position.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker.text import prose, ui

if TYPE_CHECKING:  # the model is for the type checker: the browser never imports it (checker/model.py)
    from checker.model import Contacts, Data, Phone, PhoneLine

NANP = "1"  # both markets dial in the North American Numbering Plan: a tel: link is +1 and ten digits


def contacts(data: Data, market_id: str, lang: str) -> Contacts:
    market = data["markets"][market_id]
    live_chat = "live_chat_select" if market["live_chat_select_products"] else "live_chat_all"
    return {
        "phones": phones(data, market_id, lang),
        "phone": {"hours": prose(data, "representatives_hours", lang), "goal": prose(data, "phone_goal", lang)},
        "voice": prose(data, "voice_system", lang),
        "chat": {
            "link": market["chat_link"][lang],
            # SOURCE-NOTES row 2: only the US page speaks of a chatbot; elsewhere nothing is said of one.
            "chatbot": prose(data, "chatbot", lang) if market["chatbot"] else "",
            "live": prose(data, live_chat, lang),
            "goal": prose(data, "chat_goal", lang),
            "goal_short": ui(
                data,
                "chat_goal_short_select" if market["live_chat_select_products"] else "chat_goal_short",
                lang,
                seconds=data["remote"]["chat_answer_goal_seconds"],
            ),
        },
        "case": {"intro": prose(data, "case_intro", lang), "callback": market["case_callback"][lang]},
        "hours": prose(data, "normal_hours", lang),
        "support_url": market["support_url"],
    }


def phones(data: Data, market_id: str, lang: str) -> list[PhoneLine]:
    """The market's phone lines: label, number as written, as shown (never broken) and to dial."""
    return [_phone(data, phone, lang) for phone in data["markets"][market_id]["phones"]]


def _phone(data: Data, phone: Phone, lang: str) -> PhoneLine:
    digits = phone["number"].replace(" ", "")
    international = digits if digits.startswith(NANP) and len(digits) == 11 else NANP + digits
    return {
        "label": phone["label"][lang],
        "label_text": ui(data, "label_colon", lang, label=phone["label"][lang]),
        "number": phone["number"],
        "number_text": phone["number"].replace(" ", "\u00a0"),  # a phone number never breaks across lines
        "tel": f"+{international}",
    }
