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
    """What only the addon understands goes with it, so that the uninstall
    removes its data cleanly and a reinstall starts clean: the companies whose
    credit limit the install switched on go back to none; its activities (the
    cadence reminders and every activity of its types) are removed, which
    frees its activity types; its dealer assessments' lines go before the
    criteria they score; a working calendar of the addon that a company or an
    employee works on stays theirs (its xml id goes, so it is not deleted)."""
    # as the system: a hook's bookkeeping, no user's
    parameter = env["ir.config_parameter"].sudo().search([("key", "=", SWITCHED_ON)])
    ids = [int(part) for part in (parameter.value or "").split(",") if part.isdigit()]
    env["res.company"].browse(ids).exists().account_use_credit_limit = False
    parameter.unlink()
    data = (
        env["ir.model.data"].sudo().search([("module", "=", __name__.split(".")[-1])])
    )
    types = data.filtered(lambda xml_id: xml_id.model == "mail.activity.type")
    env["mail.activity"].sudo().with_context(active_test=False).search(
        [
            "|",
            ("lam_cadence_rule_id", "!=", False),
            ("activity_type_id", "in", types.mapped("res_id")),
        ]
    ).unlink()
    env.cr.execute("DELETE FROM lam_dealer_assessment_line")
    calendars = data.filtered(lambda xml_id: xml_id.model == "resource.calendar")
    used = (
        env["resource.resource"]
        .sudo()
        .with_context(active_test=False)
        .search([("calendar_id", "in", calendars.mapped("res_id"))])
        .calendar_id
        | env["res.company"]
        .sudo()
        .search([("resource_calendar_id", "in", calendars.mapped("res_id"))])
        .resource_calendar_id
    )
    calendars.filtered(lambda xml_id: xml_id.res_id in used.ids).unlink()
