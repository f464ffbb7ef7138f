# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from . import lam_report_mixin
from . import report_p9_archive_basic
from . import report_p9_xlsx
from . import report_p10_archive_dynamic
from . import report_p10_xlsx
from . import report_p1_work_log
from . import report_p1_xlsx
from . import report_p6_communication
from . import report_p6_xlsx
from . import report_plan_mixin
from . import report_p2_weekly_plan
from . import report_p3_monthly_plan
from . import report_p4_monthly_summary
from . import report_p5_expansion_plan
from . import report_psi_template
from . import report_complaint_sla
from . import report_dealer_assessment
from . import report_psi_analysis
from . import report_p7_purchase_tracking
from . import report_p7_xlsx
from . import report_p8_receivables
from . import report_p8_xlsx
from . import report_morning_meeting
