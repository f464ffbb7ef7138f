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
    # a review is dated by the server when it is made (Mark as Reviewed)
    _lam_system_fields = ("date",)

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
                customer=review.partner_id._lam_work_name(),
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
                # as the system: the date of the last review comes from the
                # reviews only; the user may create this one
                customer.sudo().lam_last_review_date = review.day
        return reviews

    @api.model
    def _lam_changes_of(self, partner, exclude=None):
        """What changed in ``partner``'s archive since its last review
        (``exclude``: a review being redone): the fields tracked in the chatter,
        and the equipment, oil usage, samples and key persons added or
        changed."""
        domain = [
            ("mail_message_id.model", "=", "res.partner"),
            ("mail_message_id.res_id", "=", partner.id),
        ]
        last = max(
            (partner.lam_archive_review_ids - (exclude or self.browse())).mapped(
                "date"
            ),
            default=False,
        )
        if last:
            domain.append(("mail_message_id.date", ">", last))
        # as the system: the tracking values of the archive's messages, whoever wrote
        # them
        tracked = self.env["mail.tracking.value"].sudo().search(domain)
        labels = sorted(set(tracked.field_id.mapped("field_description")))
        for model, link, extra, label in (
            ("lam.equipment", "partner_id", [], _("Equipment")),
            ("lam.oil.usage", "partner_id", [], _("Oil Usage")),
            ("lam.oil.sample", "partner_id", [], _("Oil Samples")),
            (
                "res.partner",
                "parent_id",
                [("lam_is_key_person", "=", True)],
                _("Key Persons"),
            ),
        ):
            changed = self.env[model].search_count(
                [
                    (link, "=", partner.id),
                    *extra,
                    *([("write_date", ">", last)] if last else []),
                ]
            )
            if changed:
                labels.append(f"{label}（{changed}）")
        return (
            "、".join(labels)
            if labels
            else _("No archive field changed since the previous review.")
        )
