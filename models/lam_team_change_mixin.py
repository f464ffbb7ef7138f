# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import api, models


class LamTeamChangeMixin(models.AbstractModel):
    """Records whose changes change whom a department manager sees
    (``res.users.lam_team_user_ids``): creating, deleting, or writing one of
    ``_lam_team_fields`` clears the caches that hold it."""

    _name = "lam.team.change.mixin"
    _description = "Team Change Watcher"
    _lam_team_fields = frozenset()

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        self.env["res.users"]._lam_teams_changed()
        return records

    def write(self, vals):
        result = super().write(vals)
        if self._lam_team_fields & set(vals):
            self.env["res.users"]._lam_teams_changed()
        return result

    def unlink(self):
        result = super().unlink()
        self.env["res.users"]._lam_teams_changed()
        return result
