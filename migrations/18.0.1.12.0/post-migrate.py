# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""18.0.1.12.0: the dealer criterion reads 终端开拓 (what the dealer does for
us), as the standard's assessment names it, where 18.0.1.10.0 wrote 终端拓展;
a name a user gave it stays."""

import logging

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE lam_assessment_criterion criterion
           SET name = criterion.name || jsonb_build_object('zh_CN', '终端开拓')
          FROM ir_model_data imd
         WHERE imd.module = 'lubricant_account_manager'
           AND imd.name = 'lam_assessment_criterion_terminals'
           AND imd.res_id = criterion.id
           AND criterion.name ->> 'zh_CN' = '终端拓展'
        """
    )
    if cr.rowcount:
        _logger.info("Dealer criterion 终端拓展 renamed 终端开拓")
