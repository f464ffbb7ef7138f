# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, api, fields, models
from odoo.tools.i18n import format_list

from ..tools.dedup import duplicate_groups


class LamDuplicateGroup(models.TransientModel):
    """Customers that are possibly one (issue 24, going live from Excel):
    the same registration code, the same name once normalised, or the same
    phone. Listed for the administrator, who merges them with Odoo's merge
    wizard (the addon's records follow the surviving customer)."""

    _name = "lam.duplicate.group"
    _description = "Customers Possibly Duplicated"
    _order = "partner_count desc, id"

    partner_ids = fields.Many2many("res.partner", string="Customers", readonly=True)
    partner_count = fields.Integer(string="Customers in the Group", readonly=True)
    reasons = fields.Char(string="Same", readonly=True)

    @api.model
    def action_lam_find(self):
        """Find the groups among the lubricant customers the user reads, in
        one query, and list them."""
        customers = self.env["res.partner"].search_read(
            [("is_company", "=", True), ("lam_customer_kind", "!=", False)],
            ["name", "lam_uscc", "phone", "mobile"],
            order="id",
        )
        labels = {
            "uscc": _("Registration Code"),
            "name": _("Company Name"),
            "phone": _("Phone"),
        }
        groups = self.create(
            [
                {
                    "partner_ids": [fields.Command.set(ids)],
                    "partner_count": len(ids),
                    "reasons": format_list(self.env, [labels[kind] for kind in kinds]),
                }
                for ids, kinds in duplicate_groups(
                    [
                        (
                            row["id"],
                            row["name"],
                            row["lam_uscc"],
                            (row["phone"], row["mobile"]),
                        )
                        for row in customers
                    ]
                )
            ]
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "lubricant_account_manager.lam_duplicate_group_action"
        )
        action["domain"] = [("id", "in", groups.ids)]
        return action

    def action_lam_merge(self):
        """Odoo's merge wizard, with the group's customers."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Merge Customers"),
            "res_model": "base.partner.merge.automatic.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "active_model": "res.partner",
                "active_ids": self.partner_ids.ids,
            },
        }
