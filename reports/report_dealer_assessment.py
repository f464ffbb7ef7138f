# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, api, models

from ..tools.xlsx import XlsxColumn as Col
from ..tools.xlsx import selection_label


class ReportDealerAssessment(models.AbstractModel):
    _name = "report.lubricant_account_manager.report_dealer_assessment"
    _inherit = ["lam.report.mixin"]
    _description = "Dealer Assessment"

    @api.model
    def _get_report_values(self, docids, data=None):
        assessments = self._lam_report_records("lam.dealer.assessment", docids, data)
        return {
            "doc_ids": assessments.ids,
            "doc_model": "lam.dealer.assessment",
            "docs": assessments,
        }


class ReportDealerAssessmentXlsx(models.AbstractModel):
    _name = "report.lubricant_account_manager.report_dealer_assessment_xlsx"
    _inherit = ["report.report_xlsx.abstract", "lam.report.mixin"]
    _description = "Dealer Assessment, XLSX"

    def _get_objs_for_report(self, docids, data):
        return self._lam_report_records("lam.dealer.assessment", docids, data)

    def generate_xlsx_report(self, workbook, data, assessments):
        report = self._lam_xlsx_report(workbook)
        meta = self._lam_xlsx_meta(
            data, assessments.mapped("date_from") + assessments.mapped("date_to")
        )
        report.add_table_sheet(
            _("Assessments"),
            _("Dealer Assessments"),
            meta,
            [
                Col(_("Dealer"), 26),
                Col(_("From"), 12, "date"),
                Col(_("To"), 12, "date"),
                Col(_("Total"), 10, "float"),
                Col(_("Grade"), 8),
                Col(_("Status"), 12),
                Col(_("Feedback to the Dealer"), 40),
            ],
            [
                [
                    assessment.partner_id.name,
                    assessment.date_from,
                    assessment.date_to,
                    # a draft not scored yet: blank, as the PDF
                    assessment.total if assessment._lam_is_scored() else None,
                    (assessment.grade or "").upper()
                    if assessment._lam_is_scored()
                    else None,
                    selection_label(assessment, "state"),
                    assessment.remarks,
                ]
                for assessment in assessments
            ],
        )
        report.add_table_sheet(
            _("Criteria"),
            _("Dealer Assessment Criteria"),
            meta,
            [
                Col(_("Dealer"), 26),
                Col(_("To"), 12, "date"),
                Col(_("Criterion"), 26),
                Col(_("Weight"), 8, "float"),
                Col(_("Score"), 8, "float"),
                Col(_("From the Data"), 8),
                Col(_("How"), 36),
            ],
            [
                [
                    assessment.partner_id.name,
                    assessment.date_to,
                    line.criterion_id.name,
                    line.weight,
                    line.score if assessment._lam_is_scored() else None,
                    (_("Yes") if line.automatic else _("No"))
                    if assessment._lam_is_scored()
                    else None,
                    line.note,
                ]
                for assessment in assessments
                for line in assessment.line_ids
            ],
        )
