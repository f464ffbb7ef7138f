# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import api, models


class ReportP9ArchiveBasic(models.AbstractModel):
    """P9 客户档案（基本信息）: the customer's basic archive, as PDF."""

    _name = "report.lubricant_account_manager.report_p9_archive_basic"
    _inherit = ["lam.report.mixin"]
    _description = "P9 Customer Archive (Basic)"

    @api.model
    def _get_report_values(self, docids, data=None):
        partners = self._lam_report_partners(docids, data)
        return {
            "doc_ids": partners.ids,
            "doc_model": "res.partner",
            "docs": partners,
            "show_confidential": self._lam_show_confidential(),
        }

    @api.model
    def _lam_show_confidential(self):
        return self.env.user.has_group("lubricant_account_manager.group_lam_user")
