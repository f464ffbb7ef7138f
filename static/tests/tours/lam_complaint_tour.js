/** @odoo-module **/
// Copyright 2026 Lubricant Account Manager developers
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import {registry} from "@web/core/registry";
import {lamPatient} from "./lam_tour_utils";

/**
 * An account manager working in Chinese registers a customer's complaint,
 * takes it on and resolves it. Started by tests/test_tour_archive.py, which
 * checks the complaint, its deadline and that it was resolved in time.
 */
registry.category("web_tour.tours").add("lam_complaint_tour", {
    url: "/odoo/action-lubricant_account_manager.lam_complaint_action",
    steps: () =>
        lamPatient([
            {
                content: "Register a complaint",
                trigger: ".o_control_panel_main_buttons .o-kanban-button-new",
                run: "click",
            },
            {
                content: "The customer",
                trigger: ".o_field_widget[name='partner_id'] input",
                run: "edit 鞍山轧钢厂",
            },
            {
                content: "Pick the customer",
                trigger: ".o-autocomplete--dropdown-item:contains('鞍山轧钢厂')",
                run: "click",
            },
            {
                content: "What the customer complains of",
                trigger: ".o_field_widget[name='description'] textarea",
                run: "edit 新换的液压油运行两天后出现大量泡沫",
            },
            {
                content: "The lot",
                trigger: ".o_field_widget[name='lots'] input",
                run: "edit 2611-045",
            },
            {
                content: "Save it",
                trigger: ".o_form_button_save",
                run: "click",
            },
            {
                content: "The deadline is shown once saved",
                trigger: ".o_field_widget[name='deadline'] span:not(:empty)",
            },
            {
                content: "Take it on",
                trigger: "button[name='action_start']:contains('受理')",
                run: "click",
            },
            {
                content: "Open the resolution",
                trigger:
                    ".o_notebook_headers a[name='resolution']:contains('处理结果')",
                run: "click",
            },
            {
                content: "Say how it was resolved",
                trigger: ".o_field_widget[name='resolution'] textarea",
                run: "edit 更换同批次油品并清洗液压系统",
            },
            {
                content: "Resolved",
                trigger: "button[name='action_resolve']",
                run: "click",
            },
            {
                content: "The complaint is resolved",
                trigger:
                    ".o_statusbar_status button.o_arrow_button_current:contains('已解决')",
            },
        ]),
});
