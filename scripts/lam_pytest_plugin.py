# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""pytest plugin of the suite (``-p lam_pytest_plugin``, loaded by scripts/lam_env.sh).

Not a conftest.py: pytest would import one inside the addon before
pytest-odoo can make it importable as ``odoo.addons.…``.

Odoo skips an ``HttpCase`` (browser tours) instead of failing it when Chromium,
websocket-client or the HTTP server (pytest-odoo's ``--odoo-http``) is
missing. A tour that did not run proves nothing, so here every skip is a
failure.
"""

import freezegun
import pytest

# pytest times each test with the clock that a test's freeze_time stops:
# let pytest's own timing read the real one (--durations stays true)
freezegun.configure(extend_ignore_list=["_pytest.timing"])


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.skipped and not hasattr(report, "wasxfail"):
        reason = (
            report.longrepr[2]
            if isinstance(report.longrepr, tuple)
            else str(report.longrepr)
        )
        report.outcome = "failed"
        report.longrepr = (
            f"{item.nodeid} was skipped, and this suite allows no skip: {reason}"
        )
