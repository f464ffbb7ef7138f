# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""Scorecard rows gain a unique key (manager, period, start, requirement):
rows stored twice by a refresh of an earlier version keep their newest copy,
so that the constraint can be added. The rows are figures the scheduled
action computes again; nothing entered by a user is removed."""

import logging

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    cr.execute("SELECT to_regclass('lam_scorecard') IS NOT NULL")
    if not cr.fetchone()[0]:  # a version before the scorecard: nothing to remove
        return
    cr.execute(
        """
        DELETE FROM lam_scorecard s
         USING lam_scorecard newer
         WHERE newer.user_id = s.user_id AND newer.period = s.period
           AND newer.date_from = s.date_from
           AND newer.requirement = s.requirement
           AND newer.id > s.id
        """
    )
    if cr.rowcount:
        _logger.info(
            "Scorecard: %s duplicate rows removed before the unique key", cr.rowcount
        )
