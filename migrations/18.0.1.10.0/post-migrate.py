# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""18.0.1.10.0: China's standard working hours arrive as a data record (made
by the upgrade, noupdate); its public holidays and make-up working days are
loaded here, since a data file's function runs at install only. The dealer
criterion "Terminal Development" (终端开拓类, the name of a manager category)
becomes "Terminal Expansion" (终端拓展, Art. 14), unless renamed already.
A credit change request still to decide keeps the customer's terms of the
upgrade as the terms it was asked against (shown beside the asked ones, and
an approval is refused once they changed)."""

import logging

from odoo import SUPERUSER_ID, api

from odoo.addons.lubricant_account_manager.models.lam_credit_change_request import (
    current_terms,
)
from odoo.addons.lubricant_account_manager.models.resource_calendar import (
    CHINA_HOLIDAYS,
)

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE lam_assessment_criterion criterion
           SET name = criterion.name
                      || jsonb_build_object('en_US', 'Terminal Expansion')
                      || CASE WHEN criterion.name ? 'zh_CN'
                              THEN jsonb_build_object('zh_CN', '终端拓展')
                              ELSE '{}'::jsonb END
          FROM ir_model_data imd
         WHERE imd.module = 'lubricant_account_manager'
           AND imd.name = 'lam_assessment_criterion_terminals'
           AND imd.res_id = criterion.id
           AND criterion.name->>'en_US' = 'Terminal Development'
        """
    )
    _logger.info("dealer criterion renamed Terminal Expansion: %s", cr.rowcount)
    env = api.Environment(cr, SUPERUSER_ID, {})
    calendar = env.ref(
        "lubricant_account_manager.resource_calendar_cn", raise_if_not_found=False
    )
    if calendar:
        if not calendar.full_time_required_hours:
            calendar.full_time_required_hours = 37.5
        holidays, workdays = calendar._lam_add_days(CHINA_HOLIDAYS)
        _logger.info(
            "China's working hours: %s public holidays and %s make-up days loaded",
            holidays,
            workdays,
        )
    pending = env["lam.credit.change.request"].search([("state", "=", "requested")])
    for request in pending:
        terms = current_terms(request.partner_id)
        request.write(
            {
                f"previous_{name}": terms[name]
                for name in ("credit_rating", "credit_limit", "payment_term_id")
            }
        )
    _logger.info("credit change requests to decide: %s", len(pending))
