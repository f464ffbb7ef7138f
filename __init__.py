# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from . import controllers
from . import models
from . import reports
from . import wizards


# the companies whose credit limit the install switched on (ids, comma-separated)
SWITCHED_ON = "lubricant_account_manager.credit_limit_switched_on"


def post_init_hook(env):
    """Users already in the addon's groups (administrators) land in their
    customers; Odoo's own credit figures (amount to invoice) count, as the
    financial risk does: the companies that did not use credit limits do,
    and are remembered for the uninstall."""
    env["res.users"].search([("share", "=", False)])._lam_set_home_action()
    companies = env["res.company"].search([("account_use_credit_limit", "=", False)])
    # as the system: a hook's bookkeeping, no user's
    env["ir.config_parameter"].sudo().set_param(
        SWITCHED_ON, ",".join(str(company_id) for company_id in companies.ids)
    )
    companies.account_use_credit_limit = True


def uninstall_hook(env):
    """The companies whose credit limit the install switched on go back to
    none."""
    # as the system: a hook's bookkeeping, no user's
    parameter = env["ir.config_parameter"].sudo().search([("key", "=", SWITCHED_ON)])
    ids = [int(part) for part in (parameter.value or "").split(",") if part.isdigit()]
    env["res.company"].browse(ids).exists().account_use_credit_limit = False
    parameter.unlink()
