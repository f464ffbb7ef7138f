# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import json

from werkzeug.exceptions import BadRequest
from werkzeug.urls import url_decode

from odoo.http import content_disposition, route

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

    @route()
    def report_download(self, data, context=None, token=None, readonly=True):
        """An XLSX of this addon asked with ``lam_filename`` in its data (the
        PSI template: dealer and month) downloads under that name rather than
        the report's."""
        response = super().report_download(
            data, context=context, token=token, readonly=readonly
        )
        filename = self._lam_asked_filename(data)
        if filename and response.status_code == 200:
            response.headers["Content-Disposition"] = content_disposition(filename)
        return response

    @staticmethod
    def _lam_asked_filename(data):
        try:
            url, report_type = json.loads(data)[:2]
        except (ValueError, TypeError):
            return None
        if (
            report_type != "xlsx"
            or "/report/xlsx/lubricant_account_manager." not in url
        ):
            return None
        query = url.split("?", 1)[1] if "?" in url else ""
        try:
            options = json.loads(url_decode(query).get("options") or "{}")
        except ValueError:
            return None
        filename = options.get("lam_filename") if isinstance(options, dict) else None
        if not isinstance(filename, str) or not filename.strip():
            return None
        return filename.strip()[:120]
