/** @odoo-module **/
// Copyright 2026 Lubricant Account Manager developers
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import { download } from "@web/core/network/download";

/**
 * Tour steps that follow file downloads (reports): the web client downloads a
 * report through an XHR, then saves the blob; nothing shows on the screen.
 * The first step notes each finished download's file name on <body> so that
 * a later step can wait for it. A failed download shows Odoo's error dialog,
 * which fails the tour.
 */
export function lamWatchDownloads() {
    return {
        content: "Watch the downloads of reports",
        trigger: "body",
        run() {
            const original = download._download;
            download._download = async (options) => {
                const filename = await original(options);
                const done = document.body.dataset.lamDownloads || "";
                document.body.dataset.lamDownloads = `${done}|${filename}`;
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
