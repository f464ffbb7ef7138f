# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""18.0.1.14.0: a check-in's distance is measured against the customer's
position when it was made, now kept on the visit (it followed the
customer's position until then). The visits checked in before take the
customer's position as it is (the best known); their distance and review
flags are computed again."""

import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE lam_visit visit
           SET checkin_partner_latitude = partner.partner_latitude,
               checkin_partner_longitude = partner.partner_longitude
          FROM res_partner partner
         WHERE partner.id = visit.partner_id
           AND visit.checkin_time IS NOT NULL
           AND (partner.partner_latitude <> 0 OR partner.partner_longitude <> 0)
     RETURNING visit.id
        """
    )
    ids = [row[0] for row in cr.fetchall()]
    if not ids:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    visits = env["lam.visit"].browse(ids)
    visits.invalidate_recordset(
        ["checkin_partner_latitude", "checkin_partner_longitude"]
    )
    visits.modified(["checkin_partner_latitude", "checkin_partner_longitude"])
    env.flush_all()
    _logger.info("visits: %s check-ins measured against their customer", len(ids))
