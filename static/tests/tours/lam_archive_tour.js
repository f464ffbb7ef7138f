/** @odoo-module **/
// Copyright 2026 Lubricant Account Manager developers
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

import {lamWatchDownloads, lamDownloadDone, lamPatient} from "./lam_tour_utils";

/**
 * An account manager working in Chinese opens his customer's archive, adds a
 * key person, a piece of equipment and a contact, saves, and prints P9 from
 * the form.
 * Started by tests/test_tour_archive.py, which then checks the records.
 */
registry.category("web_tour.tours").add("lam_archive_tour", {
    url: "/odoo",
    steps: () =>
        lamPatient([
            lamWatchDownloads(),
            stepUtils.showAppsMenuItem(),
            {
                content: "Open the Account Management app, in Chinese",
                trigger:
                    ".o_app[data-menu-xmlid='lubricant_account_manager.menu_root']:contains('客户经理')",
                run: "click",
            },
            {
                content: "Open the Customer Archive menu",
                trigger:
                    ".o_menu_sections [data-menu-xmlid='lubricant_account_manager.menu_archive']:contains('客户档案')",
                run: "click",
            },
            {
                content: "Open the customers",
                trigger:
                    ".dropdown-item[data-menu-xmlid='lubricant_account_manager.menu_customer']",
                run: "click",
            },
            {
                content: "Open his customer",
                trigger: ".o_kanban_record:contains('鞍山轧钢厂')",
                run: "click",
            },
            {
                content: "Open the lubricant archive tab",
                trigger: ".o_notebook a[name='lam_archive']",
                run: "click",
            },
            {
                content: "Open the key persons",
                trigger: ".o_notebook a[name='lam_key_persons']:contains('关键人物')",
                run: "click",
            },
            {
                content: "Add a key person",
                trigger:
                    "div[name='lam_key_person_ids'] .o_field_x2many_list_row_add a",
                run: "click",
            },
            {
                content: "Name the key person",
                trigger:
                    "div[name='lam_key_person_ids'] .o_data_row .o_field_widget[name='name'] input",
                run: "edit 王建国",
            },
            {
                content: "Job position",
                trigger:
                    "div[name='lam_key_person_ids'] .o_data_row .o_field_widget[name='function'] input",
                run: "edit 设备科长",
            },
            {
                content: "Leave the row: it is kept",
                trigger: ".o_form_sheet .oe_title",
                run: "click",
            },
            {
                content: "The key person is listed",
                trigger:
                    "div[name='lam_key_person_ids'] .o_data_row:not(.o_selected_row):contains('王建国')",
            },
            {
                content: "Open the equipment",
                trigger: ".o_notebook a[name='lam_equipment']:contains('设备')",
                run: "click",
            },
            {
                content: "Add a piece of equipment",
                trigger: "div[name='lam_equipment_ids'] .o_field_x2many_list_row_add a",
                run: "click",
            },
            {
                content: "Name the equipment",
                trigger:
                    "div[name='lam_equipment_ids'] .o_data_row .o_field_widget[name='name'] input",
                run: "edit 2号轧机液压站",
            },
            {
                content: "How many units",
                trigger:
                    "div[name='lam_equipment_ids'] .o_data_row .o_field_widget[name='quantity'] input",
                run: "edit 3",
            },
            {
                content: "Leave the row: it is kept",
                trigger: ".o_form_sheet .oe_title",
                run: "click",
            },
            {
                content: "The equipment is listed",
                trigger:
                    "div[name='lam_equipment_ids'] .o_data_row:not(.o_selected_row):contains('2号轧机液压站')",
            },
            {
                content: "Open the contacts and addresses",
                trigger: ".o_notebook a[name='contact_addresses']",
                run: "click",
            },
            {
                content: "Add a contact",
                trigger: "div[name='child_ids'] .o-kanban-button-new",
                run: "click",
            },
            {
                content: "Name the contact",
                trigger: ".modal .o_form_view .o_field_widget[name='name'] input",
                run: "edit 赵收货",
            },
            {
                content: "Save the contact",
                trigger: ".modal .o_form_button_save",
                run: "click",
            },
            {
                content: "The contact is listed",
                trigger: "div[name='child_ids'] .o_kanban_record:contains('赵收货')",
            },
            ...stepUtils.saveForm(),
            {
                content: "Open the form's actions (the gear menu)",
                trigger: ".o_control_panel .o_cp_action_menus button:has(.fa-cog)",
                run: "click",
            },
            {
                content: "Open the print menu",
                trigger: ".o-dropdown--menu button:has(.fa-print)",
                run: "click",
            },
            {
                content: "Print P9 from the form",
                trigger:
                    ".o-dropdown--menu .o_menu_item:contains('P9'):not(:contains('XLSX'))",
                run: "click",
            },
            lamDownloadDone("P9"),
        ]),
});
