# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from werkzeug.exceptions import BadRequest

from odoo.http import route

from odoo.addons.report_xlsx.controllers.main import ReportController


class LamReportController(ReportController):
    @route()
    def report_routes(self, reportname, docids=None, converter=None, **data):
        """OCA's XLSX route answers a malformed list of ids (``abc``, ``1,,2``)
        with a server error; like the PDF route, it is a bad request."""
        if converter == "xlsx" and docids:
            ids = docids.split(",")
            if not all(part.isdigit() for part in ids):
                raise BadRequest("The report's ids are numbers separated by commas.")
        return super().report_routes(reportname, docids, converter, **data)
