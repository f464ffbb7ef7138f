# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import fields, models


class LamRiskIncludeMixin(models.AbstractModel):
    """The exposures counted against a customer's credit limit (OCA's risk
    settings of the same names), as credit terms asked for or applied with a
    reason: the credit change wizard and the credit change request."""

    _name = "lam.risk.include.mixin"
    _description = "Exposures Counted in the Credit Risk"

    risk_sale_order_include = fields.Boolean(
        string="Count Orders Not Invoiced",
        help="Confirmed sales orders not invoiced yet count in the exposure.",
    )
    risk_invoice_draft_include = fields.Boolean(
        string="Count Draft Invoices",
        help="Draft invoices count in the exposure.",
    )
    risk_invoice_open_include = fields.Boolean(
        string="Count Open Invoices",
        help="Posted invoices not due yet count in the exposure.",
    )
    risk_invoice_unpaid_include = fields.Boolean(
        string="Count Unpaid Invoices",
        help="Posted invoices past due count in the exposure.",
    )
