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
