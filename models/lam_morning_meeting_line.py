# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError

from .lam_complaint import OPEN_STATES

# what the department manager writes on a line
HAND_FIELDS = ("note", "attended")
FIGURES = (
    "visits_done",
    "visits_late",
    "visits_flagged",
    "calls",
    "orders",
    "volume",
    "complaints_received",
    "complaints_resolved",
    "complaints_open",
    "visits_planned",
)


class LamMorningMeetingLine(models.Model):
    """One manager at the morning meeting: his previous working day, his day
    planned, and the department manager's notes on him."""

    _name = "lam.morning.meeting.line"
    _description = "Morning Meeting: a Manager"
    _inherit = ["lam.validated.mixin"]
    _order = "meeting_id, user_id"

    meeting_id = fields.Many2one(
        "lam.morning.meeting", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="meeting_id.company_id", store=True, index=True
    )
    date = fields.Date(related="meeting_id.date", store=True)
    user_id = fields.Many2one(
        "res.users", string="Account Manager", required=True, index=True
    )
    leader_id = fields.Many2one(
        related="meeting_id.user_id",
        store=True,
        index=True,
        string="Department Manager",
    )
    visits_done = fields.Integer(readonly=True)
    visits_late = fields.Integer(string="Arrived Late", readonly=True)
    visits_flagged = fields.Integer(string="Visits to Review", readonly=True)
    calls = fields.Integer(readonly=True)
    orders = fields.Integer(readonly=True)
    volume = fields.Float(readonly=True, digits="Lubricant Volume")
    complaints_received = fields.Integer(readonly=True)
    complaints_resolved = fields.Integer(readonly=True)
    complaints_open = fields.Integer(readonly=True)
    visits_planned = fields.Integer(string="Visits Planned Today", readonly=True)
    planned_customers = fields.Char(string="Visiting Today", readonly=True)
    attended = fields.Boolean(
        default=True, help="He was at the meeting and reported on his work (Art. 20.1)."
    )
    note = fields.Text(string="Department Manager's Notes")

    _sql_constraints = [
        (
            "one_line_per_manager",
            "UNIQUE(meeting_id, user_id)",
            "A manager is once at a meeting.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise UserError(
                self.env._("The managers of a meeting are its team's members.")
            )
        return super().create(vals_list)

    def write(self, vals):
        # the figures, the manager and the meeting are the refresh's
        if not self.env.su and set(vals) - set(HAND_FIELDS):
            raise UserError(
                self.env._("The figures of a morning meeting come from the records.")
            )
        return super().write(vals)

    @api.model
    def _lam_zero(self):
        return {**dict.fromkeys(FIGURES, 0), "planned_customers": False}

    @api.model
    def _lam_bounds(self, day, company):
        """The UTC bounds of ``day`` in the time zone of the company's hours."""
        tz = pytz.timezone(company.resource_calendar_id.tz or self.env.user.tz or "UTC")
        start = tz.localize(datetime.combine(day, time.min)).astimezone(pytz.utc)
        end = start + timedelta(days=1)
        return start.replace(tzinfo=None), end.replace(tzinfo=None)

    @api.model
    def _lam_figures(self, users, day, today, company):
        """{user id: the line's figures} for ``users`` on ``day`` (visits
        planned: ``today``), one grouped query per kind of record."""
        # as the system: counts of the managers of a meeting the caller holds
        env = self.sudo().env
        result = {user.id: self._lam_zero() for user in users}

        def count(model, domain, key, groupby="user_id", aggregate="__count"):
            for user, value in env[model]._read_group(
                [(groupby, "in", users.ids), *domain], [groupby], [aggregate]
            ):
                result[user.id][key] = value

        done = [("visit_date", "=", day), ("state", "in", ("done", "reported"))]
        count("lam.visit", done, "visits_done")
        count("lam.visit", done + [("is_late", "=", True)], "visits_late")
        count("lam.visit", done + [("needs_review", "=", True)], "visits_flagged")
        count("lam.communication", [("day", "=", day)], "calls")
        start, end = self._lam_bounds(day, company)
        count(
            "sale.order",
            [
                ("state", "=", "sale"),
                ("date_order", ">=", start),
                ("date_order", "<", end),
                ("company_id", "=", company.id),
            ],
            "orders",
        )
        count(
            "lam.complaint",
            [("received_at", ">=", start), ("received_at", "<", end)],
            "complaints_received",
        )
        count(
            "lam.complaint",
            [("resolved_at", ">=", start), ("resolved_at", "<", end)],
            "complaints_resolved",
        )
        count("lam.complaint", [("state", "in", OPEN_STATES)], "complaints_open")
        planned = env["lam.visit"]._read_group(
            [
                ("user_id", "in", users.ids),
                ("visit_date", "=", today),
                ("state", "=", "planned"),
            ],
            ["user_id"],
            ["__count", "partner_id:array_agg"],
        )
        names = dict(
            env["res.partner"]
            .browse({pid for *_, ids in planned for pid in ids})
            .mapped(lambda partner: (partner.id, partner.name))
        )
        for user, visits, partner_ids in planned:
            result[user.id]["visits_planned"] = visits
            result[user.id]["planned_customers"] = "、".join(
                dict.fromkeys(names[pid] for pid in partner_ids)
            )
        for row in (
            env["lam.purchase.analysis"]
            .with_company(company)
            ._lam_purchases(day, day, groupby=("manager",), company=company)["rows"]
        ):
            if row["manager_id"] in result:
                result[row["manager_id"]]["volume"] = row["qty"]
        return result
