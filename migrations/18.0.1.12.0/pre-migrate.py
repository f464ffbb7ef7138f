# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""18.0.1.12.0, before the models load: values an earlier version accepted
and this one refuses are brought within its ranges and constraints, each
change logged with its record and old value (tools/repair.py). A date such as
9999-06-01 made the upgrade abort in a compute; an oil change interval over
ten years left the constraint bounding it out; a second line of a customer in
a manager's part of a sales plan now has a constraint against it too."""

import logging

from odoo.addons.lubricant_account_manager.tools.repair import repair_all

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    changed = repair_all(cr)
    _logger.info("%s values brought within this version's constraints", changed)
