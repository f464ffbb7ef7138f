# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import models


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
            and f"report.{self.report_name}"
            in self.env["lam.report.mixin"]._inherit_children
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
