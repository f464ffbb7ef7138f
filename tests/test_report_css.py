# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo.tests import BaseCase

from ..tools.css import document_tokens, prune_css

SHEET = (
    '@charset "UTF-8";'
    ":root{--bs-blue:#0d6efd}"
    "@font-face{font-family:Lato;src:url(/web/static/fonts/lato.woff)}"
    "html,body{margin:0}"
    ".row{display:flex}.btn-primary{color:red}"
    ".row>.col-6,.card .col-6{width:50%}"
    "#wrap .row{padding:0}"
    ".mb-0:not(.d-none){margin-bottom:0}"
    ".a:is(.b){color:blue}"
    'a[title="x{y}"]{color:green}'
    "@media (min-width:576px){.row{gap:1px}.btn{gap:2px}}"
    "@media print{.btn{gap:3px}}"
    "@keyframes spin{from{opacity:0}to{opacity:1}}"
)


class TestReportCss(BaseCase):
    def test_prune_keeps_what_the_document_may_use(self):
        classes, ids = document_tokens(
            '<div class="row  mb-0"><div class=\'col-6\' id="x"></div></div>'
        )
        self.assertEqual(classes, {"row", "mb-0", "col-6"})
        self.assertEqual(ids, {"x"})
        self.assertEqual(
            prune_css(SHEET, classes, ids),
            '@charset "UTF-8";'
            ":root{--bs-blue:#0d6efd}"
            "@font-face{font-family:Lato;src:url(/web/static/fonts/lato.woff)}"
            "html,body{margin:0}"
            ".row{display:flex}"
            ".row>.col-6{width:50%}"
            ".mb-0:not(.d-none){margin-bottom:0}"
            ".a:is(.b){color:blue}"
            'a[title="x{y}"]{color:green}'
            "@media (min-width:576px){.row{gap:1px}}",
        )

    def test_prune_of_nothing_used_keeps_the_bare_rules(self):
        self.assertEqual(prune_css(".a{x:1}b{y:2}/* c{z:3} */", frozenset()), "b{y:2}")
