/** @odoo-module **/
// Copyright 2026 Lubricant Account Manager developers
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import {registry} from "@web/core/registry";

import {
    lamDownloadDone,
    lamUploadLastDownload,
    lamWatchDownloads,
    lamPatient,
} from "./lam_tour_utils";

/**
 * A channel manager working in Chinese opens his dealer, downloads the PSI
 * template of last month and imports it back. Started by
 * tests/test_tour_archive.py, which checks the month imported.
 */
registry.category("web_tour.tours").add("lam_psi_import_tour", {
    url: "/odoo/action-lubricant_account_manager.res_partner_action_lam_dealer",
    steps: () =>
        lamPatient([
            lamWatchDownloads(),
            {
                content: "Open the dealer",
                trigger: ".o_kanban_record:contains('成都润滑油贸易公司')",
                run: "click",
            },
            {
                content: "Open the dealer tab",
                trigger: ".o_notebook_headers a[name='lam_dealer']:contains('经销商')",
                run: "click",
            },
            {
                content: "Import a month",
                trigger: ".o_notebook button:contains('导入进销存月报')",
                run: "click",
            },
            {
                content: "Download the template of the month",
                trigger:
                    ".modal button[name='action_download_template']:contains('下载模板')",
                run: "click",
            },
            lamDownloadDone(".xlsx"),
            lamUploadLastDownload(".modal .o_field_widget[name='file']"),
            {
                content: "The file is chosen",
                trigger: ".modal .o_field_widget[name='file'] .o_clear_file_button",
            },
            {
                content: "Import it",
                trigger: ".modal button[name='action_import']:contains('导入')",
                run: "click",
            },
            {
                content: "The month is imported, its products listed",
                trigger:
                    "body:not(:has(.modal)) .o_field_widget[name='line_ids'] .o_data_row:contains('L-HM 46')",
            },
        ]),
});
