# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, fields, models
from odoo.exceptions import UserError

REVIEWED_MODELS = ("lam.work.log", "lam.plan")


class LamReviewWizard(models.TransientModel):
    _name = "lam.review.wizard"
    _inherit = ["lam.validated.mixin"]
    _description = "Comment on a Work Log or Summary"

    res_model = fields.Char(required=True)
    res_ids = fields.Json()  # checked by the confirmation: an empty list is null
    comment = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        ids = self.res_ids
        if (
            self.res_model not in REVIEWED_MODELS
            or not isinstance(ids, list)
            or not ids
            or not all(type(rid) is int for rid in ids)  # noqa: E721 (not a bool)
        ):
            raise UserError(_("Only a work log or a plan is commented on here."))
        records = self.env[self.res_model].browse(ids)
        if len(records.exists()) != len(set(ids)):
            raise UserError(_("Only a work log or a plan is commented on here."))
        records.check_access("read")
        records._lam_apply_review(self.comment)
        return {"type": "ir.actions.act_window_close"}
