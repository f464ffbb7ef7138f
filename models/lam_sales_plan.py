# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError


class LamSalesPlan(models.Model):
    """月度销售计划 (Art. 13.1, 22.3): the company's target for a month, split
    by the department manager into one part per account manager, each part
    broken down per customer by the manager before the due day of the
    previous month (a setting, the 28th)."""

    _name = "lam.sales.plan"
    _description = "Monthly Sales Plan"
    _inherit = [
        "lam.validated.mixin",
        "lam.month.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "lam.volume.mixin",
    ]
    _lam_volume_fields = ("target_volume", "allocated_volume", "unallocated_volume")
    _order = "month desc, id desc"

    month = fields.Date(tracking=True, help="Any day of the month planned.")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    target_volume = fields.Float(
        digits="Lubricant Volume",
        tracking=True,
        help="The company's target for the month, in the reference unit.",
    )
    target_amount = fields.Monetary(tracking=True)
    manager_ids = fields.One2many(
        "lam.sales.plan.manager", "plan_id", string="Managers' Parts"
    )
    allocated_volume = fields.Float(
        string="Given to Managers",
        compute="_compute_allocated",
        digits="Lubricant Volume",
    )
    unallocated_volume = fields.Float(
        string="Still to Give", compute="_compute_allocated", digits="Lubricant Volume"
    )
    due_date = fields.Date(
        string="Breakdown Due",
        compute="_compute_due_date",
        store=True,
        help="The managers break their part down per customer by this day of the "
        "previous month.",
    )

    _sql_constraints = [
        (
            "one_plan_per_month",
            "UNIQUE(company_id, month)",
            "A company has one sales plan a month.",
        ),
        (
            "target_not_negative",
            "CHECK(target_volume >= 0 AND target_amount >= 0)",
            "A target cannot be negative.",
        ),
    ]

    @api.depends("month", "company_id.lam_sales_plan_due_day")
    def _compute_due_date(self):
        for plan in self:
            # relativedelta's day stops at the month's last day
            plan.due_date = plan.month and plan.month + relativedelta(
                months=-1, day=plan.company_id.lam_sales_plan_due_day or 28
            )

    @api.depends("target_volume", "manager_ids.target_volume")
    def _compute_allocated(self):
        for plan in self:
            plan.allocated_volume = sum(plan.manager_ids.mapped("target_volume"))
            plan.unallocated_volume = plan.target_volume - plan.allocated_volume

    @api.depends("month")
    def _compute_display_name(self):
        for plan in self:
            plan.display_name = _(
                "Sales plan %(month)s",
                month=plan.month and plan.month.strftime("%Y-%m") or "",
            )

    def action_add_managers(self):
        """A part for each account manager the user leads (all of them for an
        administrator)."""
        self.check_access("write")
        managers = self.env.user._lam_reportable_managers().filtered(
            lambda user: user.has_group("lubricant_account_manager.group_lam_user")
            and not user.has_group(
                "lubricant_account_manager.group_lam_department_manager"
            )
        )
        for plan in self:
            missing = managers - plan.manager_ids.user_id
            plan.manager_ids = [(0, 0, {"user_id": user.id}) for user in missing]
        return True

    def _lam_check_planner(self):
        if not (
            self.env.su
            or self.env.user.has_group(
                "lubricant_account_manager.group_lam_department_manager"
            )
        ):
            raise AccessError(
                _("The department manager sets the targets of the sales plan.")
            )

    @api.constrains("target_volume")
    def _check_allocation(self):
        for plan in self:
            if plan.allocated_volume > plan.target_volume + 0.001:
                raise ValidationError(
                    _(
                        "The managers' parts (%(parts)s) exceed the company's target "
                        "(%(target)s).",
                        parts=plan.allocated_volume,
                        target=plan.target_volume,
                    )
                )
