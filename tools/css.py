# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""The style sheet a report's header and footer need.

wkhtmltopdf loads the header and the footer as two documents for every page,
and parses their style sheets each time: the report bundle (about 450 KB of
Bootstrap) costs some 15 ms a page for each. A header uses a few dozen
classes; :func:`prune_css` keeps the rules that may apply to them.

A rule is kept unless one of its selectors' classes or ids is absent from
the document (a selector cannot match then); selectors with ``:is``,
``:where`` or ``:has`` are kept as they are, what ``:not(...)`` names is not
required. At-rules are kept, except animations; ``@media`` and ``@supports``
blocks are pruned inside.
"""

import re

CLASS_RE = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
ID_RE = re.compile(r"#(-?[_a-zA-Z][\w-]*)")
NOT_RE = re.compile(r":not\([^()]*\)")
COMMENT_RE = re.compile(r"/\*.*?\*/", re.S)
KEEP_AS_IS = (":is(", ":where(", ":has(", "\\")
DROP_AT_RULES = ("@keyframes", "@-webkit-keyframes", "@-moz-keyframes")
PRUNE_AT_RULES = ("@media", "@supports")
ATTR_RE = re.compile(r"\b(class|id)\s*=\s*(\"[^\"]*\"|'[^']*')")


def document_tokens(html):
    """The classes and ids a document's markup names."""
    classes, ids = set(), set()
    for attr, value in ATTR_RE.findall(html):
        names = value[1:-1].split()
        (classes if attr == "class" else ids).update(names)
    return frozenset(classes), frozenset(ids)


def _scan(css, start, stops):
    """Index of the first character of ``stops`` at or after ``start``
    outside strings, parentheses and comments; ``len(css)`` if none."""
    depth, i, size = 0, start, len(css)
    while i < size:
        char = css[i]
        if char in "\"'":
            end = css.find(char, i + 1)
            while end != -1 and css[end - 1] == "\\":
                end = css.find(char, end + 1)
            i = size if end == -1 else end + 1
            continue
        if css.startswith("/*", i):
            end = css.find("*/", i + 2)
            i = size if end == -1 else end + 2
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        elif depth == 0 and char in stops:
            return i
        i += 1
    return size


def _block_end(css, start):
    """Index of the ``}`` closing the block opened just before ``start``."""
    depth, i = 1, start
    while True:
        i = _scan(css, i, "{}")
        if i >= len(css):
            return i
        depth += 1 if css[i] == "{" else -1
        if not depth:
            return i
        i += 1


def _split_selectors(prelude):
    parts, start = [], 0
    while start <= len(prelude):
        end = _scan(prelude, start, ",")
        parts.append(prelude[start:end])
        start = end + 1
    return parts


def _may_match(selector, classes, ids):
    if any(mark in selector for mark in KEEP_AS_IS):
        return True
    plain = NOT_RE.sub("", selector)
    return set(CLASS_RE.findall(plain)) <= classes and set(ID_RE.findall(plain)) <= ids


def prune_css(css, classes, ids=frozenset()):
    """``css`` without the rules no element of a document with these
    ``classes`` and ``ids`` can match."""
    out, i, size = [], 0, len(css)
    while i < size:
        stop = _scan(css, i, "{;}")
        prelude = COMMENT_RE.sub("", css[i:stop]).strip()
        if stop >= size:
            if prelude:
                out.append(prelude)
            break
        if css[stop] == "}":
            i = stop + 1
            continue
        if css[stop] == ";":
            if prelude:
                out.append(prelude + ";")
            i = stop + 1
            continue
        end = _block_end(css, stop + 1)
        body = css[stop + 1 : end]
        i = end + 1
        lowered = prelude.lower()
        if lowered.startswith(DROP_AT_RULES):
            continue
        if lowered.startswith(PRUNE_AT_RULES):
            inner = prune_css(body, classes, ids)
            if inner:
                out.append(f"{prelude}{{{inner}}}")
            continue
        if prelude.startswith("@"):
            out.append(f"{prelude}{{{body}}}")
            continue
        kept = [
            sel for sel in _split_selectors(prelude) if _may_match(sel, classes, ids)
        ]
        if kept:
            out.append(f"{','.join(kept)}{{{body}}}")
    return "".join(out)
