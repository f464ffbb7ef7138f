# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""The cadence cron's position between batches moves from ir.config_parameter
to lam.cron.progress: a run under way goes on where it stood."""

import json
import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)

PARAM = "lubricant_account_manager.cadence_cursor"


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    param = env["ir.config_parameter"].search([("key", "=", PARAM)])
    if not param:
        return
    try:
        state = json.loads(param.value or "{}")
    except ValueError:
        state = {}
        _logger.warning(
            "Cadence cron position %r unreadable: the run starts over", param.value
        )
    env["lam.cron.progress"]._lam_set(PARAM, state)
    param.unlink()
    _logger.info(
        "Cadence cron position moved to lam.cron.progress: %s",
        state or "no run under way",
    )
