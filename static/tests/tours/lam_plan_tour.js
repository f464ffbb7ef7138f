/** @odoo-module **/
// Copyright 2026 Lubricant Account Manager developers
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import {registry} from "@web/core/registry";
import {lamPatient} from "./lam_tour_utils";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

function openPlanning() {
    return [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Account Management app",
            trigger: ".o_app[data-menu-xmlid='lubricant_account_manager.menu_root']",
            run: "click",
        },
        {
            content: "Open Planning and Development",
            trigger:
                ".o_menu_sections [data-menu-xmlid='lubricant_account_manager.menu_planning']:contains('计划与开发')",
            run: "click",
        },
    ];
}

function addLine(customer, search, action) {
    return [
        {
            content: `Add a line for ${customer}`,
            trigger: ".o_field_widget[name='line_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Choose the customer",
            trigger:
                ".o_field_widget[name='line_ids'] .o_selected_row .o_field_widget[name='partner_id'] input",
            run: `edit ${search}`,
        },
        {
            content: "Pick it",
            trigger: `.o-autocomplete--dropdown-item:contains('${customer}')`,
            run: "click",
        },
        {
            content: "Say what to do",
            trigger:
                ".o_field_widget[name='line_ids'] .o_selected_row .o_field_widget[name='action'] input",
            run: `edit ${action}`,
        },
    ];
}

/**
 * An account manager working in Chinese writes this week's plan with two
 * customers and submits it. Started by tests/test_tour_archive.py.
 */
registry.category("web_tour.tours").add("lam_plan_tour", {
    url: "/odoo",
    steps: () =>
        lamPatient([
            ...openPlanning(),
            {
                content: "Open the plans",
                trigger:
                    ".dropdown-item[data-menu-xmlid='lubricant_account_manager.menu_plan']:contains('计划与总结')",
                run: "click",
            },
            {
                content: "Write a new plan",
                trigger: ".o_list_button_add",
                run: "click",
            },
            {
                content: "Target: four visits",
                trigger: ".o_field_widget[name='target_visits'] input",
                run: "edit 4",
            },
            ...addLine("鞍山轧钢厂", "鞍山", "汇报试用结果"),
            ...addLine("大连港务局", "大连", "收集明年用油计划"),
            ...stepUtils.saveForm(),
            {
                content: "Submit the plan",
                trigger: "button[name='action_submit_plan']:contains('提交计划')",
                run: "click",
            },
            {
                content: "The plan is submitted",
                trigger:
                    ".o_statusbar_status button[data-value='planned'].o_arrow_button_current",
            },
        ]),
});

/**
 * The department manager opens the scorecard of his team: each manager's
 * requirements met and missed last week and last month.
 */
registry.category("web_tour.tours").add("lam_scorecard_tour", {
    url: "/odoo",
    steps: () =>
        lamPatient([
            ...openPlanning(),
            {
                content: "Open the scorecard",
                trigger:
                    ".dropdown-item[data-menu-xmlid='lubricant_account_manager.menu_scorecard']:contains('工作考核')",
                run: "click",
            },
            {
                content: "Last week and last month are chosen",
                trigger: ".o_searchview_facet:contains('上周')",
            },
            {
                content: "The team's managers are the rows",
                trigger: ".o_pivot .o_pivot_header_cell_closed:contains('吴维护')",
            },
            {
                content: "Met and missed are the measures",
                trigger: ".o_pivot th:contains('未达标')",
            },
        ]),
});
