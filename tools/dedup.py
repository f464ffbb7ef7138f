# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""The same customer written twice: the keys under which two company names,
registration codes or phone numbers are the same one, and the groups of
records sharing a key. Pure functions: no Odoo here.

A Chinese company name is compared once normalised: full-width characters as
half-width (NFKC), without blanks or punctuation, without the legal form
(股份有限公司, 有限责任公司, 有限公司; 集团 at the end or in brackets), so that
山东鲁润石化有限公司, 山东鲁润石化（集团）有限公司 and 山东鲁润石化 有限公司 are one.
A branch (分公司) stays a branch: 山东鲁润石化有限公司济南分公司 is not its head
office.
"""

import re
import unicodedata

# longest first: the first one found is removed
LEGAL_FORMS = ("股份有限公司", "有限责任公司", "有限公司", "股份公司")
GROUP = "集团"
BRANCH = "分公司"
BRACKETS = re.compile(r"[(\[{（【［｛]([^)\]}）】］｝]*)[)\]}）】］｝]")
NOT_WORD = re.compile(r"[\W_]+")
# a phone number's last digits name it, whatever its area code or country
# prefix is written with
PHONE_DIGITS = 8


def company_key(name):
    """The name under which two writings of a company's name are one; empty
    when nothing remains to compare."""
    text = unicodedata.normalize("NFKC", name or "").lower()
    # what is in brackets is kept unless it is the group (（集团）)
    text = BRACKETS.sub(
        lambda match: "" if match.group(1).strip() == GROUP else match.group(1), text
    )
    text = NOT_WORD.sub("", text)
    for form in LEGAL_FORMS:
        text = text.replace(form, "")
    branch = ""
    if BRANCH in text:
        text, _sep, rest = text.partition(BRANCH)
        # the branch's name is what precedes 分公司, after the head office's
        branch = BRANCH + rest
    if text.endswith(GROUP) and len(text) > len(GROUP) + 1:
        text = text[: -len(GROUP)]
    return text + branch if text else ""


def phone_key(phone):
    """The last digits of a phone number, or empty when it has too few."""
    digits = re.sub(r"\D", "", unicodedata.normalize("NFKC", phone or ""))
    return digits[-PHONE_DIGITS:] if len(digits) >= PHONE_DIGITS else ""


def record_keys(name, uscc, phones):
    """The (kind, key) pairs under which a record meets its duplicates."""
    keys = {
        ("name", company_key(name)),
        ("uscc", "".join((uscc or "").split()).upper()),
    }
    keys |= {("phone", phone_key(phone)) for phone in phones or ()}
    return {(kind, value) for kind, value in keys if value}


def duplicate_groups(rows):
    """``rows``: (id, name, uscc, phones) of records. The groups (lists of
    ids, two or more, in the order of ``rows``) of records sharing a
    registration code, a normalised name or a phone, directly or through
    another record of the group; with, per group, the reasons
    ("uscc", "name", "phone") that joined them."""
    parent = {}

    def find(item):
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    owners, reasons = {}, {}
    for record_id, name, uscc, phones in rows:
        parent.setdefault(record_id, record_id)
        for kind, value in sorted(record_keys(name, uscc, phones)):
            other = owners.setdefault((kind, value), record_id)
            if other != record_id:
                root, other_root = find(record_id), find(other)
                if root != other_root:
                    parent[other_root] = root
                reasons.setdefault(record_id, set()).add(kind)
                reasons.setdefault(other, set()).add(kind)
    groups = {}
    for record_id, *_rest in rows:
        groups.setdefault(find(record_id), []).append(record_id)
    result = []
    for members in groups.values():
        if len(members) > 1:
            kinds = set().union(*(reasons.get(member, set()) for member in members))
            result.append((members, sorted(kinds)))
    return result
