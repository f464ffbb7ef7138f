# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

"""The dealer link (Art. 14): a dealer's terminal customers are managed with
him."""

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .res_partner import ARCHIVE_GROUPS


class ResPartner(models.Model):
    _inherit = "res.partner"

    lam_dealer_id = fields.Many2one(
        "res.partner",
        string="Dealer",
        index="btree_not_null",
        groups=ARCHIVE_GROUPS,
        domain=[("is_company", "=", True), ("lam_customer_kind", "=", "dealer")],
        help="The dealer this customer buys through, or was handed to.",
    )
    # --- dealers (Art. 14)
    lam_territory = fields.Char(
        string="Territory",
        tracking=True,
        groups=ARCHIVE_GROUPS,
        help="Where the dealer sells: cities, counties, industries.",
    )
    lam_dealer_customer_ids = fields.One2many(
        "res.partner",
        "lam_dealer_id",
        string="Dealer's Terminal Customers",
        groups=ARCHIVE_GROUPS,
        domain=[("lam_customer_kind", "=", "terminal")],
    )
    lam_dealer_customer_file = fields.Binary(
        string="Dealer's Customer List",
        # in the partner's row, not an attachment: an attachment of a binary
        # field is reachable by id (/web/content) without the field's groups
        attachment=False,
        groups=ARCHIVE_GROUPS,
        help="The dealer's own list of his customers, as he gave it.",
    )
    lam_dealer_customer_filename = fields.Char(
        string="Customer List File Name", groups=ARCHIVE_GROUPS
    )

    @api.constrains("lam_dealer_id")
    def _check_lam_dealer_id(self):
        # as the system: the dealer's kind is restricted to the archive groups
        for partner in self.sudo().filtered("lam_dealer_id"):
            dealer = partner.lam_dealer_id
            if (
                dealer == partner
                or not dealer.is_company
                or dealer.lam_customer_kind != "dealer"
            ):
                raise ValidationError(
                    _(
                        "%(partner)s: the dealer is one of our dealers, not the "
                        "customer itself.",
                        partner=partner.name,
                    )
                )

    def _lam_sync_dealer_customers(self, fnames, previous_managers):
        """A dealer's terminal customers are managed by the dealer's channel
        manager: linking one (or making a linked partner a terminal customer)
        moves it to him, which only he, his department manager or an
        administrator does; a dealer moving to another manager takes along the
        terminal customers he had; a linked terminal customer does not move
        alone (``previous_managers``: {partner: manager before the write})."""
        # as the system: the dealer's customers may be others'; who may link them is
        # checked below
        partners = self.sudo()
        if {"lam_dealer_id", "lam_customer_kind"}.intersection(fnames):
            linked = partners.filtered(
                lambda partner: partner.lam_customer_kind == "terminal"
                and partner.lam_dealer_id
                and partner.user_id != partner.lam_dealer_id.user_id
            )
            for customer in linked:
                if not self._lam_may_link_to_dealer(customer.lam_dealer_id):
                    raise AccessError(
                        _(
                            "%(customer)s: a dealer's customer is managed by the "
                            "dealer's channel manager; "
                            "ask him or your department manager to link it.",
                            customer=customer.name,
                        )
                    )
            for manager, customers in linked.grouped(
                lambda customer: customer.lam_dealer_id.user_id
            ).items():
                customers.write({"user_id": manager.id})
        for dealer in partners.filtered(
            lambda partner: partner.lam_customer_kind == "dealer"
            and partner in previous_managers
            and previous_managers[partner] != partner.user_id
        ):
            moving = dealer.lam_dealer_customer_ids.filtered(
                lambda customer, before=previous_managers[dealer]: customer.user_id
                == before
            )
            if moving:
                moving.write({"user_id": dealer.user_id.id})
        if "user_id" in fnames and not self.env.su:
            strays = partners.filtered(
                lambda partner: partner.lam_customer_kind == "terminal"
                and partner.lam_dealer_id
                and partner.user_id != partner.lam_dealer_id.user_id
            )
            if strays:
                raise UserError(
                    _(
                        "%(customers)s: a dealer's terminal customer is managed with "
                        "its dealer; unlink it "
                        "from the dealer first, or reassign the dealer.",
                        customers=", ".join(strays.mapped("name")),
                    )
                )

    def _lam_may_link_to_dealer(self, dealer):
        """Whether the user may give a customer to ``dealer``'s channel manager."""
        user = self.env.user
        return (
            self.env.su
            or user == dealer.user_id
            or user in dealer.user_id._lam_department_managers()
            or user.has_group("lubricant_account_manager.group_lam_admin")
        )
