# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from . import lam_report_wizard
from . import lam_credit_change_wizard
from . import lam_day_route_wizard
from . import lam_handoff_wizard
from . import lam_reassign_wizard
from . import lam_abc_pin_wizard
from . import lam_psi_import_wizard
from . import lam_holiday_import_wizard
from . import lam_sales_plan_breakdown_wizard
from . import partner_risk_exceeded_wiz
from . import sale_advance_payment_inv
from . import lam_review_wizard
