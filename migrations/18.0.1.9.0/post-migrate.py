# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""18.0.1.9.0: a cadence status whose period is still running (neither covered
nor overdue) is in progress: it no longer counts as 0 % on time."""

import logging

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE lam_cadence_status
           SET in_progress_count = (NOT covered AND NOT overdue)::int,
               on_time = CASE WHEN covered THEN 100.0 WHEN overdue THEN 0.0 END
        """
    )
    _logger.info("cadence statuses: %s judged again (in progress)", cr.rowcount)
