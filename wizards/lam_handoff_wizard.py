# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import UserError


class LamHandoffWizard(models.TransientModel):
    """Hand a prospect that will not buy directly to a local dealer (Art. 32):
    it leaves the target list and the dealer's channel manager is told."""

    _name = "lam.handoff.wizard"
    _description = "Hand a Prospect to a Dealer"
    _inherit = ["lam.validated.mixin"]

    partner_id = fields.Many2one(
        "res.partner", string="Prospect", required=True, readonly=True
    )
    # The dealers are other managers' customers, hidden from a development
    # manager by the record rules: he chooses among their names only.
    dealer = fields.Selection(selection="_selection_dealers", required=True)
    reason = fields.Text(
        required=True, help="Why the dealer develops this prospect rather than us."
    )
    date = fields.Date(required=True, default=fields.Date.context_today)

    @api.model
    def _selection_dealers(self):
        dealers = (
            self.env["res.partner"]
            # as the system: every dealer, whichever manager runs it
            .sudo()
            .search(
                [
                    ("is_company", "=", True),
                    ("lam_customer_kind", "=", "dealer"),
                    ("company_id", "in", [False, *self.env.companies.ids]),
                ],
                order="name",
            )
        )
        return [
            (
                str(dealer.id),
                f"{dealer.name} ({dealer.city})" if dealer.city else dealer.name,
            )
            for dealer in dealers
        ]

    @api.model_create_multi
    def create(self, vals_list):
        wizards = super().create(vals_list)
        for wizard in wizards:
            wizard.partner_id.check_access("write")
            # as the system: the kind is restricted to the archive groups
            if wizard.partner_id.sudo().lam_customer_kind != "prospect":
                raise UserError(
                    _(
                        "%(partner)s is no prospect: a terminal customer changes "
                        "dealer through the dealer link.",
                        partner=wizard.partner_id.display_name,
                    )
                )
        return wizards

    def action_handoff(self):
        self.ensure_one()
        prospect = self.partner_id
        prospect.check_access("write")
        # as the system: the kind is restricted to the archive groups; the
        # customer may have changed since the wizard was made
        if prospect.sudo().lam_customer_kind != "prospect":
            raise UserError(
                _(
                    "%(partner)s is no prospect: a terminal customer changes "
                    "dealer through the dealer link.",
                    partner=prospect.display_name,
                )
            )
        # Read as the system: the dealer is another manager's customer; its name and
        # manager are all we need.
        dealer = self.env["res.partner"].sudo().browse(int(self.dealer)).exists()
        if not dealer or dealer.lam_customer_kind != "dealer" or dealer == prospect:
            raise UserError(_("A prospect is handed to a dealer."))
        # As the system, after the checks above: handing a customer to a dealer is
        # how a manager gives him to another manager's dealer (a terminal customer
        # then goes to the dealer's channel manager).
        prospect.sudo().write(
            {
                "lam_dealer_id": dealer.id,
                "lam_handoff_reason": self.reason,
                "lam_handoff_date": self.date,
                "lam_stage": "potential"
                if prospect.lam_stage == "target"
                else prospect.lam_stage,
            }
        )
        # as the system: once handed over, the prospect is the dealer's channel
        # manager's
        prospect.sudo().message_post(
            body=_(
                "Handed to the dealer %(dealer)s: %(reason)s",
                dealer=dealer.name,
                reason=self.reason,
            )
        )
        if dealer.user_id:
            body = Markup("<p>%s</p><p>%s</p>") % (
                _(
                    "%(user)s hands the prospect %(prospect)s to your dealer.",
                    user=self.env.user.name,
                    prospect=prospect.name,
                ),
                self.reason,
            )
            dealer.message_post(
                body=body,
                partner_ids=dealer.user_id.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
            dealer.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=dealer.user_id.id,
                summary=_(
                    "Introduce %(prospect)s to the dealer", prospect=prospect.name
                ),
            )
        return {"type": "ir.actions.act_window_close"}
