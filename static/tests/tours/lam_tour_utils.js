/** @odoo-module **/
// Copyright 2026 Lubricant Account Manager developers
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import {download} from "@web/core/network/download";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

/**
 * Tour steps that follow file downloads (reports): the web client downloads a
 * report through an XHR, then saves the blob; nothing shows on the screen.
 * The first step notes each finished download (file name and report URL) so
 * that later steps can wait for it and look at what the URL serves. A failed
 * download shows Odoo's error dialog, which fails the tour.
 */
const downloads = [];

export function lamWatchDownloads() {
    return {
        content: "Watch the downloads of reports",
        trigger: "body",
        run() {
            const original = download._download;
            download._download = async (options) => {
                const filename = await original(options);
                const [url] = JSON.parse(options.data?.data || "[]");
                downloads.push({filename, url});
                document.body.dataset.lamDownloads = downloads
                    .map((d) => d.filename)
                    .join("|");
                return filename;
            };
        },
    };
}

export function lamDownloadDone(namePart) {
    return {
        content: `Wait for the download of ${namePart}`,
        trigger: `body[data-lam-downloads*='${namePart}']`,
    };
}

/**
 * Fetch again what the last report URL serves and check it: its content type,
 * and texts it must hold or not hold (for PDFs, which tests render as HTML).
 */
export function lamCheckLastDownload({contentType, texts = [], absent = []}) {
    return {
        content: `Check the last download (${contentType})`,
        trigger: "body",
        async run() {
            const {url, filename} = downloads.at(-1);
            const response = await fetch(url);
            const type = response.headers.get("Content-Type") || "";
            if (!response.ok || !type.includes(contentType)) {
                throw new Error(
                    `${filename}: ${url} served ${response.status} ${type}`
                );
            }
            const body = await response.text();
            for (const text of texts) {
                if (!body.includes(text)) {
                    throw new Error(`${filename} does not hold "${text}"`);
                }
            }
            for (const text of absent) {
                if (body.includes(text)) {
                    throw new Error(
                        `${filename} holds "${text}", which was not asked for`
                    );
                }
            }
        },
    };
}

/**
 * Put what the last report URL serves into the file input of a binary field,
 * as a user choosing the downloaded file would.
 */
export function lamUploadLastDownload(fieldSelector) {
    return {
        content: "Choose the downloaded file",
        trigger: `${fieldSelector} input[type=file]:not(:visible)`,
        async run() {
            const {url, filename} = downloads.at(-1);
            const response = await fetch(url);
            if (!response.ok) {
                throw new Error(`${filename}: ${url} served ${response.status}`);
            }
            const file = new File([await response.blob()], filename, {
                type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            });
            const transfer = new DataTransfer();
            transfer.items.add(file);
            const input = document.querySelector(`${fieldSelector} input[type=file]`);
            input.files = transfer.files;
            input.dispatchEvent(new Event("change", {bubbles: true}));
        },
    };
}

/**
 * From the home menu to 报表 › 打印报表 (the report filter dialog).
 */
export function lamOpenReportWizard() {
    return [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Account Management app",
            trigger: ".o_app[data-menu-xmlid='lubricant_account_manager.menu_root']",
            run: "click",
        },
        {
            content: "Open the Reports menu",
            trigger:
                ".o_menu_sections [data-menu-xmlid='lubricant_account_manager.menu_reports']:contains('报表')",
            run: "click",
        },
        {
            content: "Print Reports",
            trigger:
                ".dropdown-item[data-menu-xmlid='lubricant_account_manager.menu_report_wizard']:contains('打印报表')",
            run: "click",
        },
    ];
}

/**
 * A step waits up to 30 s for its trigger (Odoo's default is 10 s): the suite
 * must pass on a loaded machine, where a form can take longer to render.
 */
export const LAM_STEP_TIMEOUT = 30000;

export function lamPatient(steps) {
    return steps.map((step) => ({timeout: LAM_STEP_TIMEOUT, ...step}));
}

const TERMS_URL =
    "/lubricant_account_manager/static/tests/tours/lam_english_terms.json";
let englishTerms = null;

function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The first of the addon's English source terms (the list scripts/lam_i18n.py
 * writes from the catalogue) shown on the screen (the menus, the current view,
 * any dialog or notification), with its surroundings; null if none.
 */
