# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from collections import defaultdict

from odoo import api, fields, models


class MailActivity(models.Model):
    _inherit = "mail.activity"

    lam_cadence_rule_id = fields.Many2one(
        "lam.cadence.rule",
        string="Cadence Rule",
        index="btree_not_null",
        ondelete="set null",
        readonly=True,
        help="The contact cadence that scheduled this activity: one open activity per "
        "customer and rule.",
    )
    lam_cadence_feedback = fields.Char(string="Cadence Feedback", readonly=True)
    lam_psi_month = fields.Date(
        string="PSI Month Missing",
        index="btree_not_null",
        readonly=True,
        help="The month whose stock report (PSI) this reminder asks the dealer for: "
        "one open reminder per dealer and month.",
    )
    lam_collection_move_id = fields.Many2one(
        "account.move",
        string="Invoice to Collect",
        index="btree_not_null",
        ondelete="cascade",
        readonly=True,
        help="The invoice past due this collection activity is for: one open "
        "activity per invoice.",
    )

    lam_coverage_signature = fields.Char(
        string="Coverage Recommended On",
        index="btree_not_null",
        readonly=True,
        help="The customer's equipment coverage (units on our products / units) this "
        "full-range recommendation is for: one per customer, closed when the coverage "
        "changes; done with the reason why not, it is not asked again for the same "
        "coverage.",
    )

    @api.model
    def _lam_create_on_customers(self, vals_list):
        """Create the scheduled actions' activities on customers for their
        managers, without a mail each: each manager follows his customers,
        subscribed here once per customer (Odoo would subscribe a customer twice
        when he gets two activities at once)."""
        by_user = defaultdict(set)
        for values in vals_list:
            by_user[values["user_id"]].add(values["res_id"])
        for user_id, partner_ids in by_user.items():
            self.env["res.partner"].browse(sorted(partner_ids)).message_subscribe(
                partner_ids=self.env["res.users"].browse(user_id).partner_id.ids
            )
        return self.with_context(mail_activity_quick_update=True).create(vals_list)
