# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import api, fields, models


class LamOilSampleLine(models.Model):
    _name = "lam.oil.sample.line"
    _description = "Oil Sample Test Item"
    _inherit = ["lam.customer.record.mixin"]
    _order = "sample_id, sequence, id"
    # A test item hangs on its customer through its sample.
    _lam_customer_link = "sample_id"

    sample_id = fields.Many2one(
        "lam.oil.sample", required=True, ondelete="cascade", index=True
    )
    partner_id = fields.Many2one(
        related="sample_id.partner_id",
        store=True,
        precompute=True,
        required=False,
        ondelete="cascade",
    )
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(
        related="sample_id.company_id", store=True, index=True, precompute=True
    )
    name = fields.Char(
        string="Test Item", required=True, help="e.g. kinematic viscosity at 40 °C"
    )
    method = fields.Char(help="Test method or standard, e.g. GB/T 265")
    value = fields.Char(string="Measured Value")
    unit = fields.Char()
    limit = fields.Char(string="Limit / Typical Value")
    conclusion = fields.Selection(
        [("pass", "Pass"), ("warning", "Warning"), ("fail", "Fail")]
    )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.sample_id._lam_check_result_locked()
        return lines

    def write(self, vals):
        self.sample_id._lam_check_result_locked()
        result = super().write(vals)
        if "sample_id" in vals:
            self.sample_id._lam_check_result_locked()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_result_known(self):
        self.sample_id._lam_check_result_locked()
