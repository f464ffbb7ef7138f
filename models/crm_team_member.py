# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import api, models


class CrmTeamMember(models.Model):
    """A change of membership changes whom a department manager sees: the
    record rules filter on ``res.users.lam_team_user_ids``, and Odoo caches a
    user's rule domains, so the caches are cleared."""

    _inherit = "crm.team.member"

    @api.model_create_multi
    def create(self, vals_list):
        members = super().create(vals_list)
        self.env["res.users"]._lam_teams_changed()
        return members

    def write(self, vals):
        result = super().write(vals)
        if {"user_id", "crm_team_id", "active"} & set(vals):
            self.env["res.users"]._lam_teams_changed()
        return result

    def unlink(self):
        result = super().unlink()
        self.env["res.users"]._lam_teams_changed()
        return result
