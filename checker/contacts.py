"""How to reach support in a market, and when: shared by the checker's answer and the site's pages."""

from __future__ import annotations

from checker.text import prose


def contacts(data: dict, market_id: str, lang: str) -> dict:
    market = data["markets"][market_id]
    live_chat = "live_chat_select" if market["live_chat_select_products"] else "live_chat_all"
    return {
        "phones": [
            {"label": phone["label"][lang], "number": phone["number"], "tel": phone["number"].replace(" ", "")}
            for phone in market["phones"]
        ],
        "phone": [prose(data, "representatives_hours", lang), prose(data, "phone_goal", lang)],
        "voice": prose(data, "voice_system", lang),
        "chat": [
            prose(data, "chat_link", lang),
            prose(data, "chatbot" if market["chatbot"] else "no_chatbot", lang),
            prose(data, live_chat, lang),
            prose(data, "chat_goal", lang),
        ],
        "case": [prose(data, "case_intro", lang), market["case_callback"][lang]],
        "hours": prose(data, "normal_hours", lang),
        "support_url": market["support_url"],
    }
