# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import json
import re

from werkzeug.exceptions import BadRequest
from werkzeug.urls import url_decode

from odoo.http import content_disposition, route

from odoo.addons.report_xlsx.controllers.main import ReportController

XLSX_TYPE = "spreadsheetml"
# control characters, path separators and bidirectional overrides
UNSAFE_FILENAME = re.compile(r"[\x00-\x1f\x7f/\\\u202a-\u202e\u2066-\u2069]")


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
        # OCA's route answers an error with status 200 and an error page: only
        # a workbook gets the name (an error stays an error in the browser)
        if filename and XLSX_TYPE in response.headers.get("Content-Type", ""):
            response.headers["Content-Disposition"] = content_disposition(filename)
        return response

    @staticmethod
    def _lam_asked_filename(data):
        try:
            url, report_type = json.loads(data)[:2]
        except (ValueError, TypeError, KeyError):
            return None
        if not isinstance(url, str) or report_type != "xlsx":
            return None
        path, _sep, query = url.partition("?")
        if not path.startswith("/report/xlsx/lubricant_account_manager."):
            return None
        try:
            options = json.loads(url_decode(query).get("options") or "{}")
        except ValueError:
            return None
        filename = options.get("lam_filename") if isinstance(options, dict) else None
        if not isinstance(filename, str):
            return None
        # a file name, not a path nor a direction override
        filename = UNSAFE_FILENAME.sub("", filename).strip()[:120]
        return filename or None
