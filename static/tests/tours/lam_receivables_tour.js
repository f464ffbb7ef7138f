/** @odoo-module **/
// Copyright 2026 Lubricant Account Manager developers
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import {registry} from "@web/core/registry";

import {
    lamCheckLastDownload,
    lamDownloadDone,
    lamOpenReportWizard,
    lamWatchDownloads,
    lamPatient,
} from "./lam_tour_utils";

/**
 * Finance, working in Chinese, prints P8 for a customer from the report
 * menu, then records a collection action on his overdue invoice. Started by
 * tests/test_tour_archive.py.
 */
registry.category("web_tour.tours").add("lam_receivables_tour", {
    url: "/odoo",
    steps: () =>
        lamPatient([
            lamWatchDownloads(),
            ...lamOpenReportWizard(),
            {
                content: "Choose P8",
                trigger: ".modal div[name='report_code'] input[data-value='p8']",
                run: "click",
            },
            {
                content: "Choose the customer",
                trigger: ".modal div[name='partner_ids'] input",
                run: "edit 鞍山",
            },
            {
                content: "Pick it",
                trigger: ".o-autocomplete--dropdown-item:contains('鞍山轧钢厂')",
                run: "click",
            },
            {
                content: "The customer is chosen",
                trigger: ".modal div[name='partner_ids'] .o_tag:contains('鞍山轧钢厂')",
            },
            {
                content: "Print the PDF",
                trigger: ".modal button[name='action_print_pdf']",
                run: "click",
            },
            lamDownloadDone(".pdf"),
            lamCheckLastDownload({
                contentType: "application/pdf",
                texts: ["鞍山轧钢厂", "应收账款跟踪", "S0"],
            }),
            {
                content: "Close the dialog",
                trigger: ".modal .btn-close, .modal button[special='cancel']",
                run: "click",
            },
            {
                content: "Open Sales and Purchases",
                trigger:
                    ".o_menu_sections [data-menu-xmlid='lubricant_account_manager.menu_sales']",
                run: "click",
            },
            {
                content: "Receivables",
                trigger:
                    ".dropdown-item[data-menu-xmlid='lubricant_account_manager.menu_receivable']:contains('应收账款')",
                run: "click",
            },
            {
                content: "Open the overdue invoice",
                trigger: ".o_data_row:contains('鞍山轧钢厂') .o_data_cell",
                run: "click",
            },
            {
                content: "Record a collection action",
                trigger: "button:contains('登记催收')",
                run: "click",
            },
            {
                content: "What was done",
                trigger: ".modal .o_field_widget[name='description'] textarea",
                run: "edit 电话催收，客户承诺下周付款",
            },
            {
                content: "Save it",
                trigger: ".modal .o_form_button_save",
                run: "click",
            },
            {
                content: "It is listed on the invoice",
                trigger:
                    "body:not(:has(.modal)) .o_field_widget[name='collection_ids'] .o_data_row:contains('电话催收')",
            },
        ]),
});
