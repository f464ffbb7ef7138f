# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import api, fields, models


class LamCronProgress(models.Model):
    """Where a scheduled action that works in batches stands between two of
    its batches (each its own transaction): one row per action. Kept in a
    table of the addon, not in ``ir.config_parameter``, whose every write
    clears the caches of every worker."""

    _name = "lam.cron.progress"
    _description = "Scheduled Action Progress"

    name = fields.Char(required=True, readonly=True)
    state = fields.Json(readonly=True)

    _sql_constraints = [
        ("name_unique", "UNIQUE(name)", "One progress row per scheduled action."),
    ]

    @api.model
    def _lam_get(self, name):
        """The state the run ``name`` left, or an empty dict between runs."""
        # as the system: progress rows are the scheduled actions', read by none else
        return self.sudo().search([("name", "=", name)], limit=1).state or {}

    @api.model
    def _lam_set(self, name, state):
        """Keep ``state`` for the next batch of run ``name`` (an empty one ends
        the run)."""
        # the scheduler's own bookkeeping: no user works on these rows
        row = self.sudo().search([("name", "=", name)], limit=1)
        if row:
            row.state = state or False
        elif state:
            row.create({"name": name, "state": state})
