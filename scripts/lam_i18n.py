# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""Refresh the translation template and zh_CN.po of the addon.

Run with the Odoo interpreter, against a database where the addon is
installed without demo data (demo records are not translated)::

    python scripts/lam_i18n.py -c odoo.conf -d lam_i18n [--add new-terms.json]

It exports ``i18n/lubricant_account_manager.pot`` from that database, then
rewrites ``i18n/zh_CN.po`` in the template's order: every term keeps its
Chinese translation; terms that are new take theirs from ``--add`` (a JSON
object {English: Chinese}); what is still missing is listed, and the exit
status is 1.
"""
# A command-line tool: it prints what it does and finds.
# pylint: disable=print-used

import argparse
import io
import json
import sys
from pathlib import Path

import polib

import odoo
from odoo.tools.translate import trans_export

MODULE = "lubricant_account_manager"
I18N = Path(__file__).resolve().parent.parent / "i18n"
TERMS = I18N.parent / "static" / "tests" / "tours" / "lam_english_terms.json"


def export_template(config, database):
    odoo.tools.config.parse_config(["-c", config, "-d", database])
    registry = odoo.modules.registry.Registry(database)
    with registry.cursor() as cr:
        buffer = io.BytesIO()
        trans_export(False, [MODULE], buffer, "po", cr)
    return polib.pofile(buffer.getvalue().decode())


def merge(template, chinese, additions):
    """Return (new zh_CN catalogue, missing msgids)."""
    known = {entry.msgid: entry.msgstr for entry in chinese if entry.msgstr}
    known.update(additions)
    result = polib.POFile(wrapwidth=78)
    result.metadata = dict(template.metadata, Language="zh_CN")
    result.metadata["Plural-Forms"] = "nplurals=1; plural=0;"
    missing = []
    for entry in template:
        translated = polib.POEntry(
            msgid=entry.msgid,
            msgstr=known.get(entry.msgid, ""),
            occurrences=entry.occurrences,
            comment=entry.comment,
            tcomment=entry.tcomment,
            flags=entry.flags,
        )
        if not translated.msgstr:
            missing.append(entry.msgid)
        result.append(translated)
    return result, missing


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument(
        "--add", help="JSON file of new translations {English: Chinese}"
    )
    args = parser.parse_args(argv)
    template = export_template(args.config, args.database)
    template.wrapwidth = 78
    template.save(str(I18N / f"{MODULE}.pot"))
    additions = json.loads(Path(args.add).read_text()) if args.add else {}
    chinese, missing = merge(template, polib.pofile(str(I18N / "zh_CN.po")), additions)
    chinese.save(str(I18N / "zh_CN.po"))
    # the terms the role tours look for on Chinese screens
    from odoo.addons.lubricant_account_manager.tools.i18n_terms import english_terms

    TERMS.write_text(
        json.dumps(english_terms(chinese), ensure_ascii=False, indent=2) + "\n"
    )
    print(f"{len(template)} terms, {len(missing)} without Chinese")
    for msgid in missing:
        print(json.dumps(msgid, ensure_ascii=False))
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
