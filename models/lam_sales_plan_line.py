# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from ..tools.periods import month_bounds


class LamSalesPlanLine(models.Model):
    """A customer's line of a manager's sales plan: his own purchase plan
    for the month, the target given to him, what he bought."""

    _name = "lam.sales.plan.line"
    _description = "Sales Plan per Customer"
    _inherit = ["lam.customer.record.mixin", "lam.volume.mixin"]
    _lam_volume_fields = ("customer_plan", "target", "actual")
    _order = "manager_plan_id, target desc, id"
    _lam_unique_keys = [("manager_plan_id", "partner_id")]

    manager_plan_id = fields.Many2one(
        "lam.sales.plan.manager",
        string="Manager's Part",
        required=True,
        ondelete="cascade",
        index=True,
    )
    month = fields.Date(related="manager_plan_id.month", store=True)
    company_id = fields.Many2one(
        related="manager_plan_id.company_id", store=True, index=True, precompute=True
    )
    customer_plan = fields.Float(
        string="Customer's Own Plan",
        digits="Lubricant Volume",
        help="What the customer plans to buy in the month, as he told his manager.",
    )
    target = fields.Float(
        digits="Lubricant Volume",
        help="The volume given to this customer, in whole units.",
    )
    actual = fields.Float(
        string="Bought", compute="_compute_actual", digits="Lubricant Volume"
    )
    completion = fields.Float(
        string="Completion (%)", compute="_compute_actual", digits=(5, 1)
    )

    _sql_constraints = [
        (
            "customer_unique",
            "UNIQUE(manager_plan_id, partner_id)",
            "A customer has one line in a manager's part of the sales plan.",
        ),
        (
            "volumes_not_negative",
            "CHECK(target >= 0 AND customer_plan >= 0)",
            "Volumes cannot be negative.",
        ),
    ]

    @api.depends("partner_id", "month", "target")
    def _compute_actual(self):
        """One purchases-service call per month for all the lines of that month."""
        by_month = defaultdict(lambda: self.browse())
        for line in self.filtered(lambda line: line.partner_id and line.month):
            by_month[line.month, line.manager_plan_id.company_id] |= line
        bought = {}
        # as the system: the customers' purchases come from sales orders the user may
        # not read
        Purchases = self.env["lam.purchase.analysis"].sudo()
        for (month, company), lines in by_month.items():
            first, last = month_bounds(month)
            rows = Purchases._lam_purchases(
                first,
                last,
                # as the system: all the purchases of these customers, not only those
                # the user may see
                partners=lines.partner_id.sudo(),
                groupby=("partner",),
                company=company,
            )["rows"]
            for row in rows:
                bought[month, row["partner_id"]] = row["qty"]
        for line in self:
            line.actual = bought.get((line.month, line.partner_id.id), 0.0)
            line.completion = 100.0 * line.actual / line.target if line.target else 0.0

    def _lam_check_customer_access(self):
        """A line is for a customer of the part's manager."""
        result = super()._lam_check_customer_access()
        # as the system: the customers' managers, compared with the part's manager
        strangers = self.sudo().filtered(
            lambda line: line.partner_id.user_id != line.manager_plan_id.user_id
        )
        if strangers:
            raise AccessError(
                _(
                    "%(customers)s: a manager's plan lists his own customers.",
                    customers=", ".join(strangers.partner_id.mapped("name")),
                )
            )
        return result

    def write(self, vals):
        result = super().write(vals)
        if "manager_plan_id" in vals:
            self._lam_check_customer_access()
        return result
