# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from . import controllers
from . import models
from . import reports
from . import wizards


def post_init_hook(env):
    """Users already in the addon's groups (administrators) land in their
    customers; Odoo's own credit figures (amount to invoice) count, as the
    financial risk does."""
    env["res.users"].search([("share", "=", False)])._lam_set_home_action()
    env["res.company"].search([]).account_use_credit_limit = True
