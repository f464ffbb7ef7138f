# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

"""The customer's visits and communications, and the reports printed from it."""

from odoo import _, fields, models

from .res_partner import ARCHIVE_GROUPS


class ResPartner(models.Model):
    _inherit = "res.partner"

    # --- field work
    lam_visit_ids = fields.One2many(
        "lam.visit", "partner_id", string="Visits", groups=ARCHIVE_GROUPS
    )
    lam_communication_ids = fields.One2many(
        "lam.communication",
        "partner_id",
        string="Communications",
        groups=ARCHIVE_GROUPS,
    )
    lam_visit_count = fields.Integer(
        compute="_compute_lam_work_counts", groups=ARCHIVE_GROUPS
    )
    lam_communication_count = fields.Integer(
        compute="_compute_lam_work_counts", groups=ARCHIVE_GROUPS
    )

    def _compute_lam_work_counts(self):
        counts = {}
        for model, fname in (
            ("lam.visit", "lam_visit_count"),
            ("lam.communication", "lam_communication_count"),
        ):
            groups = self.env[model]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
            counts[fname] = {partner.id: count for partner, count in groups}
        for partner in self:
            for fname, by_partner in counts.items():
                partner[fname] = by_partner.get(partner.id, 0)

    def action_lam_request_senior_visit(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Ask for a Senior Manager's Visit"),
            "res_model": "lam.senior.visit.request",
            "view_mode": "form",
            "target": "new",
            "context": {"default_partner_id": self.id},
        }

    def action_lam_log_communication(self):
        """Log a call, a chat or an email with this customer: a form in a dialog."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Log a Communication"),
            "res_model": "lam.communication",
            "view_mode": "form",
            "views": [
                (
                    self.env.ref(
                        "lubricant_account_manager.lam_communication_view_form_quick"
                    ).id,
                    "form",
                )
            ],
            "target": "new",
            "context": {"default_partner_id": self.id, "default_channel": "phone"},
        }

    def action_lam_open_visits(self):
        return self._lam_open_work("lubricant_account_manager.lam_visit_action")

    def action_lam_open_communications(self):
        return self._lam_open_work("lubricant_account_manager.lam_communication_action")

    def _lam_open_work(self, action_ref):
        """The visits or communications of this customer, by whoever did them."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(action_ref)
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    def action_lam_print_p9(self):
        return self.env.ref("lubricant_account_manager.action_report_p9").report_action(
            self
        )

    def action_lam_print_p7(self):
        return self.env.ref("lubricant_account_manager.action_report_p7").report_action(
            self
        )

    def action_lam_print_p8(self):
        return self.env.ref("lubricant_account_manager.action_report_p8").report_action(
            self
        )

    def action_lam_print_p10(self):
        return self.env.ref(
            "lubricant_account_manager.action_report_p10"
        ).report_action(self)
