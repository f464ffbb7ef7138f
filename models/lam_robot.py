# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.base.models.res_partner import _lang_get

from ..tools import robots

ROBOT_EVENTS = (
    "event_complaint",
    "event_credit_hold",
    "event_approval",
    "event_visit_report",
    "event_cadence",
    "event_psi",
)


class LamRobot(models.Model):
    """A sales team's group robot in WeCom (企业微信), DingTalk (钉钉) or Feishu
    (飞书): where the team's reminders reach the managers' phones. Its URL
    and secret are readable by administrators only; messages are queued
    (``lam.robot.message``) and sent by a scheduled action, never in the
    transaction of the work that caused them."""

    _name = "lam.robot"
    _description = "Group Robot of a Sales Team"
    _inherit = ["lam.validated.mixin"]
    _order = "team_id, name, id"

    name = fields.Char(string="Robot Name", required=True, size=128)
    active = fields.Boolean(default=True)
    team_id = fields.Many2one(
        "crm.team", string="Sales Team", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        help="The company whose users' work the robot tells: its team's, or "
        "one of them for a team of no company.",
    )
    platform = fields.Selection(
        [
            ("wecom", "WeCom (企业微信)"),
            ("dingtalk", "DingTalk (钉钉)"),
            ("feishu", "Feishu (飞书)"),
        ],
        required=True,
        default="wecom",
    )
    webhook_url = fields.Char(
        string="Webhook URL",
        required=True,
        size=1024,
        groups="base.group_system",
        help="The address the platform gives when the robot is added to the group.",
    )
    secret = fields.Char(
        string="Signing Secret",
        size=256,
        groups="base.group_system",
        help="DingTalk (加签) and Feishu (签名校验): the secret shown with the "
        "robot. WeCom robots have none: the key in their URL is the secret.",
    )
    lang = fields.Selection(
        selection=_lang_get,
        string="Language",
        required=True,
        default=lambda self: self._default_lang(),
        help="The language of the messages.",
    )
    event_complaint = fields.Boolean(
        string="Complaint Escalated or About to Breach", default=True
    )
    event_credit_hold = fields.Boolean(
        string="Order Held for Credit Approval", default=True
    )
    event_approval = fields.Boolean(string="Approval Decided", default=True)
    event_visit_report = fields.Boolean(string="Visit Report Sent", default=True)
    event_cadence = fields.Boolean(
        string="Daily Overdue Cadences per Manager", default=True
    )
    event_psi = fields.Boolean(string="PSI Not Reported by the Due Day", default=True)
    max_attempts = fields.Integer(
        string="Tries before Giving Up",
        default=5,
        help="A message not taken after this many tries is given up, its last "
        "error kept.",
    )
    retry_minutes = fields.Integer(
        string="First Retry after (minutes)",
        default=5,
        help="Each retry waits twice as long as the previous one.",
    )
    timeout = fields.Integer(
        string="Timeout (seconds)", default=10, help="Per call to the robot."
    )
    message_ids = fields.One2many("lam.robot.message", "robot_id", string="Messages")
    queued_count = fields.Integer(compute="_compute_counts", string="Queued")
    failed_count = fields.Integer(compute="_compute_counts", string="Given Up")

    _sql_constraints = [
        (
            "settings_valid",
            "CHECK(max_attempts BETWEEN 1 AND 50 AND retry_minutes BETWEEN 1 AND "
            "1440 AND timeout BETWEEN 1 AND 120)",
            "A robot is tried 1 to 50 times, retried after 1 minute to a day, and "
            "waited for 1 to 120 seconds.",
        ),
    ]

    @api.model
    def _default_lang(self):
        installed = dict(_lang_get(self))
        return "zh_CN" if "zh_CN" in installed else self.env.lang or "en_US"

    def _compute_counts(self):
        counts = {
            (robot.id, state): count
            for robot, state, count in self.env["lam.robot.message"]._read_group(
                [("robot_id", "in", self.ids), ("state", "in", ("queued", "failed"))],
                ["robot_id", "state"],
                ["__count"],
            )
        }
        for robot in self:
            robot.queued_count = counts.get((robot.id, "queued"), 0)
            robot.failed_count = counts.get((robot.id, "failed"), 0)

    @api.constrains("max_attempts", "retry_minutes", "timeout")
    def _check_delivery(self):
        for robot in self:
            if not (
                1 <= robot.max_attempts <= 50
                and 1 <= robot.retry_minutes <= 1440
                and 1 <= robot.timeout <= 120
            ):
                raise ValidationError(
                    _(
                        "A robot is tried 1 to 50 times, retried after 1 minute to "
                        "a day, and waited for 1 to 120 seconds."
                    )
                )

    @api.constrains("webhook_url")
    def _check_webhook_url(self):
        for robot in self.sudo():
            if not robots.valid_url(robot.webhook_url):
                raise ValidationError(
                    _(
                        "A robot's webhook URL is an address starting with "
                        "https://, as the platform gives it."
                    )
                )

    @api.constrains("team_id", "company_id")
    def _check_company(self):
        for robot in self:
            team_company = robot.team_id.company_id
            if team_company and team_company != robot.company_id:
                raise ValidationError(
                    _(
                        "%(robot)s: a robot belongs to its sales team's company.",
                        robot=robot.name,
                    )
                )

    @api.onchange("team_id")
    def _onchange_team_id(self):
        if self.team_id.company_id:
            self.company_id = self.team_id.company_id

    @api.model
    def _lam_robots_by_user(self, event, users):
        """{user id: robots of his sales teams (member or leader) taking
        ``event``}, in one query per kind of record."""
        if not users:
            return {}
        # as the system: the robots are administrators' records; the teams of
        # the users concerned by a message
        robots_ = self.sudo().search(
            [(event, "=", True), ("team_id.active", "=", True)]
        )
        if not robots_:
            return {}
        by_team = defaultdict(lambda: self.browse())
        for robot in robots_:
            by_team[robot.team_id.id] |= robot
        result = defaultdict(lambda: self.browse())
        members = (
            self.env["crm.team.member"]
            .sudo()
            .search_read(
                [("user_id", "in", users.ids), ("crm_team_id", "in", list(by_team))],
                ["user_id", "crm_team_id"],
            )
        )
        for member in members:
            result[member["user_id"][0]] |= by_team[member["crm_team_id"][0]]
        for robot in robots_:
            leader = robot.team_id.user_id
            if leader in users:
                result[leader.id] |= robot
        # a robot tells the work of its company's users only
        companies = {user.id: user.company_ids for user in users.sudo()}
        return {
            user_id: found.filtered(
                lambda robot, user_id=user_id: robot.company_id in companies[user_id]
            )
            for user_id, found in result.items()
        }

    def action_lam_send_test(self):
        """Queue a test message; the scheduled action sends it in a moment."""
        self.ensure_one()
        self.env["lam.robot.message"]._lam_queue(
            [
                {
                    "robot_id": self.id,
                    "event": "test",
                    "title": self.with_context(lang=self.lang).env._("Test from Odoo"),
                    "text": self.with_context(lang=self.lang).env._(
                        "This group receives the team's reminders."
                    ),
                }
            ]
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "info",
                "message": _("A test message is queued: it is sent within a minute."),
            },
        }

    @api.model
    def _cron_daily_summary(self):
        """Daily: each robot taking the cadence summary gets one message, the
        overdue contact cadences of each manager of its team (none, none)."""
        robots_ = self.sudo().search(
            [("event_cadence", "=", True), ("team_id.active", "=", True)]
        )
        users_by_robot = {
            robot: robot.team_id.member_ids | robot.team_id.user_id for robot in robots_
        }
        users = self.env["res.users"].union(*users_by_robot.values())
        overdue = dict(
            self.env["lam.cadence.status"]
            .sudo()
            ._read_group(
                [("overdue", "=", True), ("user_id", "in", users.ids)],
                ["user_id"],
                ["__count"],
            )
        )
        today = fields.Date.context_today(self)
        values = []
        for robot, team_users in users_by_robot.items():
            counts = sorted(
                ((user, overdue[user]) for user in team_users if user in overdue),
                key=lambda pair: (-pair[1], pair[0].name),
            )
            if not counts:
                continue
            env = robot.with_context(lang=robot.lang).env
            values.append(
                {
                    "robot_id": robot.id,
                    "event": "event_cadence",
                    "title": env._(
                        "Overdue contact cadences, %(day)s", day=today.isoformat()
                    ),
                    "text": "\n".join(
                        env._(
                            "- %(manager)s: %(count)s customers",
                            manager=robots.escape(user.name),
                            count=count,
                        )
                        for user, count in counts
                    ),
                }
            )
        self.env["lam.robot.message"]._lam_queue(values)
        return len(values)
