# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

REVIEW_FIELDS = ("review_comment", "reviewed_by_id", "reviewed_on")


class LamReviewMixin(models.AbstractModel):
    """日报点评 (issue 24): the department manager comments on a manager's
    work log (P1) or plan and summary (P2); the manager is told in his
    Inbox; reviewed and not reviewed are filters. The comment, who and when
    are written by the review only."""

    _name = "lam.review.mixin"
    _description = "Reviewed by the Department Manager"

    review_comment = fields.Text(
        string="Department Manager's Comment", readonly=True, copy=False
    )
    reviewed_by_id = fields.Many2one(
        "res.users", string="Reviewed By", readonly=True, copy=False
    )
    reviewed_on = fields.Datetime(readonly=True, copy=False, index=True)

    def _lam_refuse_review_values(self, vals_list):
        """The review's fields come from the review only: not from a create, a
        copy, an import, a default in the context or a write."""
        if self.env.su:
            return
        given = {fname for vals in vals_list for fname in vals} | {
            key.removeprefix("default_")
            for key in self.env.context
            if key.startswith("default_")
        }
        if given.intersection(REVIEW_FIELDS):
            raise UserError(
                _("A review is written with Comment, by the department manager.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._lam_refuse_review_values(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and any(fname in vals for fname in REVIEW_FIELDS):
            raise UserError(
                _("A review is written with Comment, by the department manager.")
            )
        return super().write(vals)

    def _lam_check_reviewer(self):
        if self.env.su:
            return
        led = self.env.user._lam_led_users(self.user_id)
        for record in self.filtered(lambda record: record.user_id not in led):
            raise AccessError(
                _(
                    "%(record)s: the manager's department manager comments on it.",
                    record=record.display_name,
                )
            )

    def action_lam_review(self):
        """The comment dialog."""
        self._lam_check_reviewer()
        return {
            "type": "ir.actions.act_window",
            "name": _("Comment"),
            "res_model": "lam.review.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_res_model": self._name,
                "default_res_ids": self.ids,
                "default_comment": self[:1].review_comment,
            },
        }

    def _lam_apply_review(self, comment):
        """Keep the comment and tell the manager."""
        self._lam_check_reviewer()
        if not (comment or "").strip():
            raise UserError(_("Write the comment."))
        # as the system: the review fields are the review's; the reviewer was
        # checked above
        self.sudo().write(
            {
                "review_comment": comment,
                "reviewed_by_id": self.env.user.id,
                "reviewed_on": fields.Datetime.now(),
            }
        )
        for record in self:
            # as the system: the department manager reads the log, the manager
            # follows it
            record.sudo().message_post(
                body=Markup("<p>%s</p><p>%s</p>")
                % (
                    _("Comment of %(user)s:", user=self.env.user.name),
                    comment,
                ),
                author_id=self.env.user.partner_id.id,
                partner_ids=record.user_id.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        return True
