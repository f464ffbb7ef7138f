/** @odoo-module **/
// Copyright 2026 Lubricant Account Manager developers
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import {registry} from "@web/core/registry";
import {lamPatient} from "./lam_tour_utils";

/**
 * An account manager working in Chinese opens the contact-cadence activity
 * the scheduled action gave him, from Odoo's activity menu, and logs the
 * call that satisfies it. Started by tests/test_tour_archive.py, which runs
 * the scheduled action again and checks the activity is done.
 */
registry.category("web_tour.tours").add("lam_cadence_tour", {
    url: "/odoo",
    steps: () =>
        lamPatient([
            {
                content: "Open the activity menu",
                trigger: ".o_menu_systray .o-mail-ActivityMenu-counter",
                run: "click",
            },
            {
                content: "Open the customers' activities",
                trigger: ".o-mail-ActivityGroup[data-model_name='res.partner']",
                run: "click",
            },
            {
                content: "Open the customer due a call",
                trigger:
                    ".o_data_row:contains('鞍山轧钢厂') .o_data_cell, .o_kanban_record:contains('鞍山轧钢厂')",
                run: "click",
            },
            {
                content: "Log the call",
                trigger:
                    "button[name='action_lam_log_communication']:contains('记录沟通')",
                run: "click",
            },
            {
                content: "Say what was said",
                trigger: ".modal .o_field_widget[name='summary'] textarea",
                run: "edit 确认12月液压油采购量 6 吨",
            },
            {
                content: "Save the call",
                trigger: ".modal .modal-footer button.btn-primary",
                run: "click",
            },
            {
                content: "The dialog is closed",
                trigger: "body:not(:has(.modal))",
            },
        ]),
});
