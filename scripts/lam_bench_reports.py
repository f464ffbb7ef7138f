# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""Print every report of the addon as its users print it and time it.

Run with the Odoo interpreter against a running Odoo serving a database
installed with the demo data (``make bench-reports`` starts one)::

    python scripts/lam_bench_reports.py --url http://127.0.0.1:8379 -d lam_bench_reports

Each report goes through HTTP as the web client sends it (``/report/download``),
so that wkhtmltopdf loads the report's styles from the server as it does for a
user:

- the Print menu of a list: every report action of the addon, as the department
  manager, for all the demo records of its model he may read;
- the Print Reports wizard: P1-P10 with the wizard's defaults (the last twelve
  months, every customer), as an account manager, the department manager and
  finance;
- P9 through the wizard for one customer and for every demo customer in the
  same run: a print of many costs little more per record than one.

It prints the time, the records and the pages (or bytes of a workbook) of each,
and marks what misses its target (10 s for a report of its demo selection;
P9 of every customer within 3 times one customer). A benchmark, not a test: the
times depend on the machine and its load.
"""
# A command-line tool: it prints what it does and finds.
# pylint: disable=print-used

import argparse
import io
import json
import re
import sys
import time
from urllib.parse import quote

import requests
from PyPDF2 import PdfReader

MODULE = "lubricant_account_manager"
TARGET_SECONDS = 10.0
TARGET_RATIO = 3.0
ROLES = {  # demo login: what the role is
    "lam_maint1": "account manager",
    "lam_manager": "department manager",
    "lam_finance": "finance",
}
WIZARD_REPORTS = ("p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9", "p10")
FINANCE_REPORTS = ("p8", "p9", "p10")
CUSTOMERS = [("is_company", "=", True), ("lam_customer_kind", "!=", False)]
# the records a list prints, per model (the lists' own filters)
MENU_DOMAINS = {
    "res.partner": CUSTOMERS,
    "lam.plan": [],
}
SKIPPED = {f"{MODULE}.report_psi_template"}  # a blank form for the dealer, no records


class Client:
    """A browser's session of one user."""

    def __init__(self, url, database, login):
        self.url = url
        self.session = requests.Session()
        response = self.session.post(
            f"{url}/web/session/authenticate",
            json={"params": {"db": database, "login": login, "password": login}},
            timeout=60,
        )
        if not (response.json().get("result") or {}).get("uid"):
            raise SystemExit(f"cannot log in as {login}")
        page = self.session.get(f"{url}/odoo", timeout=60).text
        self.csrf = re.search(r'csrf_token: "([^"]+)"', page).group(1)

    def call(self, model, method, *args, **kwargs):
        response = self.session.post(
            f"{self.url}/web/dataset/call_kw",
            json={
                "params": {
                    "model": model,
                    "method": method,
                    "args": list(args),
                    "kwargs": kwargs,
                }
            },
            timeout=600,
        ).json()
        if "error" in response:
            raise RuntimeError(response["error"]["data"]["message"])
        return response["result"]

    def download(self, report_url, report_type):
        """(seconds, content) of what the web client downloads for a report."""
        kind = "qweb-pdf" if report_type == "qweb-pdf" else report_type
        start = time.monotonic()
        response = self.session.post(
            f"{self.url}/report/download",
            data={
                "data": json.dumps([report_url, kind]),
                "context": json.dumps({"lang": "zh_CN", "tz": "Asia/Shanghai"}),
                "token": "bench",
                "csrf_token": self.csrf,
            },
            timeout=1200,
        )
        seconds = time.monotonic() - start
        if response.status_code != 200:
            raise RuntimeError(f"{report_url}: HTTP {response.status_code}")
        return seconds, response.content

    def print_action(self, action):
        """Download what a report action returned by a button prints, as the
        web client builds its URL (ids in the path, or options and context)."""
        report_type = action["report_type"]
        prefix = "/report/pdf/" if report_type == "qweb-pdf" else "/report/xlsx/"
        if action.get("data"):
            url = (
                f"{prefix}{action['report_name']}?options="
                f"{quote(json.dumps(action['data']))}"
                f"&context={quote(json.dumps(action.get('context') or {}))}"
            )
        else:
            ids = ",".join(map(str, action["context"]["active_ids"]))
            url = f"{prefix}{action['report_name']}/{ids}"
        return self.download(url, report_type)


