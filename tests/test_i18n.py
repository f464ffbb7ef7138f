# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import json

import polib

from odoo.tests import TransactionCase, tagged
from odoo.tools.misc import file_open, file_path
from odoo.tools.translate import TranslationModuleReader

from ..tools.i18n_terms import english_terms
from .common import MODULE


@tagged("post_install", "-at_install")
class TestChineseTranslation(TransactionCase):
    def test_every_term_is_translated(self):
        template = polib.pofile(file_path(f"{MODULE}/i18n/{MODULE}.pot"))
        chinese = polib.pofile(file_path(f"{MODULE}/i18n/zh_CN.po"))
        translated = {entry.msgid: entry.msgstr for entry in chinese}
        missing = [entry.msgid for entry in template if not translated.get(entry.msgid)]
        self.assertEqual(missing, [])
        self.assertGreater(len(template), 300)

    def test_the_tours_english_terms_are_current(self):
        chinese = polib.pofile(file_path(f"{MODULE}/i18n/zh_CN.po"))
        with file_open(f"{MODULE}/static/tests/tours/lam_english_terms.json") as file:
            listed = json.load(file)
        self.assertEqual(listed, english_terms(chinese))
        self.assertIn("Purchase Tracking", listed)
        self.assertNotIn("XLSX", listed)

    def test_translation_template_is_current(self):
        template = {
            entry.msgid
            for entry in polib.pofile(file_path(f"{MODULE}/i18n/{MODULE}.pot"))
        }
        terms = {
            source
            for _module, _type, _name, res_id, source, *_rest in (
                TranslationModuleReader(self.cr, [MODULE])
            )
            if "_demo" not in str(res_id)  # demo records are not translated
        }
        self.assertGreater(len(terms), 300)
        self.assertEqual(sorted(terms - template), [])

    def test_chinese_user_sees_chinese_menus_and_fields(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            [MODULE], ["zh_CN"], overwrite=True
        )
        env = self.env(context={"lang": "zh_CN"})
        self.assertEqual(env.ref(f"{MODULE}.menu_root").name, "客户经理")
        self.assertEqual(env.ref(f"{MODULE}.menu_archive").name, "客户档案")
        description = env["res.partner"].fields_get(
            ["lam_uscc", "lam_size"], ["string", "selection"]
        )
        self.assertEqual(description["lam_uscc"]["string"], "统一社会信用代码")
        self.assertEqual(dict(description["lam_size"]["selection"])["medium"], "中型")
