# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from . import test_volume_conversion
from . import test_partner_archive
from . import test_security
from . import test_reports
from . import test_performance
from . import test_i18n
from . import test_tour_archive
from . import test_isolation
from . import test_hardening
from . import test_purchases
from . import test_report_http
from . import test_usability
from . import test_field_work
from . import test_complaints
from . import test_dealers
from . import test_planning
from . import test_abc
from . import test_cadence
from . import test_sales
from . import test_receivables
from . import test_credit_hold
from . import test_companies
from . import test_purchase_net
from . import test_measures
from . import test_role_day
from . import test_report_css
from . import test_robots
from . import test_robot_queue
from . import test_visit_proof
from . import test_tour_phone
from . import test_duplicates
from . import test_reviews
from . import test_archive_completeness
from . import test_cockpit
from . import test_customer_import