export async function lamEnglishOnScreen() {
    if (!englishTerms) {
        const terms = await (await fetch(TERMS_URL)).json();
        englishTerms = new RegExp(
            `(?<![A-Za-z])(${terms
                .sort((a, b) => b.length - a.length)
                .map(escapeRegExp)
                .join("|")})(?![A-Za-z])`
        );
    }
    const containers = [
        ...document.querySelectorAll(
            ".o_main_navbar, .o_action_manager, .modal, .o_notification"
        ),
    ];
    // the options of a selection list (Odoo's time zones) are not shown
    const options = new Set(
        containers.flatMap((element) =>
            [...element.querySelectorAll("select option")].map(
                (option) => option.innerText
            )
        )
    );
    const text = containers
        .map((element) => element.innerText)
        .join("\n")
        .split("\n")
        .filter((line) => !options.has(line))
        .join("\n")
        // Odoo's own English (FullCalendar's week numbers) is not the addon's
        .replace(/\bWeek \d+\b/g, "");
    const found = text.match(englishTerms);
    if (!found) {
        return null;
    }
    const at = text.indexOf(found[0]);
    return {term: found[0], around: text.slice(Math.max(0, at - 40), at + 60)};
}

/**
 * A Chinese screen shows none of the addon's English source terms and no
 * error dialog.
 */
export function lamCheckChinese(where) {
    return {
        content: `${where}: in Chinese, without an error`,
        trigger: "body:not(:has(.o_loading_indicator))",
        async run() {
            const error = document.querySelector(".o_error_dialog");
            if (error) {
                throw new Error(`${where}: an error dialog: ${error.innerText}`);
            }
            const found = await lamEnglishOnScreen();
            if (found) {
                throw new Error(
                    `${where}: English on a Chinese screen: "${found.term}" in "${found.around}"`
                );
            }
        },
    };
}

/**
 * The check finds English when there is some: a term of the addon put on
 * the screen is found, then taken away.
 */
export function lamCheckTheCheck() {
    return {
        content: "The English check finds an English term on the screen",
        trigger: ".o_action_manager",
        async run() {
            const probe = document.createElement("div");
            probe.textContent = "客户 Purchase Tracking 报表";
            document.querySelector(".o_action_manager").append(probe);
            const found = await lamEnglishOnScreen();
            probe.remove();
            if (!found || found.term !== "Purchase Tracking") {
                throw new Error(
                    `The English check missed "Purchase Tracking": ${found}`
                );
            }
        },
    };
}

/**
 * Open the addon's app from the home menu.
 */
export function lamOpenApp() {
    return [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Account Management app",
            trigger: ".o_app[data-menu-xmlid='lubricant_account_manager.menu_root']",
            run: "click",
        },
        {
            content: "The app is open",
            trigger:
                ".o_menu_sections [data-menu-xmlid='lubricant_account_manager.menu_archive']",
        },
    ];
}

/**
 * Open a menu of the app (a section, then its entry), wait for the new view
 * (or dialog) and check it is Chinese.
 */
export function lamVisitMenu(section, item, {dialog = false} = {}) {
    const target = `lubricant_account_manager.${item}`;
    return [
        {
            content: `Remember the current view before ${item}`,
            trigger: "body",
            run() {
                document
                    .querySelectorAll(".o_action_manager .o_view_controller")
                    .forEach((element) => element.classList.add("o_lam_seen"));
            },
        },
        {
            content: `Open the ${section} menu`,
            trigger: `.o_menu_sections [data-menu-xmlid='lubricant_account_manager.${section}']`,
            run: "click",
        },
        {
            content: `Open ${item}`,
            trigger: `.dropdown-item[data-menu-xmlid='${target}']`,
            run: "click",
        },
        {
            content: `${item} is shown`,
            trigger: dialog
                ? ".modal .o_form_view"
                : ".o_action_manager .o_view_controller:not(.o_lam_seen)",
        },
        lamCheckChinese(item),
    ];
}

/**
 * Pick a record in a many2one of the current form or dialog: the dropdown
 * lists choices (an empty dropdown fails the step).
 */
export function lamPickMany2one(field, search, choice) {
    return [
        {
            content: `Search ${search} in ${field}`,
            trigger: `.o_field_widget[name='${field}'] input`,
            run: `edit ${search}`,
        },
        {
            content: `The dropdown of ${field} offers ${choice}`,
            trigger: `.o-autocomplete--dropdown-item:contains('${choice}')`,
            run: "click",
        },
    ];
}
