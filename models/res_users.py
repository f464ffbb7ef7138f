# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import api, fields, models

MANAGER_CATEGORY_GROUPS = {
    "development": "lubricant_account_manager.group_lam_development",
    "maintenance": "lubricant_account_manager.group_lam_maintenance",
    "channel": "lubricant_account_manager.group_lam_channel",
}


class ResUsers(models.Model):
    _inherit = "res.users"

    lam_manager_category = fields.Selection(
        [
            ("development", "Terminal Development"),
            ("maintenance", "Terminal Maintenance"),
            ("channel", "Distribution Channel"),
        ],
        string="Account Manager Category",
        compute="_compute_lam_manager_category",
        inverse="_inverse_lam_manager_category",
        help="Decides which menus and records of lubricant account management the user gets.",
    )

    @api.depends("groups_id")
    def _compute_lam_manager_category(self):
        groups = {key: self.env.ref(xmlid) for key, xmlid in MANAGER_CATEGORY_GROUPS.items()}
        for user in self:
            user.lam_manager_category = next(
                (key for key, group in groups.items() if group in user.groups_id), False
            )

    def _lam_is_addon_user(self):
        """True for the users of lubricant account management: managers of
        every kind, department managers, finance and administrators."""
        self.ensure_one()
        return self.has_group("lubricant_account_manager.group_lam_user") or self.has_group(
            "lubricant_account_manager.group_lam_finance"
        )

    def _inverse_lam_manager_category(self):
        groups = {key: self.env.ref(xmlid) for key, xmlid in MANAGER_CATEGORY_GROUPS.items()}
        for user in self:
            commands = [(3, group.id) for key, group in groups.items() if key != user.lam_manager_category]
            if user.lam_manager_category:
                commands.append((4, groups[user.lam_manager_category].id))
            user.groups_id = commands
