# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from datetime import timedelta

from odoo import Command, _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.misc import format_date

from ..tools.working_hours import working_hours_by_day

# how far back the previous working day is looked for (a long holiday)
LOOKBACK_DAYS = 15


class LamMorningMeeting(models.Model):
    """The morning meeting of a team (晨会, Art. 20.1): per manager, what he
    did on the previous working day and what he plans today, with the
    department manager's notes. The figures are taken when the meeting is
    created and again on Refresh; the notes stay."""

    _name = "lam.morning.meeting"
    _description = "Morning Meeting"
    _inherit = ["mail.thread", "lam.validated.mixin"]
    _order = "date desc, team_id"

    team_id = fields.Many2one(
        "crm.team", string="Team", required=True, index=True, ondelete="restrict"
    )
    date = fields.Date(
        required=True, default=fields.Date.context_today, index=True, tracking=True
    )
    previous_day = fields.Date(
        string="Reviewed Day",
        readonly=True,
        help="The previous working day of the company's working hours.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Department Manager",
        required=True,
        index=True,
        readonly=True,
        default=lambda self: self.env.user,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    line_ids = fields.One2many(
        "lam.morning.meeting.line", "meeting_id", string="Managers"
    )
    note = fields.Text(string="Meeting Notes")

    _sql_constraints = [
        (
            "one_per_team_and_day",
            "UNIQUE(team_id, date)",
            "A team holds one morning meeting a day.",
        ),
    ]

    @api.depends("team_id", "date")
    @api.depends_context("lang")
    def _compute_display_name(self):
        for meeting in self:
            meeting.display_name = _(
                "Morning Meeting %(team)s %(date)s",
                team=meeting.team_id.name or "",
                date=format_date(self.env, meeting.date) if meeting.date else "",
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._lam_check_create_values(vals)
        meetings = super().create(vals_list)
        for meeting in meetings:
            meeting._lam_check_leader()
        meetings._lam_refresh()
        return meetings

    @api.model
    def _lam_check_create_values(self, vals):
        """The meeting is its team leader's, its lines and reviewed day the
        refresh's: a create names the team, the day and the notes."""
        if self.env.su:
            return
        # the form sends its empty list of managers
        if vals.get("line_ids") or vals.get("previous_day"):
            raise UserError(_("The managers of a meeting are its team's members."))
        team_id = vals.get("team_id")
        team = (
            self.env["crm.team"]
            .sudo()
            .browse(team_id if type(team_id) is int else [])  # noqa: E721 (a bool)
            .exists()
        )
        leader = team.user_id or self.env.user
        self._lam_check_holder(team)
        if vals.get("user_id", leader.id) != leader.id:
            raise UserError(
                _("A morning meeting is held by its team's department manager.")
            )
        vals["user_id"] = leader.id

    def write(self, vals):
        if {"team_id", "date", "company_id"} & set(vals):
            raise UserError(
                _("A meeting keeps its team and day: create the other day's meeting.")
            )
        if not self.env.su:
            if {"user_id", "previous_day"} & set(vals):
                raise UserError(
                    _(
                        "A morning meeting is held by its team's department manager, "
                        "on the day after the reviewed one."
                    )
                )
            self._lam_check_line_commands(vals.get("line_ids") or [])
        return super().write(vals)

    @api.model
    def _lam_check_line_commands(self, commands):
        """The lines of a meeting are its team's managers, added by the refresh:
        a user only updates a line's notes and attendance."""
        for command in commands:
            if not (
                isinstance(command, list | tuple)
                and len(command) == 3
                and command[0] == Command.UPDATE
                and isinstance(command[2], dict)
            ):
                raise UserError(_("The managers of a meeting are its team's members."))

    @api.model
    def _lam_check_holder(self, team):
        """Only the team's department manager (or an administrator) holds its
        meeting."""
        team = team.sudo()
        user = self.env.user
        # a team without a leader: its meeting is an administrator's
        if (
            team
            and team.user_id != user
            and not user.has_group("lubricant_account_manager.group_lam_admin")
        ):
            raise AccessError(
                _(
                    "Only the department manager of %(team)s holds its morning "
                    "meeting.",
                    team=team.name,
                )
            )

    def _lam_check_leader(self):
        """The holder's check, and the meeting in the team's company."""
        self.ensure_one()
        if self.env.su:
            return
        self._lam_check_holder(self.team_id)
        if self.team_id.sudo().company_id not in (
            self.company_id,
            self.env["res.company"],
        ):
            raise UserError(_("The meeting is held in the team's company."))

    def _lam_readable_lines(self):
        """The lines the user may read: a manager his own, the department
        manager all of his meeting (a one2many read in code is not filtered by
        the record rules)."""
        self.ensure_one()
        return self.line_ids._filtered_access("read")

    def action_lam_refresh(self):
        for meeting in self:
            meeting.check_access("write")
            meeting._lam_check_leader()
        self._lam_refresh()
        return True

    def _lam_previous_day(self):
        self.ensure_one()
        calendar = self.company_id.resource_calendar_id
        first = self.date - timedelta(days=LOOKBACK_DAYS)
        last = self.date - timedelta(days=1)
        if calendar:
            hours = working_hours_by_day(calendar, first, last)
            working = [day for day, value in hours.items() if value > 0]
            if working:
                return max(working)
        return last

    def _lam_refresh(self):
        """Take the figures of every manager of the team (the lines and their
        figures are written as the system: the refresh's, checked by its
        callers), one grouped query per kind of record."""
        Line = self.env["lam.morning.meeting.line"]
        for meeting in self.sudo():
            meeting.previous_day = meeting._lam_previous_day()
            members = meeting.team_id.member_ids.filtered("active")
            Line.sudo().create(
                [
                    {"meeting_id": meeting.id, "user_id": user.id}
                    for user in members - meeting.line_ids.user_id
                ]
            )
            figures = Line._lam_figures(
                meeting.line_ids.user_id,
                meeting.previous_day,
                meeting.date,
                meeting.company_id,
            )
            for line in meeting.line_ids:
                line.write(figures.get(line.user_id.id, Line._lam_zero()))
