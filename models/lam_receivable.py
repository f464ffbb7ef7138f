# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, api, fields, models

# Ageing buckets (Art. 13.7): days overdue up to each bound.
BUCKETS = [
    ("current", "Not Due"),
    ("0_30", "0-30 Days"),
    ("31_60", "31-60 Days"),
    ("61_90", "61-90 Days"),
    ("90_plus", "Over 90 Days"),
]


# the last day overdue of each bucket but the last
BUCKET_BOUNDS = ((30, "0_30"), (60, "31_60"), (90, "61_90"))
LAST_BUCKET = "90_plus"


def ageing_bucket(days_overdue):
    """The ageing bucket of a receivable ``days_overdue`` days past due (negative: not
    due)."""
    if days_overdue <= 0:
        return "current"
    for bound, bucket in BUCKET_BOUNDS:
        if days_overdue <= bound:
            return bucket
    return LAST_BUCKET


def overdue_ranges():
    """(bucket, first day overdue, last day overdue or None) of each bucket past
    due, in order."""
    ranges, first = [], 1
    for bound, bucket in BUCKET_BOUNDS:
        ranges.append((bucket, first, bound))
        first = bound + 1
    return [*ranges, (LAST_BUCKET, first, None)]


class LamReceivable(models.Model):
    """应收账款跟踪 (P8, Art. 13.7, 22.5): each posted customer invoice or
    credit note of a lubricant customer, the sale orders it comes from (through
    its lines), what is left to pay, its due date, and the customer's account
    manager (not the invoice's salesperson), on whom the rules filter. Days
    overdue and the ageing bucket count from today in the user's time zone."""

    _name = "lam.receivable"
    _description = "Receivable"
    _auto = False
    _order = "invoice_date_due, id"
    _rec_name = "name"

    move_id = fields.Many2one("account.move", string="Invoice", readonly=True)
    name = fields.Char(string="Number", readonly=True)
    move_type = fields.Selection(
        [("out_invoice", "Invoice"), ("out_refund", "Credit Note")],
        string="Type",
        readonly=True,
    )
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    account_manager_id = fields.Many2one(
        "res.users", string="Account Manager", readonly=True
    )
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    invoice_date = fields.Date(readonly=True)
    invoice_date_due = fields.Date(string="Due Date", readonly=True)
    amount_total = fields.Monetary(string="Total", readonly=True)
    amount_residual = fields.Monetary(string="Amount Due", readonly=True)
    payment_state = fields.Selection(
        [
            ("not_paid", "Not Paid"),
            ("in_payment", "In Payment"),
            ("paid", "Paid"),
            ("partial", "Partially Paid"),
            ("reversed", "Reversed"),
        ],
        string="Payment",
        readonly=True,
    )
    order_names = fields.Char(string="Sale Orders", readonly=True)
    order_id = fields.Many2one("sale.order", string="First Sale Order", readonly=True)
    days_overdue = fields.Integer(compute="_compute_ageing")
    bucket = fields.Selection(BUCKETS, compute="_compute_ageing", string="Ageing")
    collection_ids = fields.One2many(
        "lam.collection.action", "receivable_id", string="Collection Actions"
    )

    @property
    def _table_query(self):
        return """
            SELECT m.id, m.id AS move_id, m.name, m.move_type, m.commercial_partner_id
                AS partner_id,
                   p.user_id AS account_manager_id, m.company_id, m.currency_id,
                       m.invoice_date,
                   m.invoice_date_due,
                   CASE WHEN m.move_type = 'out_refund' THEN -m.amount_total ELSE
                       m.amount_total END AS amount_total,
                   CASE WHEN m.move_type = 'out_refund' THEN -m.amount_residual ELSE
                       m.amount_residual END
                       AS amount_residual,
                   m.payment_state, orders.names AS order_names, orders.first_id AS
                       order_id
              FROM account_move m
              JOIN res_partner p ON p.id = m.commercial_partner_id
              LEFT JOIN LATERAL (
                    SELECT string_agg(DISTINCT so.name, ', ') AS names, MIN(so.id) AS
                        first_id
                      FROM account_move_line aml
                      JOIN sale_order_line_invoice_rel rel ON rel.invoice_line_id =
                          aml.id
                      JOIN sale_order_line sol ON sol.id = rel.order_line_id
                      JOIN sale_order so ON so.id = sol.order_id
                     WHERE aml.move_id = m.id
              ) orders ON TRUE
             WHERE m.state = 'posted' AND m.move_type IN ('out_invoice', 'out_refund')
               AND p.lam_customer_kind IS NOT NULL
        """

    @api.depends("invoice_date_due", "amount_residual")
    @api.depends_context("tz")
    def _compute_ageing(self):
        today = fields.Date.context_today(self)
        for receivable in self:
            due = receivable.invoice_date_due or receivable.invoice_date
            days = (today - due).days if due and receivable.amount_residual > 0 else 0
            receivable.days_overdue = max(days, 0)
            # paid: nothing to age
            receivable.bucket = (
                ageing_bucket(days) if receivable.amount_residual > 0 else False
            )

    @api.model
    def _cron_collection_activities(self):
        """Daily: each invoice past due by more than the company's grace gives
        its customer's manager one collection activity (Art. 13.7), closed once
        the invoice is paid or a payment is promised (a collection action with a
        promised date not passed yet), opened again when that date passes. A
        few grouped queries and batch writes, whatever the number of invoices."""
        today = fields.Date.context_today(self)
        # as the system: every company's invoices, for their managers
        overdue = self.sudo().search(
            [
                ("move_type", "=", "out_invoice"),
                ("amount_residual", ">", 0),
                ("invoice_date_due", "<", today),
                ("account_manager_id", "!=", False),
            ]
        )
        overdue = overdue.filtered(
            lambda receivable: (today - receivable.invoice_date_due).days
            > receivable.company_id.lam_collection_grace_days
        )
        promised = {
            receivable.id
            for [receivable] in self.env["lam.collection.action"]
            .sudo()
            ._read_group(
                [("receivable_id", "in", overdue.ids), ("promise_date", ">=", today)],
                ["receivable_id"],
            )
        }
        to_collect = overdue.filtered(lambda receivable: receivable.id not in promised)
        Activity = self.env["mail.activity"].sudo()
        open_activities = Activity.search([("lam_collection_move_id", "!=", False)])
        to_collect_ids = set(to_collect.ids)
        collected = open_activities.filtered(
            lambda activity: activity.lam_collection_move_id.id not in to_collect_ids
        )
        covered = set((open_activities - collected).lam_collection_move_id.ids)
        if collected:
            collected.action_feedback(feedback=_("Paid, or a payment promised."))
        activity_type = self.env.ref(
            "lubricant_account_manager.mail_activity_type_lam_collection"
        )
        partner_model = self.env["ir.model"]._get_id("res.partner")
        new = to_collect.filtered(lambda receivable: receivable.id not in covered)
        Activity._lam_create_bulk(
            [
                {
                    "res_model_id": partner_model,
                    "res_id": receivable.partner_id.id,
                    "activity_type_id": activity_type.id,
                    "user_id": receivable.account_manager_id.id,
                    "date_deadline": today,
                    "summary": self.with_context(
                        lang=receivable.account_manager_id.lang or self.env.lang
                    ).env._(
                        "Collect %(invoice)s: %(amount)s, due on %(due)s",
                        invoice=receivable.name,
                        amount=receivable.currency_id.format(
                            receivable.amount_residual
                        ),
                        due=receivable.invoice_date_due,
                    ),
                    "lam_collection_move_id": receivable.move_id.id,
                }
                for receivable in new
            ]
        )
