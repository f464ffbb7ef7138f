/** @odoo-module **/
// Copyright 2026 Lubricant Account Manager developers
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import {lamCheckChinese, lamOpenApp, lamPatient} from "./lam_tour_utils";
import {registry} from "@web/core/registry";

const tours = registry.category("web_tour.tours");

function inDays(days) {
    const date = new Date(Date.now() + days * 86400000);
    return date.toISOString().slice(0, 10);
}

/** A photo, as the phone's camera gives a file to the image input. */
async function cameraFile() {
    const canvas = document.createElement("canvas");
    canvas.width = 64;
    canvas.height = 48;
    const context = canvas.getContext("2d");
    context.fillStyle = "#2e8540";
    context.fillRect(0, 0, 64, 48);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/png"));
    return new File([blob], "IMG_0001.png", {type: "image/png"});
}

/**
 * 王强 on his phone (390×844, in Chinese): today's visits (今日走访), check in
 * with a photo where the browser says he is, write what he saw, check out,
 * close the visit and report it. Started by tests/test_tour_phone.py, which
 * plans the visit and sets the browser's position.
 */
tours.add("lam_phone_visit_tour", {
    url: "/odoo/action-lubricant_account_manager.lam_visit_action",
    steps: () =>
        lamPatient([
            {
                content: "Open the menu",
                trigger: ".o_main_navbar .o_menu_toggle",
                run: "click",
            },
            {
                content: "Open today's visits",
                trigger:
                    ".o_burger_menu_app li[data-menu-xmlid='lubricant_account_manager.menu_today_visits']:contains('今日走访')",
                run: "click",
            },
            {
                content: "Today's visits, in route order, with a big check-in button",
                trigger:
                    ".o_lam_today_kanban .o_kanban_record:has(button.o_lam_position_button[name='action_check_in']:contains('签到'))",
            },
            {
                content: "The address opens the phone's map application",
                trigger:
                    ".o_lam_today_kanban .o_kanban_record a.o_lam_geo_link[href^='geo:']",
            },
            lamCheckChinese("today's visits"),
            {
                content: "Check in with a photo taken by the camera",
                trigger:
                    ".o_lam_today_kanban .o_kanban_record button.o_lam_photo_button:contains('拍照签到')",
                async run() {
                    const input = this.anchor
                        .closest(".o_lam_position_buttons")
                        .querySelector("input.o_lam_photo_input");
                    if (input.getAttribute("capture") !== "environment") {
                        throw new Error("The photo input does not open the camera");
                    }
                    const files = new DataTransfer();
                    files.items.add(await cameraFile());
                    input.files = files.files;
                    input.dispatchEvent(new Event("change", {bubbles: true}));
                },
            },
            {
                content: "Checked in: the card offers the check-out",
                trigger:
                    ".o_lam_today_kanban .o_kanban_record button.o_lam_position_button[name='action_check_out']:contains('签退')",
            },
            {
                content: "Open the visit",
                trigger:
                    ".o_lam_today_kanban .o_kanban_record:has(button[name='action_check_out']) .fw-bold",
                run: "click",
            },
            {
                content: "The photo is on the visit",
                trigger: ".o_form_view .o_field_widget[name='checkin_photo'] img",
            },
            {
                content: "The position and its accuracy are on the visit",
                trigger:
                    ".o_form_view .o_field_widget[name='checkin_accuracy']:contains('15')",
            },
            {
                content: "Check-out is the first button of the form, not in a menu",
                trigger:
                    ".o_form_view .o_lam_visit_proof button.btn-primary[name='action_check_out']",
            },
            lamCheckChinese("the visit on the phone"),
            {
                content: "Open what was seen",
                trigger: ".o_form_view .o_notebook .nav-link[name='result']",
                run: "click",
            },
            {
                content: "Write the outcome",
                trigger: ".o_form_view .o_field_widget[name='outcome'] textarea",
                run: "edit 同意在二号线试用L-HM 46液压油",
            },
            {
                content: "Set the next visit",
                trigger: ".o_form_view .o_field_widget[name='next_visit_date'] input",
                run: `edit ${inDays(21)}`,
            },
            {
                content: "Check out",
                trigger:
                    ".o_form_view .o_lam_visit_proof button[name='action_check_out']",
                run: "click",
            },
            {
                content: "Checked out",
                trigger:
                    ".o_form_view .o_field_widget[name='checkout_time'] span:not(:empty)",
            },
            {
                content: "Open the form's actions",
                trigger: ".o_control_panel .o_cp_action_menus button:has(.fa-cog)",
                run: "click",
            },
            {
                content: "The visit is done",
                trigger: ".o-dropdown--menu button[name='action_done']",
                run: "click",
            },
            {
                content: "Done: the time in the field is counted",
                trigger: ".o_form_view .o_field_widget[name='field_hours']",
            },
            {
                content: "Open the form's actions",
                trigger: ".o_control_panel .o_cp_action_menus button:has(.fa-cog)",
                run: "click",
            },
            {
                content: "Report it to the department manager",
                trigger: ".o-dropdown--menu button[name='action_report']",
                run: "click",
            },
            {
                content: "Reported",
                trigger:
                    ".o_form_view .o_field_widget[name='reported_date'] span:not(:empty)",
            },
            lamCheckChinese("the visit reported"),
        ]),
});

/**
 * 赵刚, the department manager: the check-in map of the day shows where his
 * manager checked in.
 */
tours.add("lam_checkin_map_tour", {
    url: "/odoo",
    steps: () =>
        lamPatient([
            ...lamOpenApp(),
            {
                content: "Open Field Work",
                trigger:
                    ".o_menu_sections [data-menu-xmlid='lubricant_account_manager.menu_field_work']",
                run: "click",
            },
            {
                content: "Open the check-in map",
                trigger:
                    ".dropdown-item[data-menu-xmlid='lubricant_account_manager.menu_checkin_map']:contains('签到地图')",
                run: "click",
            },
            {
                content: "The map is shown, without a New button",
                trigger:
                    ".o_action_manager:has(.o_leaflet_main_container):not(:has(.o_list_button_add))",
            },
            lamCheckChinese("the check-in map"),
            {
                content: "The check-in of 王强 is on the map, with its time",
                trigger:
                    ".o_leaflet_main_container .leaflet-marker-icon[title*='王强']",
            },
            {
                content: "His planned route is drawn",
                trigger: ".o_leaflet_main_container path.o_lam_planned_stop",
            },
        ]),
});
