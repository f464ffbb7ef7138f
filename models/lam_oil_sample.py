# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

# In the context while a sample is being created, so that its test items may be
# created with it even when it is created with its result known. An object,
# not a value: no RPC call (JSON) can pass it to unlock a sample.
CREATING_SAMPLE = object()


class LamOilSample(models.Model):
    _name = "lam.oil.sample"
    _description = "Oil Sample and Test"
    _inherit = [
        "lam.customer.record.mixin",
        "lam.equipment.link.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "sample_date desc, id desc"
    _lam_system_fields = ("name",)
    _lam_sequence_field = "name"
    # What a sample says once its result is known: no longer changed.
    _lam_result_fields = (
        "partner_id",
        "equipment_id",
        "product_id",
        "brand",
        "sample_date",
        "test_date",
        "result",
        "line_ids",
        "recommendation",
        "state",
    )

    name = fields.Char(
        string="Reference", required=True, copy=False, readonly=True, default="/"
    )
    partner_id = fields.Many2one(tracking=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    product_id = fields.Many2one(
        "product.product",
        string="Oil Sampled",
        domain=[("lam_is_lubricant", "=", True)],
    )
    brand = fields.Char(
        help="Brand of the oil sampled when it is not one of our products."
    )
    sample_date = fields.Date(
        string="Sampled On", required=True, default=fields.Date.context_today
    )
    test_date = fields.Date(string="Tested On")
    state = fields.Selection(
        [
            ("draft", "Sampled"),
            ("testing", "In Test"),
            ("done", "Result Known"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
    )
    result = fields.Selection(
        [
            ("normal", "Normal"),
            ("attention", "Needs Attention"),
            ("abnormal", "Abnormal"),
        ],
        tracking=True,
    )
    line_ids = fields.One2many(
        "lam.oil.sample.line", "sample_id", string="Test Items", copy=True
    )
    recommendation = fields.Text()

    @api.constrains("sample_date", "test_date")
    def _check_test_date(self):
        for sample in self:
            if sample.test_date and sample.test_date < sample.sample_date:
                raise ValidationError(
                    _(
                        "%(sample)s: the oil cannot be tested (%(test)s) before it was "
                        "sampled (%(sample_date)s).",
                        sample=sample.name,
                        test=sample.test_date,
                        sample_date=sample.sample_date,
                    )
                )

    @api.constrains("state", "result", "line_ids")
    def _check_result_known(self):
        for sample in self.filtered(lambda s: s.state == "done"):
            if not sample.line_ids or not sample.result:
                raise ValidationError(
                    _(
                        "%(sample)s: a result is known once the test items and the "
                        "overall result are filled in.",
                        sample=sample.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") != "/":
                raise UserError(
                    _("The reference of an oil sample is given by the system.")
                )
            vals["name"] = self.env["ir.sequence"].next_by_code("lam.oil.sample") or "/"
        samples = super(
            LamOilSample, self.with_context(lam_creating_sample=CREATING_SAMPLE)
        ).create(vals_list)
        return samples.with_env(self.env)

    def write(self, vals):
        self._lam_check_result_locked(vals)
        return super().write(vals)

    def _lam_check_result_locked(self, vals=None):
        """A sample whose result is known is a record of fact: read-only."""
        if self.env.context.get("lam_creating_sample") is CREATING_SAMPLE:
            return
        if (
            vals is None or set(vals).intersection(self._lam_result_fields)
        ) and "done" in self.mapped("state"):
            raise UserError(
                _(
                    "%(samples)s: the result is known, the sample can no longer be "
                    "changed.",
                    samples=", ".join(
                        self.filtered(lambda sample: sample.state == "done").mapped(
                            "name"
                        )
                    ),
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_result_known(self):
        self._lam_check_result_locked()

    def action_send_to_test(self):
        self.write({"state": "testing"})

    def action_record_result(self):
        for sample in self:
            sample.write(
                {
                    "state": "done",
                    "test_date": sample.test_date or fields.Date.context_today(self),
                }
            )

    def action_cancel(self):
        self.write({"state": "cancel"})
