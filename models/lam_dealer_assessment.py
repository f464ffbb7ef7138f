# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.periods import month_bounds

GRADES = [("a", "A"), ("b", "B"), ("c", "C"), ("d", "D")]


class LamDealerAssessment(models.Model):
    """考核评估 (Art. 14): a dealer assessed over a period on weighted criteria,
    scored from the data where it exists (quota completion, PSI reported on
    time, confirmed violations) and by hand where not; the feedback goes to
    the dealer by email with the assessment as PDF."""

    _name = "lam.dealer.assessment"
    _description = "Dealer Assessment"
    _inherit = ["lam.customer.record.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_to desc, id desc"
    _lam_system_fields = ("state", "feedback_sent_on", "assessor_id")

    partner_id = fields.Many2one(
        string="Dealer",
        tracking=True,
        domain=[("is_company", "=", True), ("lam_customer_kind", "=", "dealer")],
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    assessor_id = fields.Many2one(
        "res.users",
        string="Assessed By",
        default=lambda self: self.env.user,
        readonly=True,
    )
    date_from = fields.Date(
        string="From",
        required=True,
        default=lambda self: fields.Date.context_today(self)
        + relativedelta(months=-6, day=1),
    )
    date_to = fields.Date(
        string="To",
        required=True,
        default=lambda self: fields.Date.context_today(self)
        + relativedelta(day=1, days=-1),
    )
    line_ids = fields.One2many(
        "lam.dealer.assessment.line", "assessment_id", string="Criteria", copy=True
    )
    total = fields.Float(
        compute="_compute_total",
        store=True,
        digits=(5, 1),
        aggregator="avg",
        help="Weighted score, out of 100.",
    )
    grade = fields.Selection(GRADES, compute="_compute_total", store=True)
    remarks = fields.Text(string="Feedback to the Dealer")
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Done"), ("sent", "Sent to the Dealer")],
        default="draft",
        required=True,
        tracking=True,
        readonly=True,
    )
    feedback_sent_on = fields.Datetime(readonly=True, copy=False)

    @api.depends(
        "line_ids.score",
        "line_ids.weight",
        "company_id.lam_assessment_grade_a",
        "company_id.lam_assessment_grade_b",
        "company_id.lam_assessment_grade_c",
    )
    def _compute_total(self):
        for assessment in self:
            weights = sum(assessment.line_ids.mapped("weight"))
            assessment.total = (
                sum(line.score * line.weight for line in assessment.line_ids) / weights
                if weights
                else 0.0
            )
            company = assessment.company_id
            assessment.grade = (
                "a"
                if assessment.total >= company.lam_assessment_grade_a
                else "b"
                if assessment.total >= company.lam_assessment_grade_b
                else "c"
                if assessment.total >= company.lam_assessment_grade_c
                else "d"
            )

    @api.constrains("date_from", "date_to", "partner_id")
    def _check_period(self):
        for assessment in self:
            if assessment.date_to < assessment.date_from:
                raise ValidationError(_("The assessed period ends after it starts."))
            # as the system: the dealer's kind is restricted to the archive groups
            if assessment.partner_id.sudo().lam_customer_kind != "dealer":
                raise ValidationError(
                    _(
                        "%(partner)s is not a dealer.",
                        partner=assessment.partner_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        assessments = super().create(vals_list)
        assessments.filtered(
            lambda assessment: not assessment.line_ids
        )._lam_add_criteria()
        return assessments

    def write(self, vals):
        if (
            not self.env.su
            and self.filtered(lambda assessment: assessment.state != "draft")
            and set(vals) - {"message_follower_ids", "activity_ids"}
        ):
            raise UserError(_("A finished assessment is kept as it was finished."))
        return super().write(vals)

    @api.depends("partner_id", "date_to")
    def _compute_display_name(self):
        for assessment in self:
            assessment.display_name = _(
                "Assessment of %(dealer)s to %(date)s",
                dealer=assessment.partner_id.name or "",
                date=assessment.date_to or "",
            )

    def _lam_is_scored(self):
        """Whether the assessment has figures to print: done, or scored in
        draft. A draft not scored yet prints blank, not 0 and grade D."""
        self.ensure_one()
        return self.state != "draft" or any(self.line_ids.mapped("score"))

    def _lam_add_criteria(self):
        criteria = self.env["lam.assessment.criterion"].search([])
        for assessment in self:
            # as the system: the lines are the criteria's, with their weights; the
            # user may write the assessment (checked by its creation)
            assessment.sudo().line_ids = [
                (0, 0, {"criterion_id": criterion.id, "weight": criterion.weight})
                for criterion in criteria
            ]

    # --- automatic scores
    def action_compute_scores(self):
        for assessment in self:
            if assessment.state != "draft":
                raise UserError(_("A finished assessment keeps its scores."))
            # the notes are written in the assessor's language, for the dealer's PDF
            scores = assessment.with_context(
                lang=self.env.user.lang or self.env.lang
            )._lam_automatic_scores()
            for line in assessment.line_ids:
                source = line.criterion_id.source
                if source in scores and scores[source] is not None:
                    line.check_access("write")
                    # as the system: automatic scores are refused to a user's write;
                    # write access was checked just before
                    line.sudo().write(
                        {
                            "score": round(scores[source], 1),
                            "automatic": True,
                            "note": scores.get(f"{source}_note", ""),
                        }
                    )
        return True

    def _lam_automatic_scores(self):
        """{source: score out of 100 or None without data, source_note: how}."""
        self.ensure_one()
        dealer = self.partner_id
        company = self.company_id
        quotas = (
            self.env["lam.dealer.quota"]
            # as the system: the dealer's quotas, whoever set them; the assessment is
            # readable by the user
            .sudo()
            .search(
                [
                    ("partner_id", "=", dealer.id),
                    ("month", ">=", month_bounds(self.date_from)[0]),
                    ("month", "<=", self.date_to),
                ]
            )
        )
        target, bought = sum(quotas.mapped("target")), sum(quotas.mapped("actual"))
        months = []
        month = month_bounds(self.date_from)[0]
        while month <= self.date_to:
            months.append(month)
            month += relativedelta(months=1)
        reports = (
            self.env["lam.dealer.psi"]
            # as the system: the dealer's stock reports, whoever filed them
            .sudo()
            .with_company(company)
            .search([("partner_id", "=", dealer.id), ("month", "in", months)])
        )
        on_time = len(reports.filtered("on_time"))
        violations = (
            self.env["lam.channel.violation"]
            # as the system: the dealer's violations, whoever recorded them
            .sudo()
            .search_count(
                [
                    ("partner_id", "=", dealer.id),
                    ("state", "=", "confirmed"),
                    ("date", ">=", self.date_from),
                    ("date", "<=", self.date_to),
                ]
            )
        )
        bought_text, target_text = f"{bought:,.1f}", f"{target:,.1f}"
        return {
            "quota": min(100.0, 100.0 * bought / target) if target else None,
            "quota_note": _(
                "%(bought)s of %(target)s %(unit)s bought",
                bought=bought_text,
                target=target_text,
                unit=company._lam_reference_uom().name,
            ),
            "psi": 100.0 * on_time / len(months) if months else None,
            "psi_note": _(
                "%(count)s of %(months)s months reported on time",
                count=on_time,
                months=len(months),
            ),
            "violations": max(0.0, 100.0 - company.lam_violation_penalty * violations),
            "violations_note": _("%(count)s confirmed violations", count=violations),
        }

    # --- finishing and feedback
    def action_done(self):
        for assessment in self:
            if assessment.state != "draft":
                raise UserError(
                    _(
                        "%(assessment)s is finished already.",
                        assessment=assessment.display_name,
                    )
                )
            if not assessment.line_ids:
                raise UserError(
                    _(
                        "%(assessment)s has no criteria.",
                        assessment=assessment.display_name,
                    )
                )
        self.check_access("write")
        # as the system: the state is the actions'; the write access was checked just
        # before
        self.sudo().write({"state": "done"})
        return True

    def action_send_feedback(self):
        """Email the dealer the assessment as PDF, and record when."""
        template = self.env.ref(
            "lubricant_account_manager.mail_template_lam_dealer_assessment"
        )
        for assessment in self:
            if assessment.state == "draft":
                raise UserError(_("Finish the assessment before sending it."))
            # as the system: the dealer's email, for a reader of the assessment
            if not assessment.partner_id.sudo().email:
                raise UserError(
                    _(
                        "%(dealer)s has no email address.",
                        dealer=assessment.partner_id.name,
                    )
                )
        self.check_access("write")
        for assessment in self:
            # queued: the mail queue sends it, and a failure shows on the message
            assessment.message_post_with_source(
                template,
                subtype_xmlid="mail.mt_comment",
                message_type="comment",
                force_send=False,
            )
        # as the system: the state and sending date are the actions'; the write access
        # was checked above
        self.sudo().write({"state": "sent", "feedback_sent_on": fields.Datetime.now()})
        return True
