# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""Senior visit requests are decided like the other requests
(lam.approval.mixin): accepted and declined become approved and refused,
decided_date becomes decided_on and decline_reason refusal_reason. Columns
and field records are renamed, not recreated, so that the values and their
tracking history stay."""

import logging

from odoo.tools import SQL

_logger = logging.getLogger(__name__)

MODEL = "lam.senior.visit.request"
TABLE = "lam_senior_visit_request"
RENAMED_FIELDS = {"decided_date": "decided_on", "decline_reason": "refusal_reason"}
RENAMED_STATES = {"accepted": "approved", "declined": "refused"}
XMLID_PREFIX = "field_lam_senior_visit_request__"
SELECTION_PREFIX = "selection__lam_senior_visit_request__state__"


def _columns(cr):
    cr.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = %s",
        (TABLE,),
    )
    return {name for (name,) in cr.fetchall()}


def _rename_fields(cr):
    columns = _columns(cr)
    for old, new in RENAMED_FIELDS.items():
        if old not in columns or new in columns:
            continue
        cr.execute(
            SQL(
                "ALTER TABLE %s RENAME COLUMN %s TO %s",
                SQL.identifier(TABLE),
                SQL.identifier(old),
                SQL.identifier(new),
            )
        )
        cr.execute(
            "UPDATE ir_model_fields SET name = %s WHERE model = %s AND name = %s",
            (new, MODEL, old),
        )
        cr.execute(
            "UPDATE ir_model_data SET name = %s "
            "WHERE module = 'lubricant_account_manager' AND model = 'ir.model.fields' "
            "AND name = %s",
            (XMLID_PREFIX + new, XMLID_PREFIX + old),
        )
        _logger.info("%s: field %s renamed %s", MODEL, old, new)


def _rename_states(cr):
    if "state" not in _columns(cr):
        return
    for old, new in RENAMED_STATES.items():
        cr.execute(
            SQL(
                "UPDATE %s SET state = %s WHERE state = %s",
                SQL.identifier(TABLE),
                new,
                old,
            )
        )
        if cr.rowcount:
            _logger.info("%s: %s requests %s are now %s", MODEL, cr.rowcount, old, new)
        cr.execute(
            """UPDATE ir_model_fields_selection s SET value = %s
                 FROM ir_model_fields f
                WHERE f.id = s.field_id AND f.model = %s AND f.name = 'state'
                  AND s.value = %s
                  AND NOT EXISTS (
                      SELECT 1 FROM ir_model_fields_selection o
                       WHERE o.field_id = s.field_id AND o.value = %s)""",
            (new, MODEL, old, new),
        )
        cr.execute(
            "UPDATE ir_model_data SET name = %s "
            "WHERE module = 'lubricant_account_manager' "
            "AND model = 'ir.model.fields.selection' AND name = %s",
            (SELECTION_PREFIX + new, SELECTION_PREFIX + old),
        )


def _fill_collection_companies(cr):
    """Collection actions gain the company of their invoice (a stored related
    field, for the multi-company rule): filled here from the invoices (a
    receivable is its account.move, same id), before the ORM would compute it
    through the receivables' query. A version before collection actions has
    none to fill."""
    cr.execute("SELECT to_regclass('lam_collection_action') IS NOT NULL")
    if not cr.fetchone()[0]:
        return
    cr.execute(
        "SELECT 1 FROM information_schema.columns "
        "WHERE table_name = 'lam_collection_action' AND column_name = 'company_id'"
    )
    if cr.fetchone():
        return
    cr.execute("ALTER TABLE lam_collection_action ADD COLUMN company_id int4")
    cr.execute(
        """UPDATE lam_collection_action a SET company_id = m.company_id
             FROM account_move m
            WHERE m.id = a.receivable_id"""
    )
    _logger.info("lam.collection.action: %s actions given a company", cr.rowcount)


def migrate(cr, version):
    _rename_fields(cr)
    _rename_states(cr)
    _fill_collection_companies(cr)
