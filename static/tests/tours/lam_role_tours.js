/** @odoo-module **/
// Copyright 2026 Lubricant Account Manager developers
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import {
    lamCheckChinese,
    lamCheckTheCheck,
    lamOpenApp,
    lamPatient,
    lamPickMany2one,
    lamVisitMenu,
} from "./lam_tour_utils";
import {registry} from "@web/core/registry";

/**
 * A day of each role on the demo database, in Chinese: every screen is
 * checked for the addon's English terms and error dialogs, and every choice
 * a role makes (a manager, a customer) must be offered. Started by
 * tests/test_tour_roles.py, one tour per role.
 */
const tours = registry.category("web_tour.tours");

function closeDialog() {
    return {
        content: "Close the dialog",
        trigger: ".modal .modal-header .btn-close",
        run: "click",
    };
}

// 张伟, a development manager: his prospects and targets, a visit planned
// from the calendar, today's log, his plans.
tours.add("lam_role_development_tour", {
    url: "/odoo",
    steps: () =>
        lamPatient([
            ...lamOpenApp(),
            ...lamVisitMenu("menu_archive", "menu_customer"),
            ...lamVisitMenu("menu_planning", "menu_target_list"),
            ...lamVisitMenu("menu_planning", "menu_expansion_plan"),
            ...lamVisitMenu("menu_field_work", "menu_visit"),
            {
                content: "Switch to the calendar",
                trigger: ".o_switch_view.o_calendar",
                run: "click",
            },
            {
                content: "Plan a visit from the calendar",
                trigger: ".o_control_panel .o_lam_calendar_new:contains('新建')",
                run: "click",
            },
            {
                content: "The dialog is a new visit",
                trigger: ".modal .modal-title:contains('新走访')",
            },
            ...lamPickMany2one("partner_id", "徐工", "徐工集团"),
            lamCheckChinese("a new visit"),
            {
                content: "Discard the visit",
                trigger: ".modal .o_form_button_cancel",
                run: "click",
            },
            ...lamVisitMenu("menu_field_work", "menu_communication"),
            ...lamVisitMenu("menu_field_work", "menu_work_log"),
            {
                content: "New opens today's log",
                trigger: ".o_control_panel button[name='action_open_today_log']",
                run: "click",
            },
            {
                content: "Today's log is open",
                trigger: ".o_form_view .o_field_widget[name='date']",
            },
            lamCheckChinese("today's log"),
            ...lamVisitMenu("menu_planning", "menu_plan"),
        ]),
});

// 王强, a maintenance manager: purchases, drops, complaints, receivables
// and the customers overdue for a contact.
tours.add("lam_role_maintenance_tour", {
    url: "/odoo",
    steps: () =>
        lamPatient([
            ...lamOpenApp(),
            ...lamVisitMenu("menu_archive", "menu_customer"),
            {
                content: "Open a customer",
                trigger: ".o_kanban_record:not(.o_kanban_ghost)",
                run: "click",
            },
            {
                content: "The customer is open",
                trigger: ".o_form_view .o_field_widget[name='name']",
            },
            lamCheckChinese("a customer"),
            ...lamVisitMenu("menu_sales", "menu_purchase_tracking"),
            ...lamVisitMenu("menu_sales", "menu_purchase_drop"),
            ...lamVisitMenu("menu_field_work", "menu_complaint"),
            ...lamVisitMenu("menu_sales", "menu_receivable"),
            ...lamVisitMenu("menu_field_work", "menu_cadence_overdue"),
            ...lamVisitMenu("menu_reports", "menu_complaint_sla"),
        ]),
});

// 陈静, a channel manager: dealers, quotas, stock reports, violations and
// assessments.
tours.add("lam_role_channel_tour", {
    url: "/odoo",
    steps: () =>
        lamPatient([
            ...lamOpenApp(),
            ...lamVisitMenu("menu_dealers", "menu_dealer"),
            ...lamVisitMenu("menu_dealers", "menu_dealer_quota"),
            ...lamVisitMenu("menu_dealers", "menu_dealer_psi"),
            ...lamVisitMenu("menu_dealers", "menu_psi_import", {dialog: true}),
            ...lamPickMany2one("partner_id", "鲁润", "鲁润"),
            {
                content: "The month reads as a month while it is edited",
                trigger: ".modal div[name='month'] input",
                run() {
                    const value = this.anchor.value;
                    if (!/^\d{4}-\d{2}$/.test(value)) {
                        throw new Error(`The month input shows "${value}"`);
                    }
                },
            },
            {
                content: "Type a month",
                trigger: ".modal div[name='month'] input",
                run: "edit 2026-04 && press Enter",
            },
            {
                content: "The month typed is kept as a month",
                trigger: ".modal div[name='month'] input:value(2026-04)",
            },
            lamCheckChinese("the PSI import"),
            closeDialog(),
            ...lamVisitMenu("menu_dealers", "menu_channel_violation"),
            ...lamVisitMenu("menu_dealers", "menu_dealer_assessment"),
            ...lamVisitMenu("menu_sales", "menu_receivable"),
        ]),
});

