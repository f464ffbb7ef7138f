# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""18.0.1.1.0: department managers lose "Sales: all documents"; archive data fixes."""

import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    _remove_all_sales_documents(env)
    _remove_finance_from_administrators(env)
    _fix_archive_data(env)
    env["res.users"].search([("share", "=", False)])._lam_set_home_action()
    _rename_sample_sequence(env)


def _remove_all_sales_documents(env):
    """The department manager group no longer implies "Sales: all documents";
    removing an implication does not remove the membership it gave. Users who
    hold the right through Sales administration keep it."""
    all_documents = env.ref("sales_team.group_sale_salesman_all_leads")
    department = env.ref("lubricant_account_manager.group_lam_department_manager")
    sales_admin = env.ref("sales_team.group_sale_manager")
    users = department.users.filtered(
        lambda user: sales_admin not in user.groups_id
        and all_documents in user.groups_id
    )
    if users:
        users.write({"groups_id": [(3, all_documents.id)]})
        _logger.info(
            "Removed 'Sales: all documents' from department managers %s",
            users.mapped("login"),
        )


def _remove_finance_from_administrators(env):
    """Administrators no longer imply finance, whose archive is read-only."""
    finance = env.ref("lubricant_account_manager.group_lam_finance")
    admins = env.ref("lubricant_account_manager.group_lam_admin").users & finance.users
    if admins:
        admins.write({"groups_id": [(3, finance.id)]})


def _rename_sample_sequence(env):
    sequence = env.ref(
        "lubricant_account_manager.seq_lam_oil_sample", raise_if_not_found=False
    )
    if sequence and sequence.prefix == "OS/%(year)s/":
        sequence.prefix = "油样/%(year)s/"


def _fix_archive_data(env):
    cr = env.cr
    # An empty unified social credit code is no code: NULL, so that two empty ones never
    # collide.
    cr.execute("UPDATE res_partner SET lam_uscc = NULL WHERE btrim(lam_uscc) = ''")
    # Contacts and key persons added under a customer took the customer
    # action's defaults (a company of kind terminal): they are persons of that
    # company. Through the ORM, so that their commercial partner follows.
    cr.execute("""
        SELECT id FROM res_partner
         WHERE parent_id IS NOT NULL AND (lam_customer_kind IS NOT NULL OR
             lam_is_key_person AND is_company)
    """)
    contacts = (
        env["res.partner"]
        .with_context(active_test=False)
        .browse([row[0] for row in cr.fetchall()])
    )
    if contacts:
        contacts.write({"is_company": False, "lam_customer_kind": False})
        _logger.info(
            "Turned %s contacts made into customers by mistake back into persons",
            len(contacts),
        )
    cr.execute(
        "UPDATE res_partner SET lam_customer_kind = NULL WHERE lam_customer_kind IS "
        "NOT NULL AND NOT is_company"
    )
