# Copyright 2026 Lubricant Account Manager developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

from odoo import api, fields, models


class LamOilSample(models.Model):
    _name = "lam.oil.sample"
    _description = "Oil Sample and Test"
    _inherit = ["lam.customer.record.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "sample_date desc, id desc"

    name = fields.Char(string="Reference", required=True, copy=False, readonly=True, default="/")
    partner_id = fields.Many2one(tracking=True)
    equipment_id = fields.Many2one(
        "lam.equipment", string="Equipment", domain="[('partner_id', '=', partner_id)]"
    )
    product_id = fields.Many2one("product.product", string="Oil Sampled")
    brand = fields.Char(help="Brand of the oil sampled when it is not one of our products.")
    sample_date = fields.Date(string="Sampled On", required=True, default=fields.Date.context_today)
    test_date = fields.Date(string="Tested On")
    state = fields.Selection(
        [("draft", "Sampled"), ("testing", "In Test"), ("done", "Result Known"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
    )
    result = fields.Selection(
        [("normal", "Normal"), ("attention", "Needs Attention"), ("abnormal", "Abnormal")],
        tracking=True,
    )
    line_ids = fields.One2many("lam.oil.sample.line", "sample_id", string="Test Items", copy=True)
    recommendation = fields.Text()

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("lam.oil.sample") or "/"
        return super().create(vals_list)

    def action_send_to_test(self):
        self.write({"state": "testing"})

    def action_record_result(self):
        self.write({"state": "done", "test_date": fields.Date.context_today(self)})

    def action_cancel(self):
        self.write({"state": "cancel"})


class LamOilSampleLine(models.Model):
    _name = "lam.oil.sample.line"
    _description = "Oil Sample Test Item"
    _order = "sample_id, sequence, id"

    sample_id = fields.Many2one("lam.oil.sample", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Test Item", required=True, help="e.g. kinematic viscosity at 40 °C")
    method = fields.Char(help="Test method or standard, e.g. GB/T 265")
    value = fields.Char(string="Measured Value")
    unit = fields.Char()
    limit = fields.Char(string="Limit / Typical Value")
    conclusion = fields.Selection([("pass", "Pass"), ("warning", "Warning"), ("fail", "Fail")])