// 赵刚, the department manager: moves customers, plans a manager's route,
// prints a manager's reports, reads his team's plans and scorecards.
tours.add("lam_role_department_manager_tour", {
    url: "/odoo",
    steps: () =>
        lamPatient([
            ...lamOpenApp(),
            ...lamVisitMenu("menu_planning", "menu_reassign", {dialog: true}),
            ...lamPickMany2one("from_user_id", "张", "张伟"),
            ...lamPickMany2one("to_user_id", "李", "李娜"),
            lamCheckChinese("the reassignment"),
            closeDialog(),
            ...lamVisitMenu("menu_field_work", "menu_day_route", {dialog: true}),
            ...lamPickMany2one("user_id", "王", "王强"),
            {
                content: "Plan the route",
                trigger: ".modal button[name='action_plan']",
                run: "click",
            },
            {
                content: "The route of 王强 is shown",
                trigger: ".o_breadcrumb:contains('王强')",
            },
            {
                content: "Reload the page (F5)",
                trigger: ".o_breadcrumb:contains('王强')",
                run() {
                    document.body.classList.add("o_lam_before_reload");
                    window.location.reload();
                },
            },
            {
                content: "After the reload the route of 王强 is shown again",
                trigger:
                    "body:not(.o_lam_before_reload) .o_breadcrumb:contains('王强')",
            },
            lamCheckChinese("a day route"),
            ...lamVisitMenu("menu_reports", "menu_report_wizard", {dialog: true}),
            ...lamPickMany2one("user_id", "陈", "陈静"),
            lamCheckChinese("the reports"),
            closeDialog(),
            ...lamVisitMenu("menu_planning", "menu_plan"),
            {
                content: "Plans open on his team",
                trigger: ".o_searchview .o_facet_value:contains('我的团队')",
            },
            ...lamVisitMenu("menu_planning", "menu_scorecard"),
            ...lamVisitMenu("menu_sales", "menu_sales_plan"),
        ]),
});

// 孙丽, finance: receivables, approvals of held orders and credit changes,
// sales plans and quotas (read only).
tours.add("lam_role_finance_tour", {
    url: "/odoo",
    steps: () =>
        lamPatient([
            ...lamOpenApp(),
            ...lamVisitMenu("menu_sales", "menu_receivable"),
            ...lamVisitMenu("menu_sales", "menu_collection_action"),
            ...lamVisitMenu("menu_sales", "menu_credit_approval"),
            ...lamVisitMenu("menu_sales", "menu_credit_change_request"),
            {
                content: "Open a credit change request",
                trigger: ".o_data_row .o_data_cell[name='partner_id']",
                run: "click",
            },
            {
                content: "The terms of the day are beside the asked ones",
                trigger:
                    ".o_lam_credit_terms:has(th:contains('当前值')):has(th:contains('申请值'))",
            },
            {
                content: "The terms are shown once",
                trigger: ".o_lam_credit_terms",
                run() {
                    const tables =
                        document.querySelectorAll(".o_lam_credit_terms").length;
                    if (tables !== 1) {
                        throw new Error(`The terms are shown ${tables} times`);
                    }
                },
            },
            lamCheckChinese("a credit change request"),
            ...lamVisitMenu("menu_sales", "menu_sales_plan"),
            ...lamVisitMenu("menu_dealers", "menu_dealer_quota"),
            ...lamVisitMenu("menu_dealers", "menu_dealer_psi"),
            ...lamVisitMenu("menu_archive", "menu_customer_readonly"),
        ]),
});

// The administrator: the addon's settings and rules, and the holidays of
// China's working hours.
tours.add("lam_role_admin_tour", {
    url: "/odoo",
    steps: () =>
        lamPatient([
            ...lamOpenApp(),
            ...lamVisitMenu("menu_configuration", "menu_cadence_rule"),
            lamCheckTheCheck(),
            ...lamVisitMenu("menu_configuration", "menu_prospect_criterion"),
            ...lamVisitMenu("menu_configuration", "menu_assessment_criterion"),
            ...lamVisitMenu("menu_configuration", "menu_settings"),
            {
                content: "The addon's settings are shown",
                trigger: ".o_setting_container, .o_form_view .app_settings_block",
            },
        ]),
});

// The administrator, on the working hours (Settings › Technical): the
// holidays and make-up days of China's, and their import.
tours.add("lam_role_admin_calendar_tour", {
    url: "/odoo/action-resource.action_resource_calendar_form",
    steps: () =>
        lamPatient([
            {
                content: "Open 中国标准工时",
                trigger: ".o_data_row .o_data_cell:contains('中国标准工时')",
                run: "click",
            },
            {
                content: "Open the holidays",
                trigger: ".o_notebook_headers a:contains('节假日')",
                run: "click",
            },
            {
                content: "2026's National Day is there",
                trigger:
                    ".o_field_widget[name='global_leave_ids'] .o_data_row:contains('国庆节')",
            },
            lamCheckChinese("China's working hours"),
            {
                content: "Import holidays",
                trigger: "button[name='action_lam_import_holidays']",
                run: "click",
            },
            {
                content: "The import dialog is shown",
                trigger: ".modal .modal-title:contains('导入节假日')",
            },
            lamCheckChinese("the holiday import"),
            closeDialog(),
        ]),
});
