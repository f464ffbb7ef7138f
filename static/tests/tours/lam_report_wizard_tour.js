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
 * 报表 › 打印报表: a manager chooses one of his customers and prints P9 as
 * PDF, then as XLSX; both hold that customer. Started by
 * tests/test_tour_archive.py.
 */
registry.category("web_tour.tours").add("lam_report_wizard_tour", {
    url: "/odoo",
    steps: () =>
        lamPatient([
            lamWatchDownloads(),
            ...lamOpenReportWizard(),
            {
                content: "Choose a customer",
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
                trigger: ".modal button[name='action_print_pdf']:contains('打印 PDF')",
                run: "click",
            },
            lamDownloadDone(".pdf"),
            lamCheckLastDownload({
                contentType: "application/pdf",
                texts: ["鞍山轧钢厂", "客户档案"],
                absent: ["大连港务局"],
            }),
            {
                content: "Export the XLSX",
                trigger: ".modal button[name='action_export_xlsx']",
                run: "click",
            },
            lamDownloadDone(".xlsx"),
            lamCheckLastDownload({contentType: "spreadsheetml"}),
        ]),
});
