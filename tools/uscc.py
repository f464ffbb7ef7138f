# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""Unified social credit code (统一社会信用代码), GB 32100-2015."""

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
USCC_LENGTH = 18


def compact_uscc(code):
    """Return the code without blanks, in upper case."""
    return "".join((code or "").split()).upper()


def uscc_check_char(code17):
    """Return the check character of the first 17 characters of a code."""
    total = sum(
        USCC_ALPHABET.index(char) * weight
        for char, weight in zip(code17, USCC_WEIGHTS, strict=False)
    )
    return USCC_ALPHABET[(31 - total % 31) % 31]


def uscc_error(code):
    """Return why ``code`` is not a valid USCC: "length", "chars", "check" or None."""
    code = compact_uscc(code)
    if len(code) != USCC_LENGTH:
        return "length"
    if any(char not in USCC_ALPHABET for char in code):
        return "chars"
    if uscc_check_char(code[:17]) != code[17]:
        return "check"
    return None
