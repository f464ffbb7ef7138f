# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

"""Giving a customer to another account manager, with its open work."""

from odoo import _, api, fields, models
from odoo.exceptions import AccessError


class ResPartner(models.Model):
    _inherit = "res.partner"

    lam_can_reassign = fields.Boolean(
        compute="_compute_lam_can_reassign",
        help="Technical: department managers and administrators change the account "
        "manager of a customer.",
    )
    lam_can_change_credit = fields.Boolean(
        compute="_compute_lam_can_reassign",
        help="Technical: finance, department managers and administrators change credit "
        "terms.",
    )
    lam_manager_candidate_ids = fields.Many2many(
        "res.users",
        compute="_compute_lam_can_reassign",
        help="Technical: the account managers this user may give a customer to.",
    )

    @api.depends_context("uid")
    def _compute_lam_can_reassign(self):
        user = self.env.user
        reassigns = user.has_group(
            "lubricant_account_manager.group_lam_department_manager"
        )
        self.lam_can_reassign = reassigns
        self.lam_can_change_credit = user._lam_may_change_credit()
        self.lam_manager_candidate_ids = (
            user._lam_reportable_managers() if reassigns else user
        )

    def _lam_reassign(self, from_user, to_user):
        """Give these customers of ``from_user`` to ``to_user`` with their open
        work; one chatter line per customer says who moved it, from whom, to
        whom. Work done keeps its doer."""
        # a dealer's terminal customers go with him
        self = self | self.sudo().lam_dealer_customer_ids.filtered(
            lambda customer: customer.user_id == from_user
        )
        self.write({"user_id": to_user.id})
        # as the system: the open complaints of the customers, whoever handles them; the
        # reassigner was checked
        self.env["lam.complaint"].sudo().search(
            [
                ("partner_id", "in", self.ids),
                ("user_id", "=", from_user.id),
                ("state", "in", ("new", "in_progress", "escalated")),
            ]
        ).write({"user_id": to_user.id})
        # as the system: the open work hangs on the customers and on their records of
        # every kind
        Activity = self.env["mail.activity"].sudo()
        moved = Activity.search(
            [
                ("user_id", "=", from_user.id),
                ("res_model", "=", "res.partner"),
                ("res_id", "in", self.ids),
            ]
        )
        for model in self.env["lam.customer.record.mixin"]._lam_record_models():
            if "activity_ids" in self.env[model]._fields:
                records = (
                    # as the system: every record of the moved customers, to find its
                    # open activities
                    self.env[model].sudo().search([("partner_id", "in", self.ids)])
                )
                moved |= Activity.search(
                    [
                        ("user_id", "=", from_user.id),
                        ("res_model", "=", model),
                        ("res_id", "in", records.ids),
                    ]
                )
        moved.with_context(mail_activity_quick_update=True).write(
            {"user_id": to_user.id}
        )
        # as the system: the planned visits of the former manager on these customers
        self.env["lam.visit"].sudo().search(
            [
                ("partner_id", "in", self.ids),
                ("user_id", "=", from_user.id),
                ("state", "=", "planned"),
            ]
        ).write({"user_id": to_user.id})
        # as the system: the open expansion plans of the former manager on these
        # customers
        self.env["lam.expansion.plan"].sudo().search(
            [
                ("partner_id", "in", self.ids),
                ("user_id", "=", from_user.id),
                ("stage", "in", ("planned", "in_progress")),
            ]
        ).write({"user_id": to_user.id})
        for partner in self:
            partner.message_post(
                body=_(
                    "%(who)s moved this customer from %(previous)s to %(new)s on "
                    "%(date)s.",
                    who=self.env.user.name,
                    previous=from_user.name,
                    new=to_user.name,
                    date=fields.Date.context_today(self),
                ),
                subtype_xmlid="mail.mt_note",
            )

    def _lam_check_may_adopt(self):
        """An account manager makes a lubricant customer of a partner he created
        himself, in one of his companies; another's partner, a shared one or
        another company's is given a kind by the department manager, whose rights
        are checked before this. The salesperson proves nothing: a manager sets
        himself as one on any partner he may edit."""
        user = self.env.user
        # as the system: the partners' author and company, which the manager may not
        # read
        strangers = self.sudo().filtered(
            lambda partner: (
                partner.company_id and partner.company_id not in user.company_ids
            )
            or partner.create_uid != user
            or partner.user_ids
        )
        if strangers:
            raise AccessError(
                _(
                    "%(partners)s: a partner that is not yours becomes a lubricant "
                    "customer through your department manager.",
                    partners=", ".join(strangers.mapped("display_name")),
                )
            )

    def _lam_hand_over_followers(self, previous_managers):
        """After a reassignment the former manager no longer follows the
        customer and what hangs on it; the new one follows the customer."""
        for partner, previous in previous_managers.items():
            if previous == partner.user_id or not partner.lam_customer_kind:
                continue
            if previous:
                for record in partner._lam_followed_records():
                    record.message_unsubscribe(partner_ids=previous.partner_id.ids)
            if partner.user_id:
                partner.message_subscribe(partner_ids=partner.user_id.partner_id.ids)

    def _lam_followed_records(self):
        """The customer and its records that have followers (superuser: all of them)."""
        self.ensure_one()
        records = [self]
        for model in self.env["lam.customer.record.mixin"]._lam_record_models():
            if "message_follower_ids" in self.env[model]._fields:
                records.append(
                    # as the system: every record of the customer, to move its followers
                    self.env[model].sudo().search([("partner_id", "=", self.id)])
                )
        return records
