# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import json
from collections import defaultdict

from odoo import api, fields, models
from odoo.tools import SQL

# What a status row says, compared between two runs (lam.cadence.status._lam_replace).
STATUS_KEYS = (
    "rule_id",
    "partner_id",
    "user_id",
    "date",
    "covered",
    "overdue",
    "count",
    "required",
    "since",
    "deadline",
)


def status_values(row):
    """The values of ``row`` (a status as the engine makes it) as the database
    returns them: booleans as they are, other empty values as NULL."""
    return tuple(
        bool(row[key])
        if key in ("covered", "overdue")
        else (None if row[key] is False else row[key])
        for key in STATUS_KEYS
    )


class LamCadenceStatus(models.Model):
    """Where each customer stands on each cadence rule that selects him, as the
    last run of the scheduled action found it: the compliance dashboard."""

    _name = "lam.cadence.status"
    _description = "Contact Cadence Status"
    _order = "overdue desc, deadline, id"

    rule_id = fields.Many2one(
        "lam.cadence.rule",
        string="Cadence Rule",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
    )
    user_id = fields.Many2one(
        "res.users", string="Account Manager", readonly=True, index=True
    )
    date = fields.Date(string="Checked On", readonly=True)
    covered = fields.Boolean(readonly=True)
    overdue = fields.Boolean(readonly=True)
    count = fields.Integer(
        string="Contacts in the Period", readonly=True, aggregator="sum"
    )
    required = fields.Integer(readonly=True, aggregator="max")
    since = fields.Date(string="Uncovered Since", readonly=True)
    deadline = fields.Date(string="Due By", readonly=True)
    covered_count = fields.Integer(
        string="Customers Covered", readonly=True, aggregator="sum"
    )
    overdue_count = fields.Integer(
        string="Customers Overdue", readonly=True, aggregator="sum"
    )
    in_progress_count = fields.Integer(
        string="Customers in Progress",
        readonly=True,
        aggregator="sum",
        help="Not covered yet, but their period has not ended: neither on time nor "
        "overdue.",
    )
    in_progress = fields.Boolean(
        compute="_compute_in_progress",
        search="_search_in_progress",
        help="Not covered yet, but the period has not ended.",
    )
    on_time = fields.Float(
        string="On-time Share (%)",
        readonly=True,
        aggregator="avg",
        digits=(5, 1),
        help="Share of the customers judged (covered or overdue) who are covered; "
        "customers whose period is still running are in progress, not counted.",
    )

    @api.depends("in_progress_count")
    def _compute_in_progress(self):
        for status in self:
            status.in_progress = bool(status.in_progress_count)

    def _search_in_progress(self, operator, value):
        if operator not in ("=", "!="):
            return NotImplemented
        wanted = bool(value) == (operator == "=")
        return [("in_progress_count", ">" if wanted else "=", 0)]

    @api.model
    def _lam_replace(self, customers, rows):
        """Replace the rows of ``customers`` by ``rows``: the rows that differ
        (or are gone) are deleted, the new ones inserted, the identical ones
        left as they are (a second run of the day changes nothing and writes
        nothing). Compared here, not in SQL: the statement's plan would
        depend on the table's statistics, which a first run leaves stale."""
        self.flush_model()
        existing = defaultdict(list)
        for status_id, *values in self.env.execute_query(
            SQL(
                "SELECT id, %s FROM lam_cadence_status WHERE partner_id = ANY(%s)",
                SQL(", ").join(SQL.identifier(key) for key in STATUS_KEYS),
                customers.ids,
            )
        ):
            existing[tuple(values)].append(status_id)
        new_rows = []
        for row in rows:
            same = existing.get(status_values(row))
            if same:
                same.pop()
            else:
                new_rows.append(row)
        gone = [status_id for ids in existing.values() for status_id in ids]
        if gone:
            self.env.cr.execute(
                SQL("DELETE FROM lam_cadence_status WHERE id = ANY(%s)", gone)
            )
        if new_rows:
            self.env.cr.execute(
                SQL(
                    """
                    INSERT INTO lam_cadence_status (rule_id, partner_id, user_id,
                           date, covered, overdue, count, required, since, deadline,
                           covered_count, overdue_count, in_progress_count, on_time,
                           create_uid, create_date, write_uid, write_date)
                    SELECT r.rule_id, r.partner_id, r.user_id, r.date, r.covered,
                           r.overdue, r.count, r.required, r.since, r.deadline,
                           r.covered::int, r.overdue::int,
                           (NOT r.covered AND NOT r.overdue)::int,
                           CASE WHEN r.covered THEN 100.0 WHEN r.overdue THEN 0.0 END,
                           %(uid)s, NOW() AT TIME ZONE 'UTC', %(uid)s,
                           NOW() AT TIME ZONE 'UTC'
                      FROM jsonb_to_recordset(%(rows)s::jsonb) AS r(
                           rule_id int, partner_id int, user_id int, date date,
                           covered bool, overdue bool, count int, required int,
                           since date, deadline date)
                    """,
                    uid=self.env.uid,
                    rows=json.dumps(new_rows, default=str),
                )
            )
        self.invalidate_model()
        # the customers' overdue-archive flag reads these rows
        customers.invalidate_recordset(["lam_review_overdue"])

    @api.model
    def _lam_purge(self):
        """Drop the rows of customers out of scope and of rules no longer active."""
        self.flush_model()
        self.env.cr.execute(
            SQL(
                """
                DELETE FROM lam_cadence_status s
                 WHERE NOT EXISTS (SELECT 1
                                     FROM lam_cadence_rule r
                                    WHERE r.id = s.rule_id AND r.active)
                    OR NOT EXISTS (SELECT 1
                                     FROM res_partner p
                                    WHERE p.id = s.partner_id
                                      AND p.active
                                      AND p.user_id IS NOT NULL
                                      AND p.lam_customer_kind IS NOT NULL)
                """
            )
        )
        self.invalidate_model()
