# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import api, models

#: the fields of a team that decide whom its leader sees (res.users.lam_team_user_ids)
LEADERSHIP_FIELDS = {"user_id", "active", "crm_team_member_ids", "member_ids"}


class CrmTeam(models.Model):
    """A new leader, or a team archived, changes whom a department manager
    sees (``res.users.lam_team_user_ids``): the caches that hold it are
    cleared."""

    _inherit = "crm.team"

    @api.model_create_multi
    def create(self, vals_list):
        teams = super().create(vals_list)
        self.env["res.users"]._lam_teams_changed()
        return teams

    def write(self, vals):
        result = super().write(vals)
        if LEADERSHIP_FIELDS & set(vals):
            self.env["res.users"]._lam_teams_changed()
        return result

    def unlink(self):
        result = super().unlink()
        self.env["res.users"]._lam_teams_changed()
        return result
