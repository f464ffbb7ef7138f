# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import http
from odoo.http import content_disposition, request

from ..models.res_partner_import import TEMPLATE_URL

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class LamCustomerImportController(http.Controller):
    @http.route(TEMPLATE_URL, type="http", auth="user", methods=["GET"])
    def customer_import_template(self):
        """The customer archive's import template, headers in the user's
        language (Odoo's import screen links it)."""
        Partner = request.env["res.partner"]
        content = Partner._lam_import_template()
        filename = Partner.env._("Customer Archive Import Template") + ".xlsx"
        return request.make_response(
            content,
            headers=[
                ("Content-Type", XLSX_MIMETYPE),
                ("Content-Disposition", content_disposition(filename)),
                ("Content-Length", len(content)),
            ],
        )
