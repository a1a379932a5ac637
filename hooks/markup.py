"""Repairs to Material's own markup, so that every built page passes the Nu HTML Checker.

Each repair is a literal, checked by the validity test: if Material changes its markup, the test says so.
"""

from __future__ import annotations

import re

# Material writes autocomplete="off" on its checkbox toggles; the attribute is not allowed on checkboxes.
_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"')
# Material writes tabindex="" on navigation labels; an empty tabindex is not a number.
_EMPTY_TABINDEX = re.compile(r' tabindex=""')


def repair(html: str) -> str:
    html = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    html = _EMPTY_TABINDEX.sub("", html)
    if 'id="__toc"' not in html:  # a table-of-contents title whose toggle Material left out
        html = html.replace('<label class="md-nav__title" for="__toc">', '<label class="md-nav__title">')
    return html
