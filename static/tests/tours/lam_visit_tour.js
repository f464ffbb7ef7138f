/** @odoo-module **/
// Copyright 2026 Lubricant Account Manager developers
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import {registry} from "@web/core/registry";
import {lamPatient} from "./lam_tour_utils";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

function inDays(days) {
    const date = new Date(Date.now() + days * 86400000);
    return date.toISOString().slice(0, 10);
}

/**
 * An account manager working in Chinese plans a visit, checks in on
 * arrival, closes it with the next visit date and reports it to his
 * department manager. Started by tests/test_tour_archive.py.
 */
registry.category("web_tour.tours").add("lam_visit_tour", {
    url: "/odoo",
    steps: () =>
        lamPatient([
            stepUtils.showAppsMenuItem(),
            {
                content: "Open the Account Management app",
                trigger:
                    ".o_app[data-menu-xmlid='lubricant_account_manager.menu_root']",
                run: "click",
            },
            {
                content: "Open Field Work",
                trigger:
                    ".o_menu_sections [data-menu-xmlid='lubricant_account_manager.menu_field_work']:contains('现场工作')",
                run: "click",
            },
            {
                content: "Open the visits",
                trigger:
                    ".dropdown-item[data-menu-xmlid='lubricant_account_manager.menu_visit']:contains('走访')",
                run: "click",
            },
            {
                content: "Switch to the list",
                trigger: ".o_switch_view.o_list",
                run: "click",
            },
            {
                content: "Plan a visit",
                trigger: ".o_list_button_add",
                run: "click",
            },
            {
                content: "Choose the customer",
                trigger: ".o_field_widget[name='partner_id'] input",
                run: "edit 鞍山",
            },
            {
                content: "Pick it",
                trigger: ".o-autocomplete--dropdown-item:contains('鞍山轧钢厂')",
                run: "click",
            },
            {
                content: "Say what to obtain",
                trigger: ".o_field_widget[name='goal'] textarea",
                run: "edit 确认明年液压油采购计划",
            },
            ...stepUtils.saveForm(),
            {
                content: "Check in on arrival",
                trigger: "button[name='action_check_in']:contains('签到')",
                run: "click",
            },
            {
                content: "The arrival is recorded",
                trigger: ".o_field_widget[name='checkin_time'] span:not(:empty)",
            },
            {
                content: "Set the next visit",
                trigger: ".o_field_widget[name='next_visit_date'] input",
                run: `edit ${inDays(30)}`,
            },
            {
                content: "Open the result tab",
                trigger: ".o_notebook a[name='result']",
                run: "click",
            },
            {
                content: "Write the outcome",
                trigger: ".o_field_widget[name='outcome'] textarea",
                run: "edit 客户同意试用 L-HM 46 抗磨液压油",
            },
            {
                content: "Close the visit",
                trigger: "button[name='action_done']",
                run: "click",
            },
            {
                content: "Report it to the department manager",
                trigger: "button[name='action_report']",
                run: "click",
            },
            {
                content: "The visit is reported",
                trigger:
                    ".o_statusbar_status button[data-value='reported'].o_arrow_button_current",
            },
        ]),
});
