# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.tools import SQL

from ..tools.periods import month_bounds


class LamPurchaseDrop(models.Model):
    """A customer whose purchases dropped (Art. 13.2): one row per customer
    and company, replaced by the scheduled action, saying which rule fired
    with its figures. The recent window (a setting, 3 months) is compared
    with the same months last year; without purchases then, with the
    monthly average of the 12 months before the window."""

    _name = "lam.purchase.drop"
    _description = "Purchase Drop"
    _inherit = ["lam.volume.mixin"]
    _order = "share, id"
    _rec_name = "partner_id"
    _lam_volume_fields = ("recent_qty", "baseline_qty")

    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, ondelete="cascade", index=True
    )
    user_id = fields.Many2one(
        related="partner_id.user_id",
        store=True,
        index=True,
        string="Account Manager",
        help="The customer's manager: his rules follow the customer.",
    )
    rule = fields.Selection(
        [
            ("last_year", "Same Months Last Year"),
            ("average", "Average of the Year Before"),
        ],
        required=True,
    )
    date_from = fields.Date(string="Window From", required=True)
    date_to = fields.Date(string="Window To", required=True)
    recent_qty = fields.Float(string="Bought in the Window", digits="Lubricant Volume")
    baseline_qty = fields.Float(string="Baseline", digits="Lubricant Volume")
    share = fields.Float(string="Share of the Baseline (%)", digits=(5, 1))
    note = fields.Char(compute="_compute_note", string="Why")

    _sql_constraints = [
        (
            "one_per_customer",
            "UNIQUE(partner_id, company_id)",
            "One drop per customer and company.",
        )
    ]

    @api.depends("rule", "recent_qty", "baseline_qty", "share", "date_from", "date_to")
    def _compute_note(self):
        rules = dict(self._fields["rule"]._description_selection(self.env))
        for drop in self:
            drop.note = _(
                "%(from)s to %(to)s: %(recent)s bought, %(share)s %% of %(baseline)s "
                "(%(rule)s)",
                **{
                    "from": drop.date_from,
                    "to": drop.date_to,
                    "recent": round(drop.recent_qty, 1),
                    "share": round(drop.share, 1),
                    "baseline": round(drop.baseline_qty, 1),
                    "rule": rules.get(drop.rule, ""),
                },
            )

    # --- detection
    @api.model
    def _lam_window(self, company, today):
        """(first day, last day) of the recent window: the last complete months."""
        first_of_month = month_bounds(today)[0]
        return first_of_month - relativedelta(
            months=company.lam_drop_window_months
        ), first_of_month - relativedelta(days=1)

    @api.model
    def _lam_detect(self, company, today=None):
        """{partner id: values of its drop} for the customers of ``company``
        whose purchases dropped: one statement over two years."""
        today = today or fields.Date.context_today(self)
        months = company.lam_drop_window_months
        date_from, date_to = self._lam_window(company, today)
        history_from = date_from - relativedelta(months=12 + months)
        customers = (
            self.env["res.partner"]
            # as the system: a scheduled action over every company's customers
            .sudo()
            .search(
                [
                    ("is_company", "=", True),
                    ("lam_customer_kind", "in", ("terminal", "dealer")),
                    ("user_id", "!=", False),
                    "|",
                    ("company_id", "=", False),
                    ("company_id", "=", company.id),
                ]
            )
        )
        last_year_from, last_year_to = (
            date_from - relativedelta(years=1),
            date_to - relativedelta(years=1),
        )
        year_before = date_from - relativedelta(months=12)
        # the customer's three sums aggregated in SQL from his months: the
        # purchases service's statement by customer and month, one row per
        # customer back (57,000 months at 10,000 customers came to Python)
        purchases = (
            self.env["lam.purchase.analysis"]
            # as the system: purchases come from sales orders of every manager
            .sudo()
            ._lam_purchase_groups_query(
                history_from,
                date_to,
                customers,
                "month",
                company,
                groupby=("partner", "month"),
            )
        )
        if purchases is None:
            return {}
        sums = self.env.execute_query(
            SQL(
                """
                SELECT partner_id,
                       COALESCE(SUM(volume) FILTER (
                           WHERE period BETWEEN %(from)s AND %(to)s), 0)::float8,
                       COALESCE(SUM(volume) FILTER (
                           WHERE period BETWEEN %(ly_from)s AND %(ly_to)s), 0)::float8,
                       COALESCE(SUM(volume) FILTER (
                           WHERE period >= %(year_before)s AND period < %(from)s),
                           0)::float8
                  FROM (%(purchases)s) purchases
                 WHERE convertible
                 GROUP BY partner_id
                """,
                purchases=purchases,
                ly_from=last_year_from,
                ly_to=last_year_to,
                year_before=year_before,
                **{"from": date_from, "to": date_to},
            )
        )
        share = company.lam_drop_share / 100.0
        drops = {}
        for partner_id, recent, last_year, bought in sums:
            if last_year > 0:
                rule, baseline = "last_year", last_year
            else:
                rule, baseline = "average", bought / 12.0 * months
            if baseline > 0 and recent < share * baseline:
                drops[partner_id] = {
                    "rule": rule,
                    "recent_qty": recent,
                    "baseline_qty": baseline,
                    "share": 100.0 * recent / baseline,
                    "date_from": date_from,
                    "date_to": date_to,
                }
        return drops

    @api.model
    def _cron_detect_drops(self):
        """Flag the customers whose purchases dropped, unflag the others, and
        give the manager one "analyse the cause" activity per flagged customer."""
        for company in self.env["res.company"].search([]):
            self._lam_refresh(company)

    @api.model
    def _lam_refresh(self, company, today=None):
        drops = self._lam_detect(company, today)
        managers = {
            partner.id: partner.user_id.id
            for partner in self.env["res.partner"]
            # as the system: the customers' managers, for the activities the action
            # schedules (one query, however many)
            .sudo()
            .search_fetch([("id", "in", list(drops))], ["user_id"])
        }
        self.env.cr.execute(
            SQL("DELETE FROM lam_purchase_drop WHERE company_id = %s", company.id)
        )
        if drops:
            self.env.cr.execute(
                SQL(
                    """INSERT INTO lam_purchase_drop (partner_id, company_id, user_id,
                        rule, date_from, date_to,
                                                  recent_qty, baseline_qty, share,
                                                      create_uid, create_date,
                                                  write_uid, write_date)
                   SELECT * FROM unnest(%s::int[], %s::int[], %s::int[], %s::varchar[],
                       %s::date[], %s::date[],
                                        %s::float8[], %s::float8[], %s::float8[]) AS t,
                                 (VALUES (%s, NOW() AT TIME ZONE 'UTC', %s, NOW() AT
                                     TIME ZONE 'UTC')) AS meta""",
                    list(drops),
                    [company.id] * len(drops),
                    [managers.get(pid) for pid in drops],
                    [d["rule"] for d in drops.values()],
                    [d["date_from"] for d in drops.values()],
                    [d["date_to"] for d in drops.values()],
                    [d["recent_qty"] for d in drops.values()],
                    [d["baseline_qty"] for d in drops.values()],
                    [d["share"] for d in drops.values()],
                    self.env.uid,
                    self.env.uid,
                )
            )
        self.invalidate_model()
        self._lam_schedule_activities(company, drops, managers)
        return drops

    @api.model
    def _lam_schedule_activities(self, company, drops, managers):
        """One open "analyse the cause" activity per flagged customer, none
        twice, inserted together (``mail.activity._lam_create_bulk``),
        each summary in its manager's language."""
        activity_type = self.env.ref(
            "lubricant_account_manager.mail_activity_type_lam_purchase_drop"
        )
        # as the system: activities are scheduled for the customers' managers, not the
        # caller
        Activity = self.env["mail.activity"].sudo()
        open_ones = Activity.search_fetch(
            [
                ("activity_type_id", "=", activity_type.id),
                ("res_model", "=", "res.partner"),
                ("res_id", "in", list(drops)),
            ],
            ["res_id"],
        )
        waiting = set(drops) - set(open_ones.mapped("res_id"))
        users = self.env["res.users"].browse(
            {managers[partner_id] for partner_id in waiting if managers.get(partner_id)}
        )
        languages = dict(zip(users.ids, users.mapped("lang"), strict=True))
        summaries = {
            lang: self.with_context(lang=lang).env._(
                "Purchases dropped to %(share)s %% of %(baseline)s: analyse the cause"
            )
            for lang in set(languages.values())
        }
        model_id = self.env["ir.model"]._get_id("res.partner")
        deadline = activity_type._get_date_deadline()
        Activity._lam_create_bulk(
            [
                {
                    "res_model_id": model_id,
                    "res_id": partner_id,
                    "activity_type_id": activity_type.id,
                    "user_id": managers[partner_id],
                    "date_deadline": deadline,
                    "summary": summaries[languages[managers[partner_id]]]
                    % {
                        "share": round(drops[partner_id]["share"], 1),
                        "baseline": round(drops[partner_id]["baseline_qty"], 1),
                    },
                }
                for partner_id in sorted(waiting)
                if managers.get(partner_id)
            ]
        )
