# Copyright 2026 Lubricant Account Manager developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import base64
from urllib.parse import quote

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.periods import DEFAULT_REPORT_MONTHS, trailing_months

# report code: (PDF report action xml id, report model building the XLSX)
REPORTS = {
    "p9": ("lubricant_account_manager.action_report_p9",
           "report.lubricant_account_manager.report_p9_archive_basic"),
    "p10": ("lubricant_account_manager.action_report_p10",
            "report.lubricant_account_manager.report_p10_archive_dynamic"),
}


class LamReportWizard(models.TransientModel):
    _name = "lam.report.wizard"
    _description = "Account Management Report Filter"

    def _default_period(self):
        return trailing_months(fields.Date.context_today(self), DEFAULT_REPORT_MONTHS)

    report_code = fields.Selection(
        [("p9", "P9 Customer Archive (Basic)"), ("p10", "P10 Customer Archive (Dynamic)")],
        string="Report",
        required=True,
        default="p9",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Account Manager",
        domain=lambda self: [("groups_id", "in", self.env.ref("lubricant_account_manager.group_lam_user").ids)],
        help="Leave empty for every customer you may see.",
    )
    partner_ids = fields.Many2many(
        "res.partner",
        string="Customers",
        domain=[("is_company", "=", True), ("lam_customer_kind", "!=", False)],
        help="Leave empty for all customers of the account manager.",
    )
    date_from = fields.Date(string="From", default=lambda self: self._default_period()[0])
    date_to = fields.Date(string="To", default=lambda self: self._default_period()[1])
    needs_period = fields.Boolean(compute="_compute_needs_period")
    xlsx_file = fields.Binary(string="XLSX File", readonly=True, attachment=False)
    xlsx_filename = fields.Char(readonly=True)

    @api.depends("report_code")
    def _compute_needs_period(self):
        for wizard in self:
            wizard.needs_period = wizard.report_code == "p10"

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for wizard in self:
            if wizard.date_from and wizard.date_to and wizard.date_from > wizard.date_to:
                raise ValidationError(_("The start of the period must be before its end."))

    def _get_partners(self):
        self.ensure_one()
        if self.partner_ids:
            return self.partner_ids
        domain = [("is_company", "=", True), ("lam_customer_kind", "!=", False)]
        if self.user_id:
            domain.append(("user_id", "=", self.user_id.id))
        partners = self.env["res.partner"].search(domain, order="name")
        if not partners:
            raise UserError(_("No customer matches these filters."))
        return partners

    def _get_options(self):
        return {"date_from": fields.Date.to_string(self.date_from), "date_to": fields.Date.to_string(self.date_to)}

    def action_print_pdf(self):
        report_ref, _model = REPORTS[self.report_code]
        return self.env.ref(report_ref).report_action(self._get_partners(), data=self._get_options())

    def action_export_xlsx(self):
        _report_ref, report_model = REPORTS[self.report_code]
        content = self.env[report_model]._lam_xlsx(self._get_partners(), self._get_options())
        label = dict(self._fields["report_code"]._description_selection(self.env))[self.report_code]
        self.write({
            "xlsx_file": base64.b64encode(content),
            "xlsx_filename": f"{label} {fields.Date.context_today(self)}.xlsx",
        })
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self._name}/{self.id}/xlsx_file/{quote(self.xlsx_filename)}?download=true",
            "target": "download",
        }
