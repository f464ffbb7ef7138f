# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""Every upgrade, before the models load: values this version refuses but
that reached the database anyway (an import in SQL, a restored backup of an
older version) are brought within its ranges and constraints, each change
logged with its record and old value (tools/repair.py). This is also the
repair 18.0.1.12.0 brought for what earlier versions accepted (a date in
9999 aborted the upgrade; an interval over ten years left a constraint
out). Idempotent: on a clean database it finds nothing, and says so."""

import logging

from odoo.addons.lubricant_account_manager.tools.repair import repair_all

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    changed = repair_all(cr)
    _logger.info("%s values brought within this version's constraints", changed)
