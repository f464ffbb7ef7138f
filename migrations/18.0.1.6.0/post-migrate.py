# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""18.0.1.6.0: lubricant customers' exposure counts draft, open and unpaid
invoices and confirmed orders not invoiced (OCA's financial risk)."""

import logging

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    cr.execute("""
        UPDATE res_partner
           SET risk_invoice_draft_include = TRUE, risk_invoice_open_include = TRUE,
               risk_invoice_unpaid_include = TRUE, risk_sale_order_include = TRUE
         WHERE lam_customer_kind IS NOT NULL AND is_company
    """)
    _logger.info("Financial risk included for %s lubricant customers", cr.rowcount)
    # Odoo's own credit figures (amount to invoice) stay consistent with the risk
    cr.execute("UPDATE res_company SET account_use_credit_limit = TRUE")
