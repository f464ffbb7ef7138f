# Copyright 2026 Lubricant Account Manager developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

from . import report_p9_archive_basic
from . import report_p10_archive_dynamic
