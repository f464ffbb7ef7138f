# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, api, fields, models


class LamPurchaseCheck(models.Model):
    """The day's check of the customers' purchases and stocks (Art. 20.2:
    检查客户的购进与库存跟踪表一次, and record it): one per manager and day,
    recorded by the *Checked* button of P7's list, counted by the scorecard.
    Only the button records it: the manager and the day are the user and
    today, whatever is sent."""

    _name = "lam.purchase.check"
    _description = "Daily Purchase Tracking Check"
    _inherit = ["lam.validated.mixin"]
    _order = "date desc, id desc"
    _sql_constraints = [
        (
            "one_a_day",
            "UNIQUE(user_id, date)",
            "The purchases are checked once a day.",
        ),
    ]

    user_id = fields.Many2one(
        "res.users",
        string="Account Manager",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
    )
    date = fields.Date(required=True, readonly=True, index=True)
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True
    )
    checked_at = fields.Datetime(required=True, readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        """The user's check of today, in his company: nothing else is taken
        from ``vals_list`` (the system, recording past checks, gives them)."""
        today = fields.Date.context_today(self)
        now = fields.Datetime.now()
        vals_list = [
            {
                "user_id": self.env.uid,
                "date": today,
                "company_id": self.env.company.id,
                "checked_at": now,
                **(vals if self.env.su else {}),
            }
            for vals in vals_list
        ]
        return super().create(vals_list)

    @api.depends("user_id", "date")
    def _compute_display_name(self):
        for check in self:
            check.display_name = _(
                "Purchases checked by %(user)s on %(date)s",
                user=check.user_id.name or "",
                date=check.date or "",
            )

    @api.model
    def _lam_check_today(self):
        """Record the user's check of today, once; return it."""
        today = fields.Date.context_today(self)
        check = self.search(
            [("user_id", "=", self.env.uid), ("date", "=", today)], limit=1
        )
        return check or self.create({})
