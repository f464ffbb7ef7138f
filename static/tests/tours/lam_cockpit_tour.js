/** @odoo-module **/
// Copyright 2026 Lubricant Account Manager developers
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import {registry} from "@web/core/registry";

import {
    lamCheckChinese,
    lamDownloadDone,
    lamOpenApp,
    lamPatient,
    lamPickMany2one,
    lamVisitMenu,
    lamWatchDownloads,
} from "./lam_tour_utils";

/**
 * The department manager's morning (issue 24): the app opens on his cockpit;
 * he opens the open complaints from their tile and one manager's visits of
 * the week from the table, comes back, then holds the morning meeting of his
 * team and prints it.
 * Started by tests/test_tour_roles.py, which then checks the meeting.
 */
registry.category("web_tour.tours").add("lam_cockpit_tour", {
    url: "/odoo",
    steps: () =>
        lamPatient([
            lamWatchDownloads(),
            ...lamOpenApp(),
            {
                content: "The cockpit of his department is the app's first screen",
                trigger: ".o_lam_cockpit h2:contains('经营部看板')",
            },
            lamCheckChinese("the cockpit"),
            {
                content: "Open the open complaints from their tile",
                trigger: ".o_lam_cockpit_tile.o_lam_cockpit_complaints",
                run: "click",
            },
            {
                content: "The list of the open complaints is shown",
                trigger: ".o_list_view .o_breadcrumb:contains('未结投诉')",
            },
            lamCheckChinese("the complaints behind the tile"),
            {
                content: "Back to the cockpit",
                trigger: ".o_breadcrumb .breadcrumb-item a",
                run: "click",
            },
            {
                content: "Rank the managers by archive completeness",
                trigger: ".o_lam_cockpit_managers th.o_lam_cockpit_sort_archive",
                run: "click",
            },
            {
                content: "Ranked",
                trigger: ".o_lam_cockpit_sort_archive .fa-sort-desc",
            },
            {
                content: "Open one manager's customers overdue from the table",
                trigger:
                    ".o_lam_cockpit_managers tbody tr:first .o_lam_cockpit_cell_overdue",
                run: "click",
            },
            {
                content: "His overdue cadences are shown",
                trigger: ".o_list_view .o_breadcrumb:contains('逾期')",
            },
            ...lamVisitMenu("menu_planning", "menu_morning_meeting"),
            {
                content: "Hold today's meeting",
                trigger: ".o_list_button_add",
                run: "click",
            },
            ...lamPickMany2one("team_id", "润滑油", "润滑油经营部"),
            {
                content: "Save: each manager's day is filled in",
                trigger: ".o_form_button_save",
                run: "click",
            },
            {
                content: "The managers are listed",
                trigger: ".o_field_widget[name='line_ids'] .o_data_row",
            },
            {
                content: "Write a note for the first manager",
                trigger:
                    ".o_field_widget[name='line_ids'] .o_data_row:first td[name='note']",
                run: "click",
            },
            {
                content: "The note",
                trigger:
                    ".o_field_widget[name='line_ids'] .o_data_row:first [name='note'] textarea",
                run: "edit 先回访投诉客户",
            },
            {
                content: "Save the note",
                trigger: ".o_form_button_save",
                run: "click",
            },
            {
                content: "Saved",
                trigger: ".o_form_view .o_form_saved",
            },
            lamCheckChinese("the morning meeting"),
            {
                content: "Print the meeting",
                trigger: ".o_form_view .o_statusbar_buttons button:contains('打印')",
                run: "click",
            },
            lamDownloadDone("晨会"),
        ]),
});
