# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    lam_reference_uom_id = fields.Many2one(
        related="company_id.lam_reference_uom_id",
        readonly=False,
    )
    lam_default_density = fields.Float(
        related="company_id.lam_default_density",
        readonly=False,
    )
    lam_key_person_min_count = fields.Integer(
        related="company_id.lam_key_person_min_count",
        readonly=False,
    )
    lam_report_max_customers = fields.Integer(
        related="company_id.lam_report_max_customers",
        readonly=False,
    )
    lam_oil_change_due_days = fields.Integer(
        related="company_id.lam_oil_change_due_days",
        readonly=False,
    )
    lam_weekly_meeting_day = fields.Selection(
        related="company_id.lam_weekly_meeting_day",
        readonly=False,
    )
    lam_monthly_deadline_days = fields.Integer(
        related="company_id.lam_monthly_deadline_days",
        readonly=False,
    )
    lam_target_list_cap = fields.Integer(
        related="company_id.lam_target_list_cap",
        readonly=False,
    )
    lam_target_daily_calls = fields.Integer(
        related="company_id.lam_target_daily_calls",
        readonly=False,
    )
    lam_target_field_day_customers = fields.Integer(
        related="company_id.lam_target_field_day_customers",
        readonly=False,
    )
    lam_target_field_days_week = fields.Integer(
        related="company_id.lam_target_field_days_week",
        readonly=False,
    )
    lam_target_reviews_week = fields.Integer(
        related="company_id.lam_target_reviews_week",
        readonly=False,
    )
    lam_target_field_share = fields.Float(
        related="company_id.lam_target_field_share",
        readonly=False,
    )
    lam_collection_grace_days = fields.Integer(
        related="company_id.lam_collection_grace_days",
        readonly=False,
    )
    lam_arrival_margin_minutes = fields.Integer(
        related="company_id.lam_arrival_margin_minutes",
        readonly=False,
    )
    lam_checkin_max_distance_m = fields.Integer(
        related="company_id.lam_checkin_max_distance_m",
        readonly=False,
    )
    lam_checkin_max_accuracy_m = fields.Integer(
        related="company_id.lam_checkin_max_accuracy_m",
        readonly=False,
    )
    lam_checkin_photo_required = fields.Boolean(
        related="company_id.lam_checkin_photo_required",
        readonly=False,
    )
    lam_field_time_method = fields.Selection(
        related="company_id.lam_field_time_method",
        readonly=False,
    )
    lam_field_travel_hours = fields.Float(
        related="company_id.lam_field_travel_hours",
        readonly=False,
    )
    lam_abc_basis = fields.Selection(
        related="company_id.lam_abc_basis",
        readonly=False,
    )
    lam_abc_months = fields.Integer(
        related="company_id.lam_abc_months",
        readonly=False,
    )
    lam_abc_threshold_a = fields.Float(
        related="company_id.lam_abc_threshold_a",
        readonly=False,
    )
    lam_abc_threshold_b = fields.Float(
        related="company_id.lam_abc_threshold_b",
        readonly=False,
    )
    lam_abc_dealers = fields.Selection(
        related="company_id.lam_abc_dealers", readonly=False, required=True
    )
    lam_abc_scope = fields.Selection(
        related="company_id.lam_abc_scope",
        readonly=False,
    )
    lam_cadence_batch_size = fields.Integer(
        related="company_id.lam_cadence_batch_size",
        readonly=False,
    )
    lam_complaint_warning_hours = fields.Float(
        related="company_id.lam_complaint_warning_hours",
        readonly=False,
    )
    lam_complaint_sla_hours = fields.Float(
        related="company_id.lam_complaint_sla_hours",
        readonly=False,
    )
    lam_complaint_calendar_id = fields.Many2one(
        related="company_id.lam_complaint_calendar_id",
        readonly=False,
    )
    lam_sales_plan_due_day = fields.Integer(
        related="company_id.lam_sales_plan_due_day", readonly=False
    )
    lam_drop_window_months = fields.Integer(
        related="company_id.lam_drop_window_months", readonly=False
    )
    lam_drop_share = fields.Float(related="company_id.lam_drop_share", readonly=False)
    lam_lost_months = fields.Integer(
        related="company_id.lam_lost_months", readonly=False
    )
    lam_key_change_share = fields.Float(
        related="company_id.lam_key_change_share", readonly=False
    )
    lam_forecast_gap_share = fields.Float(
        related="company_id.lam_forecast_gap_share", readonly=False
    )
    lam_psi_due_day = fields.Integer(
        related="company_id.lam_psi_due_day",
        readonly=False,
    )
    lam_psi_tolerance = fields.Float(
        related="company_id.lam_psi_tolerance",
        readonly=False,
    )
    lam_psi_import_max_rows = fields.Integer(
        related="company_id.lam_psi_import_max_rows",
        readonly=False,
    )
    lam_violation_penalty = fields.Float(
        related="company_id.lam_violation_penalty",
        readonly=False,
    )
    lam_assessment_grade_a = fields.Float(
        related="company_id.lam_assessment_grade_a",
        readonly=False,
    )
    lam_assessment_grade_b = fields.Float(
        related="company_id.lam_assessment_grade_b",
        readonly=False,
    )
    lam_assessment_grade_c = fields.Float(
        related="company_id.lam_assessment_grade_c",
        readonly=False,
    )

    def action_lam_abc_recompute(self):
        """Recompute the grades of the company now, in this request."""
        self.ensure_one()
        self.env.user._lam_check_admin()
        result = self.env["lam.abc.grading"]._lam_recompute(self.company_id)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "warning" if result["unconvertible"] else "success",
                "sticky": bool(result["unconvertible"]),
                "title": self.env._("Grades recomputed"),
                "message": result["message"],
            },
        }
