# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from collections import defaultdict

from odoo import api, models

from ..models.lam_receivable import BUCKETS


class ReportP8ReceivablesMixin(models.AbstractModel):
    """P8 应收账款跟踪: per customer, his invoices of the period and every one
    still open, with their sale orders, amount due, due date, days overdue,
    ageing bucket and last collection action, and the totals per bucket."""

    _name = "lam.p8.report.mixin"
    _inherit = ["lam.report.mixin"]
    _description = "P8 Receivables Tracking"

    @api.model
    def _lam_receivables(self, partners, date_from, date_to):
        """{partner id: {"rows": [receivable], "buckets": {bucket: amount due}, "due":
        total, "credit": a credit customer}} in a few queries."""
        # each search fetches its rows in one query, however many: a loop over
        # records would read them a thousand at a time
        Receivable = self.env["lam.receivable"]
        receivables = Receivable.search_fetch(
            [
                ("partner_id", "in", partners.ids),
                "|",
                ("amount_residual", "!=", 0),
                "&",
                ("invoice_date", ">=", date_from),
                ("invoice_date", "<=", date_to),
            ],
            [name for name, field in Receivable._fields.items() if field.store],
            order="partner_id, invoice_date_due, id",
        )
        Action = self.env["lam.collection.action"]
        actions = Action.search_fetch(
            [("receivable_id", "in", receivables.ids)],
            ["receivable_id", "date", "action", "description", "promise_date"],
            order="date, id",
        )
        last_action = {action.receivable_id.id: action for action in actions}
        # the one definition of a credit customer (Art. 13.7, 22.5), one search
        credit = set(
            self.env["res.partner"]
            .search([("id", "in", partners.ids), ("lam_is_credit_customer", "=", True)])
            .ids
        )
        result = defaultdict(
            lambda: {
                "rows": [],
                "buckets": dict.fromkeys(dict(BUCKETS), 0.0),
                "due": 0.0,
                "credit": False,
            }
        )
        for partner_id in credit:
            result[partner_id]["credit"] = True
        for receivable in receivables:
            entry = result[receivable.partner_id.id]
            entry["rows"].append(
                {"receivable": receivable, "action": last_action.get(receivable.id)}
            )
            if receivable.bucket:
                entry["buckets"][receivable.bucket] += receivable.amount_residual
            entry["due"] += receivable.amount_residual
        return result

    @api.model
    def _lam_p8_values(self, docids, data):
        partners = self._lam_report_partners(docids, data)
        date_from, date_to = self._lam_report_period(data)
        return (
            partners,
            date_from,
            date_to,
            self._lam_receivables(partners, date_from, date_to),
        )


class ReportP8Receivables(models.AbstractModel):
    _name = "report.lubricant_account_manager.report_p8_receivables"
    _inherit = ["lam.p8.report.mixin"]
    _description = "P8 Receivables Tracking"

    @api.model
    def _get_report_values(self, docids, data=None):
        partners, date_from, date_to, receivables = self._lam_p8_values(docids, data)
        # several customers: those without an invoice to show are left out,
        # and the first page names them
        printed = partners.filtered(lambda partner: receivables[partner.id]["rows"])
        printed = printed or partners[:1]
        entries = [receivables[partner.id] for partner in printed]
        return {
            "doc_ids": printed.ids,
            "doc_model": "res.partner",
            "docs": printed,
            "left_out": partners - printed,
            "currency": self.env.company.currency_id,
            "grand_total": {
                "invoiced": sum(
                    row["receivable"].amount_total
                    for entry in entries
                    for row in entry["rows"]
                ),
                "buckets": {
                    bucket: sum(entry["buckets"][bucket] for entry in entries)
                    for bucket, _label in BUCKETS
                },
                "due": sum(entry["due"] for entry in entries),
            },
            "date_from": date_from,
            "date_to": date_to,
            "receivables": receivables,
            "buckets": BUCKETS,
        }
