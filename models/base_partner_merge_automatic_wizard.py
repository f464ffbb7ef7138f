# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, models
from odoo.exceptions import AccessError


class BasePartnerMergeAutomaticWizard(models.TransientModel):
    _inherit = "base.partner.merge.automatic.wizard"

    def _merge(self, partner_ids, dst_partner=None, extra_checks=True):
        """Merging moves a customer's archive (credit history, equipment, work
        done) by SQL: only administrators of account management merge lubricant
        customers, and the records keep following their customer's manager."""
        # as the system: the kinds of all the merged partners, whoever may read them;
        # only lam admins go on
        partners = self.env["res.partner"].sudo().browse(partner_ids).exists()
        customers = partners.filtered("lam_customer_kind")
        if customers and not self.env.user.has_group(
            "lubricant_account_manager.group_lam_admin"
        ):
            raise AccessError(
                _(
                    "%(customers)s: lubricant customers are merged by an administrator "
                    "of account management.",
                    customers=", ".join(customers.mapped("display_name")),
                )
            )
        result = super()._merge(
            partner_ids, dst_partner=dst_partner, extra_checks=extra_checks
        )
        if customers:
            records_model = self.env["lam.customer.record.mixin"]
            for model in records_model._lam_record_models():
                records = (
                    self.env[model]
                    # as the system: every record of the merged customers moves, the
                    # merge being a lam admin's (checked above)
                    .sudo()
                    .search([("partner_id", "in", partners.exists().ids)])
                )
                self.env.add_to_compute(records._fields["account_manager_id"], records)
            self.env.flush_all()
        return result
