# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, api, fields, models


class LamArchiveReview(models.Model):
    """One review of a customer's archive (Art. 12.3, 21.4): who tidied it,
    when, and what changed since the previous review. Weekly counts per
    manager and review cadences per customer are counted on these."""

    _name = "lam.archive.review"
    _description = "Customer Archive Review"
    _inherit = ["lam.work.record.mixin"]
    _order = "date desc, id desc"

    user_id = fields.Many2one(string="Reviewed By")
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    day = fields.Date(compute="_compute_day", store=True, index=True)
    updated = fields.Text(string="What Was Updated")

    @api.depends("date", "user_id.tz")
    def _compute_day(self):
        for review in self:
            review.day = (
                review.date
                and fields.Datetime.context_timestamp(
                    review.with_context(tz=review.user_id.tz or "UTC"), review.date
                ).date()
            )

    @api.depends("partner_id", "day")
    def _compute_display_name(self):
        for review in self:
            review.display_name = _(
                "Review of %(customer)s, %(date)s",
                customer=review.partner_id.name or "",
                date=review.day or "",
            )

    @api.model_create_multi
    def create(self, vals_list):
        reviews = super().create(vals_list)
        for review in reviews:
            customer = review.partner_id
            if (
                not customer.lam_last_review_date
                or customer.lam_last_review_date < review.day
            ):
                customer.lam_last_review_date = review.day
        return reviews
