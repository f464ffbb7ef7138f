# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class LamAbcPinWizard(models.TransientModel):
    """An administrator pins a customer's grade in the current company, with
    a reason and until a date; the computed grade stays visible beside it."""

    _name = "lam.abc.pin.wizard"
    _description = "Pin an ABC Grade"
    _inherit = ["lam.validated.mixin"]

    partner_ids = fields.Many2many("res.partner", string="Customers", required=True)
    grade = fields.Selection([("a", "A"), ("b", "B"), ("c", "C")], required=True)
    reason = fields.Text(
        required=True, help="Why the computed grade does not fit this customer."
    )
    date_until = fields.Date(
        string="Until",
        required=True,
        help="The pin holds until this day; the next grading after it restores the "
        "computed grade.",
    )

    @api.model
    def default_get(self, fields_list):
        self.env.user._lam_check_admin()
        values = super().default_get(fields_list)
        if self.env.context.get(
            "active_model"
        ) == "res.partner" and self.env.context.get("active_ids"):
            values["partner_ids"] = [(6, 0, self.env.context["active_ids"])]
        return values

    @api.model_create_multi
    def create(self, vals_list):
        self.env.user._lam_check_admin()
        return super().create(vals_list)

    @api.constrains("date_until")
    def _check_date_until(self):
        for wizard in self:
            if wizard.date_until < fields.Date.context_today(self):
                raise ValidationError(_("A pin holds until today or a later day."))

    def action_pin(self):
        self.ensure_one()
        self.env.user._lam_check_admin()
        customers = self.partner_ids.filtered(
            lambda partner: partner.is_company and partner.lam_customer_kind
        )
        if not customers:
            raise ValidationError(_("Choose lubricant customers to pin."))
        # as the system: grades are written by the grading only; create() checked the
        # lam admin
        self.env["lam.abc.grading"].sudo()._lam_pin(
            customers, self.grade, self.reason.strip(), self.date_until
        )
        return {"type": "ir.actions.act_window_close"}
