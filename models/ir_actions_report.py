# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import re

from markupsafe import Markup

from odoo import models, tools

from ..tools.css import document_tokens, prune_css

REPORT_CSS_LINK_RE = re.compile(
    r'<link[^>]*href="(/web/assets/[^"]*web\.report_assets_common[^"]*\.css)"[^>]*/?>'
)


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _lam_prints_as_one(self, res_ids):
        """Whether a print of ``res_ids`` is one document: a report of the addon
        that keeps no attachment, printing several records."""
        self.ensure_one()
        return bool(
            res_ids
            and len(set(res_ids)) > 1
            and not self.attachment
            and self._lam_is_addon_report()
        )

    def _render_qweb_pdf_prepare_streams(self, report_ref, data, res_ids=None):
        """The addon's PDF of many records comes out of wkhtmltopdf as one
        document and stays one: Odoo would cut it into a PDF per record (for
        attachments the addon does not keep) and join them again, which costs
        more than the rendering on a long print. The report reads its records
        from ``active_ids`` (lam.report.mixin._lam_report_records)."""
        report = self._get_report(report_ref)
        if not report._lam_prints_as_one(res_ids):
            return super()._render_qweb_pdf_prepare_streams(
                report_ref, data, res_ids=res_ids
            )
        ids = list(dict.fromkeys(res_ids))
        data = data or {}
        data = dict(data, context=dict(data.get("context") or {}, active_ids=ids))
        return super(
            IrActionsReport, self.with_context(active_ids=ids)
        )._render_qweb_pdf_prepare_streams(report_ref, data, res_ids=None)

    def _prepare_html(self, html, report_model=False):
        """The header and footer of the addon's reports carry only the rules
        of the report style sheet their markup may use (``tools/css.py``):
        wkhtmltopdf parses both for every page, and the whole sheet doubled
        the time of a long print for the same pixels."""
        bodies, res_ids, header, footer, args = super()._prepare_html(
            html, report_model=report_model
        )
        if len(self) == 1 and self._lam_is_addon_report():
            header = self._lam_light_styles(header)
            footer = self._lam_light_styles(footer)
        return bodies, res_ids, header, footer, args

    def _lam_is_addon_report(self):
        """Whether this is one of the addon's reports: its model inherits
        ``lam.report.mixin``, directly or through another mixin (P7, P8, the
        plans and PSI have their own)."""
        self.ensure_one()
        model = self.pool.get(f"report.{self.report_name}")
        return bool(model) and issubclass(model, self.pool["lam.report.mixin"])

    def _lam_light_styles(self, document):
        """``document`` with the report bundle's ``<link>`` replaced by the
        rules its classes and ids may match; unchanged when the bundle is not
        one stored file (assets in debug mode)."""
        if not document:
            return document
        match = REPORT_CSS_LINK_RE.search(document)
        if not match:
            return document
        classes, ids = document_tokens(document)
        css = self._lam_pruned_css(match.group(1), classes, ids)
        if css is None:
            return document
        result = str(document).replace(match.group(0), f"<style>{css}</style>")
        return Markup(result) if isinstance(document, Markup) else result

    @tools.ormcache("url", "classes", "ids", cache="assets")
    def _lam_pruned_css(self, url, classes, ids):
        bundle = self.env["ir.qweb"]._get_asset_bundle(
            "web.report_assets_common", js=False
        )
        attachment = bundle.css().filtered(lambda a: a.url == url)[:1]
        if not attachment.raw:
            return None
        return prune_css(attachment.raw.decode(), classes, ids)
