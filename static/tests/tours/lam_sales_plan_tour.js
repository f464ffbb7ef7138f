/** @odoo-module **/
// Copyright 2026 Lubricant Account Manager developers
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import {registry} from "@web/core/registry";
import {lamPatient} from "./lam_tour_utils";

/**
 * An account manager working in Chinese opens his part of next month's
 * sales plan, has it proposed per customer from history, and says the
 * breakdown is done. Started by tests/test_tour_archive.py.
 */
registry.category("web_tour.tours").add("lam_sales_plan_tour", {
    url: "/odoo/action-lubricant_account_manager.lam_sales_plan_manager_action",
    steps: () =>
        lamPatient([
            {
                content: "Open his part of the plan",
                trigger: ".o_data_row:contains('孙开拓') .o_data_cell",
                run: "click",
            },
            {
                content: "Have it proposed from history",
                trigger: "button:contains('按历史建议')",
                run: "click",
            },
            {
                content: "Propose",
                trigger: ".modal button[name='action_apply']:contains('建议')",
                run: "click",
            },
            {
                content: "The customers are listed with their targets",
                trigger:
                    "body:not(:has(.modal)) .o_field_widget[name='line_ids'] .o_data_row:contains('鞍山轧钢厂')",
            },
            {
                content: "The breakdown adds up",
                trigger: ".o_field_widget[name='difference'] span:contains('0.000')",
            },
            {
                content: "Breakdown done",
                trigger: "button[name='action_done']:contains('分解完成')",
                run: "click",
            },
            {
                content: "Done",
                trigger: ".o_field_widget[name='breakdown_done'] input:checked",
            },
        ]),
});
