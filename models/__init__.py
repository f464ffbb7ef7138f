# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from . import res_company
from . import res_config_settings
from . import product_template
from . import res_users
from . import lam_customer_record_mixin
from . import lam_equipment_link_mixin
from . import lam_credit_event
from . import res_partner
from . import lam_equipment
from . import lam_oil_usage
from . import lam_oil_sample
from . import lam_oil_sample_line
from . import lam_purchase_analysis
from . import lam_work_record_mixin
from . import lam_visit
from . import lam_visit_participant
from . import lam_communication
from . import lam_archive_review
from . import lam_work_log
from . import lam_demo_data
from . import sale_order
from . import base_partner_merge_automatic_wizard
from . import lam_plan
from . import lam_plan_line
from . import lam_expansion_plan
from . import lam_market_info
from . import lam_prospect_criterion
from . import lam_prospect_score
from . import lam_senior_visit_request
from . import lam_scorecard
