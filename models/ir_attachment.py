# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, models
from odoo.exceptions import UserError


class IrAttachment(models.Model):
    """A visit's check-in photo is the proof of the visit: kept as taken,
    neither replaced, renamed, moved nor deleted by a user."""

    _inherit = "ir.attachment"

    def write(self, vals):
        self._lam_check_not_proof()
        return super().write(vals)

    def unlink(self):
        self._lam_check_not_proof()
        return super().unlink()

    def _lam_check_not_proof(self):
        # only a visit's attachment may be its proof: the others (most of the
        # writes) cost no query
        if self.env.su or not any(
            attachment.res_model == "lam.visit" for attachment in self.sudo()
        ):
            return
        # as the system: whether an attachment is a visit's proof, whoever asks
        proofs = (
            self.env["lam.visit"]
            .sudo()
            .search_count([("checkin_photo_id", "in", self.ids)], limit=1)
        )
        if proofs:
            raise UserError(_("A visit's check-in photo is kept as it was taken."))
