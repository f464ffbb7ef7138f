/** @odoo-module **/
// Copyright 2026 Lubricant Account Manager developers
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import {registry} from "@web/core/registry";
import {lamPatient} from "./lam_tour_utils";

/**
 * Finance, working in Chinese, opens the order held on credit from the
 * approvals to decide and approves it. Started by tests/test_tour_archive.py.
 */
registry.category("web_tour.tours").add("lam_credit_approval_tour", {
    url: "/odoo/action-lubricant_account_manager.lam_credit_approval_action",
    steps: () =>
        lamPatient([
            {
                content: "Open the request",
                trigger: ".o_data_row:contains('鞍山轧钢厂') .o_data_cell",
                run: "click",
            },
            {
                content: "Approve it",
                trigger: "button[name='action_approve']:contains('批准')",
                run: "click",
            },
            {
                content: "Approved",
                trigger:
                    ".o_statusbar_status button.o_arrow_button_current:contains('已批准')",
            },
        ]),
});
