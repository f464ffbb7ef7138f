# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""A dealer's customer list moves from an attachment into the partner's row
(lam_dealer_customer_file is no longer stored as an attachment, which any
internal user could fetch by id): each file is copied, then its attachment
removed."""

import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    attachments = (
        env["ir.attachment"]
        .with_context(skip_res_field_check=True)
        .search(
            [
                ("res_model", "=", "res.partner"),
                ("res_field", "=", "lam_dealer_customer_file"),
            ]
        )
    )
    for attachment in attachments:
        cr.execute(
            "UPDATE res_partner SET lam_dealer_customer_file = %s WHERE id = %s",
            (attachment.datas, attachment.res_id),
        )
    attachments.unlink()
    if attachments:
        _logger.info(
            "%s dealer customer lists moved into their partner", len(attachments)
        )
