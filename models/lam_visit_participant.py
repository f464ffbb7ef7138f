# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError


class LamVisitParticipant(models.Model):
    _name = "lam.visit.participant"
    _description = "Visit Participant"
    _inherit = ["lam.work.record.mixin"]
    _order = "visit_id, side, sequence, id"
    # A participant hangs on its customer through its visit.
    _lam_customer_link = "visit_id"

    visit_id = fields.Many2one(
        "lam.visit", required=True, ondelete="cascade", index=True
    )
    partner_id = fields.Many2one(
        related="visit_id.partner_id",
        store=True,
        precompute=True,
        required=False,
        ondelete="cascade",
    )
    # the visit's visitor: who may see his visit's participants with it
    user_id = fields.Many2one(
        related="visit_id.user_id",
        store=True,
        precompute=True,
        required=False,
        default=None,
    )
    sequence = fields.Integer(default=10)
    side = fields.Selection(
        [("ours", "Our Side"), ("customer", "Customer Side")],
        required=True,
        default="customer",
    )
    colleague_id = fields.Many2one(
        "res.users", string="Colleague", help="One of ours who joins the visit."
    )
    contact_id = fields.Many2one(
        "res.partner",
        string="Contact",
        domain="[('parent_id', '=', partner_id)]",
        help="A person of the customer met on the visit.",
    )
    name = fields.Char(
        compute="_compute_name",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
    )
    function = fields.Char(string="Position")
    level = fields.Selection(
        [
            ("executive", "Executive"),
            ("manager", "Manager"),
            ("staff", "Staff / Technician"),
        ],
        help="Level of the participant: a visit meets its counterpart's level (Art. "
        "34).",
    )

    @api.depends("side", "colleague_id", "contact_id")
    def _compute_name(self):
        for participant in self:
            person = (
                participant.colleague_id
                if participant.side == "ours"
                else participant.contact_id
            )
            if person:
                participant.name = person.name

    @api.constrains("contact_id", "partner_id")
    def _check_contact_id(self):
        """A person met on the visit is one of the visited customer's people
        (not another customer's key person)."""
        # as the system: the contact's company, which the user may not read
        for participant in self.sudo().filtered("contact_id"):
            if (
                participant.contact_id.commercial_partner_id
                != participant.partner_id.commercial_partner_id
            ):
                raise ValidationError(
                    _(
                        "%(contact)s is not one of the people of %(customer)s.",
                        contact=participant.contact_id.name,
                        customer=participant.partner_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        participants = super().create(vals_list)
        participants.visit_id._lam_check_not_reported()
        return participants

    def write(self, vals):
        if "visit_id" in vals and not self.env.su:
            raise AccessError(_("A participant stays on the visit he took part in."))
        self.visit_id._lam_check_not_reported()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_reported(self):
        self.visit_id._lam_check_not_reported()

    @api.onchange("contact_id")
    def _onchange_contact_id(self):
        if self.contact_id.function:
            self.function = self.contact_id.function
