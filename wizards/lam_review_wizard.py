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
    res_ids = fields.Json(required=True)
    comment = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        if self.res_model not in REVIEWED_MODELS or not isinstance(self.res_ids, list):
            raise UserError(_("Only a work log or a plan is commented on here."))
        records = self.env[self.res_model].browse(
            [rid for rid in self.res_ids if isinstance(rid, int)]
        )
        records.check_access("read")
        records._lam_apply_review(self.comment)
        return {"type": "ir.actions.act_window_close"}
