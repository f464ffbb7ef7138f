# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

VIOLATION_TYPES = [
    ("cross_territory", "Cross-territory Selling"),
    ("counterfeit", "Counterfeit"),
    ("dumping", "Price Dumping"),
    ("other", "Other"),
]


class LamChannelViolation(models.Model):
    """窜货、假货、低价倾销 (Art. 14): a dealer's breach of the channel rules,
    with its evidence; confirmed ones count in his assessment."""

    _name = "lam.channel.violation"
    _description = "Channel Violation"
    _inherit = ["lam.customer.record.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _lam_system_fields = ("state",)

    partner_id = fields.Many2one(
        string="Dealer",
        tracking=True,
        domain=[("is_company", "=", True), ("lam_customer_kind", "=", "dealer")],
    )
    violation_type = fields.Selection(
        VIOLATION_TYPES,
        string="Type",
        required=True,
        default="cross_territory",
        tracking=True,
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    place = fields.Char(help="Where it was found: city, market, customer.")
    description = fields.Text(required=True, help="What was found, by whom.")
    evidence_ids = fields.Many2many(
        "ir.attachment", string="Evidence", help="Photos, invoices, price lists."
    )
    state = fields.Selection(
        [
            ("reported", "Reported"),
            ("confirmed", "Confirmed"),
            ("dismissed", "Dismissed"),
        ],
        default="reported",
        required=True,
        tracking=True,
        readonly=True,
        index=True,
    )
    measures = fields.Text(string="Measures Taken")

    @api.model_create_multi
    def create(self, vals_list):
        violations = super().create(vals_list)
        violations._lam_check_evidence()
        return violations

    def write(self, vals):
        if (
            not self.env.su
            and set(vals) - {"measures", "message_follower_ids", "activity_ids"}
            and self.filtered(lambda violation: violation.state != "reported")
        ):
            raise UserError(
                _(
                    "A decided violation keeps its facts and evidence; only the "
                    "measures taken change."
                )
            )
        result = super().write(vals)
        if "evidence_ids" in vals:
            self._lam_check_evidence()
        return result

    def _lam_check_evidence(self):
        """Evidence is the user's own files or this violation's, never a colleague's."""
        if not self.env.su:
            self.evidence_ids.check("read")

    @api.constrains("partner_id")
    def _check_dealer(self):
        # as the system: the dealer's kind is restricted to the archive groups
        for violation in self.sudo():
            if violation.partner_id.lam_customer_kind != "dealer":
                raise ValidationError(
                    _("%(partner)s is not a dealer.", partner=violation.partner_id.name)
                )

    @api.constrains("date")
    def _check_date(self):
        if any(violation.date > fields.Date.context_today(self) for violation in self):
            raise ValidationError(_("A violation is found today or before."))

    @api.depends("partner_id", "violation_type", "date")
    def _compute_display_name(self):
        types = dict(self._fields["violation_type"]._description_selection(self.env))
        for violation in self:
            violation.display_name = (
                f"{violation.partner_id.name or ''}: "
                f"{types.get(violation.violation_type, '')} "
                f"{violation.date or ''}".strip()
            )

    def action_confirm(self):
        self._lam_decide("confirmed")

    def action_dismiss(self):
        self._lam_decide("dismissed")

    def _lam_decide(self, state):
        for violation in self:
            if violation.state != "reported":
                raise UserError(
                    _(
                        "%(violation)s was decided already.",
                        violation=violation.display_name,
                    )
                )
            if state == "confirmed" and not violation.evidence_ids:
                raise UserError(
                    _(
                        "%(violation)s: attach the evidence before confirming it.",
                        violation=violation.display_name,
                    )
                )
        self.check_access("write")
        # as the system: the state is the actions'; the write access was checked just
        # before
        self.sudo().write({"state": state})
