# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""The addon's English source terms the role tours look for on Chinese
screens (static/tests/tours/lam_english_terms.json): written by
scripts/lam_i18n.py, checked current by test_i18n."""

import re

# Longer terms are help texts and messages: the short ones are what a
# screen shows (labels, buttons, menus, selection values).
TERM_MAX_LENGTH = 40
WORD = re.compile(r"[A-Za-z]{3,}")


def english_terms(chinese):
    """Sorted msgids of the zh_CN catalogue that a Chinese screen must not
    show: translated to something else, with a word of three letters or more
    in lower case (abbreviations such as PSI, XLSX or ABC are kept in Chinese
    too), without placeholders or markup."""
    terms = set()
    for entry in chinese:
        msgid = entry.msgid
        if (
            entry.msgstr
            and entry.msgstr != msgid
            and len(msgid) <= TERM_MAX_LENGTH
            and WORD.search(msgid)
            and any(char.islower() for char in msgid)
            and not re.search(r"[%<>{}\n]", msgid)
        ):
            terms.add(msgid.strip())
    return sorted(terms)
