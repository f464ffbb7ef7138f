# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.volume import convert_quantity


class ResCompany(models.Model):
    _name = "res.company"
    _inherit = ["res.company", "lam.validated.mixin"]
    _lam_validated_prefix = "lam_"

    def _default_lam_reference_uom(self):
        return self.env.ref("uom.product_uom_litre", raise_if_not_found=False)

    lam_reference_uom_id = fields.Many2one(
        "uom.uom",
        string="Reference Volume Unit",
        default=_default_lam_reference_uom,
        domain=lambda self: [("id", "in", self._lam_reference_uoms().ids)],
        help="Unit in which every lubricant volume (grades, plans, reports) is "
        "expressed.",
    )
    lam_default_density = fields.Float(
        string="Default Density (kg/L)",
        default=0.88,
        digits=(12, 3),
        help="Used to convert between volume and weight for products without a density "
        "of their own.",
    )

    lam_key_person_min_count = fields.Integer(
        string="Key Persons Required",
        default=1,
        help="Key persons every large or medium terminal customer must have (Art. 33).",
    )
    lam_oil_change_due_days = fields.Integer(
        string="Oil Change Due Within (days)",
        default=30,
        help="Equipment whose next oil change falls within this many days is shown as "
        "due.",
    )
    # --- planning and the manager's work requirements (Art. 17, 18, 20-22, 32)
    lam_weekly_meeting_day = fields.Selection(
        [
            ("0", "Monday"),
            ("1", "Tuesday"),
            ("2", "Wednesday"),
            ("3", "Thursday"),
            ("4", "Friday"),
            ("5", "Saturday"),
            ("6", "Sunday"),
        ],
        string="Weekly Meeting Day",
        default="0",
        help="The weekly plan of a week is due on its meeting day, its summary on the "
        "next week's.",
    )
    lam_monthly_deadline_days = fields.Integer(
        string="Monthly Plans Due (days before month end)",
        default=3,
        help="The monthly summary and the next month's plan are due this many days "
        "before the month ends.",
    )
    lam_target_list_cap = fields.Integer(
        string="Active Targets per Manager at Most",
        default=20,
        help="A development manager keeps a short, focused target list (Art. 32).",
    )
    lam_target_daily_calls = fields.Integer(
        string="Phone/Online Contacts a Day", default=5
    )
    lam_target_field_day_customers = fields.Integer(
        string="Customers Visited per Field Day", default=2
    )
    lam_target_field_days_week = fields.Integer(string="Field Days a Week", default=3)
    lam_target_reviews_week = fields.Integer(
        string="Archives Reviewed a Week", default=2
    )
    lam_target_field_share = fields.Float(
        string="Share of Working Time in the Field (%)", default=50.0
    )
    lam_collection_grace_days = fields.Integer(
        string="Collect Invoices Past Due by More Than (days)",
        default=0,
        help="Art. 13.7: an invoice past due by more than this gives the customer's "
        "manager a collection activity, closed when it is paid or a payment is "
        "promised, opened again when the promised date passes.",
    )
    lam_arrival_margin_minutes = fields.Integer(
        string="Arrive Minutes before the Appointment",
        default=5,
        help="Art. 35: be there 5-10 minutes early. A check-in later than this "
        "before the appointment is late; earlier than twice this is early.",
    )
    lam_checkin_max_distance_m = fields.Integer(
        string="Check-in Farther than (m) Needs Review",
        default=500,
        help="A check-in farther than this from the customer's position on the map "
        "is flagged for the department manager's review.",
    )
    lam_checkin_max_accuracy_m = fields.Integer(
        string="Position Less Accurate than (m) Needs Review",
        default=200,
        help="A check-in whose position the phone gives less accurately than this "
        "is flagged for review; a better one may set a customer's position when "
        "he has none.",
    )
    lam_checkin_photo_required = fields.Boolean(
        string="Photo Required on Check-in",
        help="A visit is checked in with a photo taken on site.",
    )
    lam_field_time_method = fields.Selection(
        [
            ("field_days", "Field Days"),
            ("day_out", "Day Out"),
        ],
        string="Time in the Field Counted As",
        default="field_days",
        required=True,
        help="Field Days: a day with a visit done counts the manager's working hours "
        "that day. Day Out: from leaving for the first visit (its check-in less the "
        "travel time) to the last check-out plus the way back; a day without any "
        "check-out counts the visits' planned durations.",
    )
    lam_field_travel_hours = fields.Float(
        string="Travel to the First Customer (hours)",
        default=0.5,
        help="Day Out: the way to the first visit and back, each, when the visit "
        "records no departure time.",
    )
    # --- ABC grading (Art. 19) and contact cadences (Art. 20-22)
    lam_abc_basis = fields.Selection(
        [("volume", "Volume in the Reference Unit"), ("revenue", "Untaxed Revenue")],
        string="Grade On",
        default="volume",
        required=True,
        help="What ranks the customers: lubricant volume sold, or untaxed revenue in "
        "company currency.",
    )
    lam_abc_months = fields.Integer(
        string="Grading Look-back (months)",
        default=12,
        help="Sales of this many months, up to today, less the credit notes of the "
        "same months.",
    )
    lam_abc_threshold_a = fields.Float(
        string="Grade A up to (%)",
        default=70.0,
        help="Customers making the first 70% of the cumulative volume are A.",
    )
    lam_abc_threshold_b = fields.Float(
        string="Grades A and B up to (%)",
        default=90.0,
        help="Customers making the next share, up to 90%, are B; the rest C.",
    )
    lam_abc_scope = fields.Selection(
        [
            ("company", "All Customers of the Company"),
            ("manager", "Each Account Manager's Customers"),
        ],
        string="Rank Among",
        default="company",
        required=True,
        help="One ranking of every customer of the company, or one per account "
        "manager's portfolio (Art. 19).",
    )
    lam_abc_dealers = fields.Selection(
        [
            ("apart", "In Their Own Ranking"),
            ("together", "With the Terminal Customers"),
            ("none", "Not Graded"),
        ],
        string="Dealers Graded",
        default="apart",
        required=True,
        help="Dealers buy for many terminal customers: ranked among themselves by "
        "default, or with the terminal customers, or not graded. A dealer's own "
        "terminal customers buy through him and are never graded.",
    )
    lam_cadence_batch_size = fields.Integer(
        string="Customers per Cadence Batch",
        default=1000,
        help="The scheduled action checks the cadences of this many customers per "
        "transaction.",
    )
    # --- complaints (Art. 13.8, 20.4) and dealers (Art. 14)
    lam_complaint_sla_hours = fields.Float(
        string="Complaint Resolution Time (working hours)",
        default=8.0,
        help="A complaint the manager can resolve himself is resolved within this many "
        "working hours (Art. 20.4).",
    )
    lam_complaint_warning_hours = fields.Float(
        string="Warn the Team Robot before a Complaint's Deadline (hours)",
        default=2.0,
        help="An open complaint this close to its deadline is announced once to "
        "its handler's team robot.",
    )
    lam_complaint_calendar_id = fields.Many2one(
        "resource.calendar",
        string="Complaint Working Calendar",
        help="The working hours and public holidays the complaint deadlines count on; "
        "empty: the company's.",
    )
    lam_psi_due_day = fields.Integer(
        string="Dealer PSI Due on Day",
        default=10,
        help="A dealer's stock report (PSI) of a month is due on this day of the next "
        "month.",
    )
    lam_psi_import_max_rows = fields.Integer(
        string="PSI Import: Rows at Most",
        default=2000,
        help="A dealer's stock report (PSI) imported from XLSX holds at most this "
        "many product rows; a longer file is refused before it is read to its end.",
    )
    lam_psi_tolerance = fields.Float(
        string="PSI Purchases Tolerance (%)",
        default=5.0,
        help="A dealer's reported purchases differing from our sales to him by more "
        "than this share are flagged.",
    )
    lam_violation_penalty = fields.Float(
        string="Points Lost per Confirmed Violation",
        default=25.0,
        help="In a dealer assessment, the market-order criterion loses this many "
        "points (of 100) per violation.",
    )
    lam_assessment_grade_a = fields.Float(
        string="Assessment Grade A from", default=85.0
    )
    lam_assessment_grade_b = fields.Float(
        string="Assessment Grade B from", default=70.0
    )
    lam_assessment_grade_c = fields.Float(
        string="Assessment Grade C from", default=60.0
    )
    # --- sales plans, drops and forecasts (Art. 13.1-13.3)
    lam_sales_plan_due_day = fields.Integer(
        string="Sales Plan Breakdown Due on Day",
        default=28,
        help="Each manager breaks his part of next month's sales plan down per "
        "customer by this day.",
    )
    lam_drop_window_months = fields.Integer(
        string="Purchase Drop Window (months)",
        default=3,
        help="The last complete months whose purchases are compared with the "
        "customer's own baseline.",
    )
    lam_drop_share = fields.Float(
        string="Purchase Drop Threshold (%)",
        default=70.0,
        help="A customer buying less than this share of his baseline in the window is "
        "flagged.",
    )
    lam_lost_months = fields.Integer(
        string="Customer Lost After (months)",
        default=3,
        help="A customer who bought in the twelve months before and nothing for this "
        "many months is lost (Art. 22.4): counted in the month the last of them ends.",
    )
    lam_key_change_share = fields.Float(
        string="Key Customer Volume Change (%)",
        default=20.0,
        help="An A or B customer whose month differs from his monthly average by more "
        "than this share is listed in the monthly summary (P4) with its reason "
        "(Art. 22.1).",
    )
    lam_forecast_gap_share = fields.Float(
        string="Equipment Gap Tolerance (%)",
        default=20.0,
        help="A customer whose equipment needs more than his purchases plus this share "
        "buys elsewhere.",
    )
    lam_report_max_customers = fields.Integer(
        string="Customers per Report at Most",
        default=200,
        help="Printing a report for every customer one may see, without choosing a "
        "manager or customers, "
        "is refused above this number.",
    )

    _sql_constraints = [
        (
            "lam_sales_settings_valid",
            "CHECK(COALESCE(lam_sales_plan_due_day, 28) BETWEEN 1 AND 28 "
            "AND COALESCE(lam_drop_window_months, 3) BETWEEN 1 AND 12 "
            "AND COALESCE(lam_drop_share, 70) > 0 AND COALESCE(lam_drop_share, 70) <= "
            "100 "
            "AND COALESCE(lam_forecast_gap_share, 20) BETWEEN 0 AND 1000 "
            "AND COALESCE(lam_lost_months, 3) BETWEEN 1 AND 12 "
            "AND COALESCE(lam_key_change_share, 20) BETWEEN 0 AND 1000)",
            "The sales plan is due on day 1 to 28; the drop window is 1 to 12 months "
            "and its threshold a share of "
            "100; the equipment tolerance 0 to 1,000 %; a customer is lost after 1 to "
            "12 months; a key customer's change is 0 to 1,000 %.",
        ),
        (
            "lam_dealer_settings_valid",
            "CHECK(COALESCE(lam_complaint_sla_hours, 8) > 0 AND "
            "COALESCE(lam_complaint_sla_hours, 8) <= 1000 "
            "AND COALESCE(lam_psi_due_day, 10) BETWEEN 1 AND 28 "
            "AND COALESCE(lam_psi_tolerance, 5) BETWEEN 0 AND 100 "
            "AND COALESCE(lam_violation_penalty, 25) BETWEEN 0 AND 100 "
            "AND COALESCE(lam_assessment_grade_c, 60) <= "
            "COALESCE(lam_assessment_grade_b, 70) "
            "AND COALESCE(lam_assessment_grade_b, 70) <= "
            "COALESCE(lam_assessment_grade_a, 85) "
            "AND COALESCE(lam_assessment_grade_a, 85) <= 100)",
            "A complaint is resolved within 0 to 1,000 working hours; a PSI is due on "
            "day 1 to 28; tolerance and "
            "penalty are shares of 100; assessment grades go down from A to C.",
        ),
        (
            "lam_psi_import_rows_valid",
            "CHECK(COALESCE(lam_psi_import_max_rows, 2000) BETWEEN 10 AND 100000)",
            "A PSI import reads 10 to 100,000 product rows.",
        ),
        (
            "lam_abc_settings_valid",
            "CHECK(COALESCE(lam_abc_months, 1) BETWEEN 1 AND 120 "
            "AND COALESCE(lam_abc_threshold_a, 70) > 0 "
            "AND COALESCE(lam_abc_threshold_a, 70) <= COALESCE(lam_abc_threshold_b, "
            "90) "
            "AND COALESCE(lam_abc_threshold_b, 90) <= 100 "
            "AND COALESCE(lam_cadence_batch_size, 1000) BETWEEN 10 AND 100000)",
            "Grading looks back 1 to 120 months; the A threshold is above 0% and at "
            "most the A+B threshold, "
            "itself at most 100%; a cadence batch holds 10 to 100,000 customers.",
        ),
        (
            "lam_planning_settings_not_negative",
            "CHECK(COALESCE(lam_monthly_deadline_days, 0) >= 0 AND "
            "COALESCE(lam_target_list_cap, 0) >= 0 "
            "AND COALESCE(lam_target_daily_calls, 0) >= 0 AND "
            "COALESCE(lam_target_field_day_customers, 0) >= 0 "
            "AND COALESCE(lam_target_field_days_week, 0) >= 0 AND "
            "COALESCE(lam_target_reviews_week, 0) >= 0 "
            "AND COALESCE(lam_target_field_share, 0) BETWEEN 0 AND 100 "
            "AND COALESCE(lam_field_travel_hours, 0) BETWEEN 0 AND 24 "
            "AND COALESCE(lam_arrival_margin_minutes, 0) BETWEEN 0 AND 240 "
            "AND COALESCE(lam_collection_grace_days, 0) BETWEEN 0 AND 365)",
            "Planning deadlines and work targets cannot be negative, and a share is at "
            "most 100%.",
        ),
        (
            "lam_complaint_warning_valid",
            "CHECK(COALESCE(lam_complaint_warning_hours, 2) BETWEEN 0 AND 1000)",
            "A complaint is announced 0 to 1,000 hours before its deadline.",
        ),
        (
            "lam_checkin_settings_valid",
            "CHECK(COALESCE(lam_checkin_max_distance_m, 500) BETWEEN 10 AND 100000 "
            "AND COALESCE(lam_checkin_max_accuracy_m, 200) BETWEEN 5 AND 10000)",
            "A check-in is reviewed beyond 10 m to 100 km from the customer, and "
            "beyond an accuracy of 5 m to 10 km.",
        ),
        (
            "lam_key_person_min_count_not_negative",
            "CHECK(lam_key_person_min_count >= 0)",
            "The number of key persons required cannot be negative.",
        ),
        (
            "lam_oil_change_due_days_not_negative",
            "CHECK(lam_oil_change_due_days >= 0)",
            "The oil change notice cannot be negative.",
        ),
        (
            "lam_report_max_customers_positive",
            "CHECK(lam_report_max_customers > 0)",
            "The number of customers per report must be greater than zero.",
        ),
        (
            "lam_default_density_positive",
            "CHECK(lam_default_density > 0)",
            "The default density must be greater than zero.",
        ),
    ]

    @api.model
    def _lam_label_volumes(self, descriptions, names):
        """``descriptions`` (a ``fields_get`` result) with the company's
        reference unit in the labels of the volumes ``names``."""
        # a call asking no label (the mail tracking's) costs no query
        labelled = [name for name in names if "string" in descriptions.get(name, {})]
        unit = labelled and self._lam_reference_uom().name
        for name in labelled if unit else ():
            descriptions[name]["string"] = _(
                "%(label)s (%(unit)s)",
                label=descriptions[name]["string"],
                unit=unit,
            )
        return descriptions

    def _lam_reference_uoms(self):
        """The units a reference volume may be expressed in: litre, kilogram, tonne."""
        return (
            self._lam_uom("uom.product_uom_litre")
            | self._lam_uom("uom.product_uom_kgm")
            | self._lam_uom("uom.product_uom_ton")
        )

    @api.model
    def _lam_uom(self, xmlid):
        """One of Odoo's units by its xml id. Its id is cached: ``env.ref``
        would ask the database whether it exists on every call, and a
        conversion per product and unit made those queries most of a run's
        (issue 22)."""
        return self.env["uom.uom"].browse(
            self.env["ir.model.data"]._xmlid_to_res_id(xmlid, raise_if_not_found=True)
        )

    @api.constrains("lam_reference_uom_id")
    def _check_lam_reference_uom_id(self):
        allowed = self._lam_reference_uoms()
        for company in self:
            if (
                company.lam_reference_uom_id
                and company.lam_reference_uom_id not in allowed
            ):
                raise ValidationError(
                    _("The reference volume unit must be litre, kilogram or tonne.")
                )

    def write(self, vals):
        result = super().write(vals)
        if "lam_key_person_min_count" in vals:
            # computed per company, not stored: only the cache is stale
            self.env["res.partner"].invalidate_model(["lam_missing_key_person"])
        return result

    @api.model
    def _lam_load_demo(self, step):
        """Demo data written by code (demo/lam_demo_data.py), one step per demo
        file; imported here only, so that it is loaded by a demo install alone."""
        from ..demo.lam_demo_data import DemoData

        if step not in DemoData.STEPS:
            raise UserError(_("%(step)s is not a step of the demo.", step=step))
        # the demo is made in Chinese where it is installed: its work logs,
        # activities and messages are written in the managers' language
        installed = dict(self.env["res.lang"].get_installed())
        lang = "zh_CN" if "zh_CN" in installed else self.env.lang
        getattr(DemoData(self.with_context(lang=lang).env), step)()

    @api.constrains("lam_sales_plan_due_day", "lam_psi_due_day")
    def _check_lam_days_of_month(self):
        """A day of the month every month has: 1 to 28 (checked before any date
        is computed from it)."""
        for company in self:
            for fname in ("lam_sales_plan_due_day", "lam_psi_due_day"):
                if not 1 <= (company[fname] or 0) <= 28:
                    raise ValidationError(
                        _(
                            "%(setting)s is a day of the month every month has: 1 "
                            "to 28, not %(day)s.",
                            setting=company._fields[fname]._description_string(
                                self.env
                            ),
                            day=company[fname],
                        )
                    )

    def _lam_tz(self):
        """The company's time zone: that of its working hours, UTC without one.
        The day a purchase falls on is read in it (lam.purchase.tracking)."""
        self.ensure_one()
        return self.resource_calendar_id.tz or "UTC"

    def _lam_complaint_calendar(self):
        self.ensure_one()
        return self.lam_complaint_calendar_id or self.resource_calendar_id

    def _lam_reference_uom(self):
        self.ensure_one()
        return self.lam_reference_uom_id or self._default_lam_reference_uom()

    def _lam_reference_factor(self, uom, product=None):
        """Return the factor turning a quantity of ``uom`` (of ``product``) into
        the reference unit, or None when no conversion exists. Conversions are
        linear: callers converting many quantities compute it once per unit
        and product."""
        self.ensure_one()
        return convert_quantity(
            1.0,
            uom,
            self._lam_reference_uom(),
            (product and product.lam_density) or self.lam_default_density,
            litre=self._lam_uom("uom.product_uom_litre"),
            kilogram=self._lam_uom("uom.product_uom_kgm"),
        )

    def _lam_to_reference_qty(self, qty, uom, product=None, raise_if_failure=True):
        """Return qty of uom (of product) in the company's reference unit.

        The one conversion every feature uses: same UoM category through Odoo's
        factors, volume to weight through the product's density (or the
        company default). Returns None, or raises when asked, if impossible.
        """
        self.ensure_one()
        reference = self._lam_reference_uom()
        factor = self._lam_reference_factor(uom, product)
        result = None if factor is None else qty * factor
        if result is None and raise_if_failure:
            raise UserError(
                _(
                    "%(qty)s %(uom)s of %(product)s cannot be converted into "
                    "%(reference)s: "
                    "only volume and weight units can be, and weight needs a density.",
                    qty=qty,
                    uom=uom.name,
                    product=product.display_name if product else _("this product"),
                    reference=reference.name,
                )
            )
        return result
