# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import logging
import time
from collections import defaultdict
from datetime import timedelta

from odoo import _, api, fields, models

from ..tools import bulk, robots

_logger = logging.getLogger(__name__)

EVENTS = [
    ("event_complaint", "Complaint"),
    ("event_credit_hold", "Order Held for Credit"),
    ("event_approval", "Approval Decided"),
    ("event_visit_report", "Visit Report"),
    ("event_cadence", "Overdue Cadences"),
    ("event_psi", "PSI Not Reported"),
    ("test", "Test"),
]
# messages sent per run of the scheduled action (each waits for its robot)
SEND_BATCH = 50


class LamRobotMessage(models.Model):
    """A message waiting for, or sent to, a group robot. Written by the work
    that causes it (in its transaction, one insert), sent by the scheduled
    action: a robot that fails or is slow never blocks a user."""

    _name = "lam.robot.message"
    _description = "Message to a Group Robot"
    _order = "id desc"

    robot_id = fields.Many2one(
        "lam.robot", required=True, index=True, ondelete="cascade", readonly=True
    )
    company_id = fields.Many2one(
        related="robot_id.company_id", store=True, index=True, string="Company"
    )
    event = fields.Selection(EVENTS, required=True, readonly=True)
    title = fields.Char(required=True, readonly=True)
    text = fields.Text(readonly=True, help="Markdown.")
    res_model = fields.Char(string="Record Model", readonly=True)
    res_id = fields.Many2oneReference(
        string="Record", model_field="res_model", readonly=True
    )
    state = fields.Selection(
        [("queued", "Queued"), ("sent", "Sent"), ("failed", "Given Up")],
        default="queued",
        required=True,
        readonly=True,
        index=True,
    )
    attempts = fields.Integer(readonly=True)
    next_try = fields.Datetime(default=fields.Datetime.now, readonly=True, index=True)
    sent_at = fields.Datetime(readonly=True)
    error = fields.Char(string="Last Error", readonly=True)

    @api.model
    def _lam_enqueue(self, event, records, user_field, render):
        """Queue, for each of ``records``, one message to each robot of the
        teams of its ``user_field`` that takes ``event``. ``render(record)``
        gives (title, markdown lines), called in the robot's language; a link
        to the record is added. One insert whatever the number."""
        if not records:
            return self.browse()
        users = records.sudo().mapped(user_field)
        robots_by_user = self.env["lam.robot"]._lam_robots_by_user(event, users)
        if not robots_by_user:
            return self.browse()
        base_url = records.get_base_url()
        values = []
        for record in records.sudo():
            for robot in robots_by_user.get(record[user_field].id, ()):
                local = record.with_context(lang=robot.lang)
                title, lines = render(local)
                link = f"{base_url}/mail/view?model={record._name}&res_id={record.id}"
                label = local.env._("Open in Odoo")
                values.append(
                    {
                        "robot_id": robot.id,
                        "event": event,
                        "title": title,
                        "text": "\n".join(
                            [
                                *(line for line in lines if line),
                                "",
                                f"[{label}]({link})",
                            ]
                        ),
                        "res_model": record._name,
                        "res_id": record.id,
                    }
                )
        return self._lam_queue(values)

    @api.model
    def _lam_queue(self, values):
        """Insert the messages and wake the scheduled action that sends them."""
        if not values:
            return self.browse()
        # as the system: the queue is the administrators'; the work queueing
        # the message is any user's
        messages = self.sudo().create(values)
        cron = self.env.ref(
            "lubricant_account_manager.ir_cron_lam_robot_send", raise_if_not_found=False
        )
        if cron:
            cron.sudo()._trigger()
        return messages

    @api.model
    def _cron_send(self):
        """Send the queued messages due, oldest first: one call each, with its
        robot's timeout; a message not taken is retried later (twice as late
        each time), given up after its robot's tries with the error kept.
        Results are written together, grouped by outcome."""
        now = fields.Datetime.now()
        # as the system: the queue and the robots' secrets are read to send
        messages = self.sudo().search(
            [("state", "=", "queued"), ("next_try", "<=", now)],
            order="next_try, id",
            limit=SEND_BATCH,
        )
        outcomes = defaultdict(lambda: self.browse())
        for message in messages:
            robot = message.robot_id
            error = robots.send(
                robot.platform,
                robot.webhook_url,
                robot.secret,
                message.title,
                message.text or "",
                time.time(),
                robot.timeout,
            )
            attempts = message.attempts + 1
            if error is None:
                key = ("sent", attempts, None, None)
            elif attempts >= robot.max_attempts:
                key = ("failed", attempts, None, error)
            else:
                wait = robot.retry_minutes * 2 ** (attempts - 1)
                key = ("queued", attempts, now + timedelta(minutes=wait), error)
            outcomes[key] |= message
            if error:
                # the error never holds the URL or the secret (tools.robots)
                _logger.info(
                    "Robot %s: message %s not taken (try %s): %s",
                    robot.id,
                    message.id,
                    attempts,
                    error,
                )
        for (state, attempts, next_try, error), group in outcomes.items():
            values = {"state": state, "attempts": attempts, "error": error}
            if state == "sent":
                values["sent_at"] = fields.Datetime.now()
            if next_try:
                values["next_try"] = next_try
            bulk.update(group, values)
        return len(messages)

    def action_retry(self):
        """Try a given-up message again (after the robot was corrected)."""
        self.filtered(lambda message: message.state == "failed").write(
            {"state": "queued", "attempts": 0, "next_try": fields.Datetime.now()}
        )
        return True

    @api.autovacuum
    def _gc_sent(self):
        """Sent messages are kept 90 days."""
        self.sudo().search(
            [
                ("state", "=", "sent"),
                ("sent_at", "<", fields.Datetime.now() - timedelta(days=90)),
            ]
        ).unlink()

    def _compute_display_name(self):
        for message in self:
            message.display_name = message.title or _("Message")