def measure(content, report_type):
    """Pages of a PDF, or the size of a workbook. A PDF whose last footer
    counts another number of pages ("x / y") than it has is marked: the
    binder would look a page short."""
    if report_type == "qweb-pdf":
        if not content.startswith(b"%PDF"):
            raise RuntimeError(content[:200].decode(errors="replace"))
        pages = PdfReader(io.BytesIO(content)).pages
        totals = [
            int(total)
            for page, total in re.findall(
                r"(\d+)\s*/\s*(\d+)", pages[-1].extract_text() or ""
            )
            if int(page) == len(pages)
        ]
        if totals and len(pages) not in totals:
            return f"{len(pages)} pages, footer says {totals[-1]}"
        return f"{len(pages)} pages"
    return f"{len(content) // 1024} KB"


def line(what, role, records, seconds, size, target=TARGET_SECONDS):
    mark = "" if seconds <= target else f"  OVER {target:.0f} s"
    print(f"{what:<44} {role:<20} {records:>7} {size:>10} {seconds:>7.2f} s{mark}")
    return not mark


def bench_menu(url, database):
    """Every report action from its list's Print menu, as the department manager."""
    client = Client(url, database, "lam_manager")
    actions = client.call(
        "ir.actions.report",
        "search_read",
        [("report_name", "=like", f"{MODULE}.%")],
        ["report_name", "report_type", "model", "name"],
        order="report_name",
    )
    ok = True
    for action in actions:
        if action["report_name"] in SKIPPED:
            continue
        domain = MENU_DOMAINS.get(action["model"], [])
        ids = client.call(action["model"], "search", domain)
        if not ids:
            print(f"{action['report_name']}: no record to print")
            continue
        prefix = "pdf" if action["report_type"] == "qweb-pdf" else "xlsx"
        url_ = f"/report/{prefix}/{action['report_name']}/{','.join(map(str, ids))}"
        seconds, content = client.download(url_, action["report_type"])
        name = action["report_name"].removeprefix(f"{MODULE}.")
        ok &= line(
            f"menu {name}",
            "department manager",
            len(ids),
            seconds,
            measure(content, action["report_type"]),
        )
    return ok


def wizard_print(client, code, kind, partner_ids=None):
    values = {"report_code": code}
    if partner_ids:
        values["partner_ids"] = [(6, 0, partner_ids)]
    wizard = client.call("lam.report.wizard", "create", values)
    method = "action_print_pdf" if kind == "pdf" else "action_export_xlsx"
    action = client.call("lam.report.wizard", method, [wizard])
    seconds, content = client.print_action(action)
    return seconds, measure(content, action["report_type"])


def bench_wizard(url, database):
    """P1-P10 through the Print Reports wizard with its defaults, per role."""
    ok = True
    for login, role in ROLES.items():
        client = Client(url, database, login)
        codes = FINANCE_REPORTS if login == "lam_finance" else WIZARD_REPORTS
        for code in codes:
            for kind in ("pdf", "xlsx"):
                try:
                    seconds, size = wizard_print(client, code, kind)
                except RuntimeError as error:  # nothing to print for this role
                    print(f"wizard {code} {kind:<4} {role}: {str(error)[:60]}")
                    continue
                ok &= line(f"wizard {code} {kind}", role, "-", seconds, size)
    return ok


def bench_p9_scaling(url, database):
    """P9 through the wizard for one customer and for all of them, same run."""
    client = Client(url, database, "lam_manager")
    ids = client.call("res.partner", "search", CUSTOMERS, order="name")
    one, one_size = min(
        (wizard_print(client, "p9", "pdf", ids[:1]) for _attempt in range(2)),
        key=lambda result: result[0],
    )
    many, many_size = wizard_print(client, "p9", "pdf", ids)
    line("wizard p9 pdf, one customer", "department manager", 1, one, one_size)
    ok = line(
        "wizard p9 pdf, every customer",
        "department manager",
        len(ids),
        many,
        many_size,
        target=TARGET_RATIO * one,
    )
    print(
        f"P9: {len(ids)} customers in {many:.2f} s, one in {one:.2f} s: "
        f"ratio {many / one:.2f} (target <= {TARGET_RATIO:.0f})"
    )
    return ok


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("-d", "--database", required=True)
    args = parser.parse_args(argv)
    print(f"{'what':<44} {'role':<20} {'records':>7} {'size':>10} {'time':>9}")
    results = [
        bench_p9_scaling(args.url, args.database),
        bench_menu(args.url, args.database),
        bench_wizard(args.url, args.database),
    ]
    print("every report within its target" if all(results) else "some missed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
