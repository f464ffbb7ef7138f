/** @odoo-module **/
// Copyright 2026 Lubricant Account Manager developers
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import {MapRenderer} from "@web_view_leaflet_map/views/leaflet_map/leaflet_map_renderer.esm";
import {escape} from "@web/core/utils/strings";
import {patch} from "@web/core/utils/patch";

/**
 * OCA's map puts the marker's title and address into the popup as HTML: a
 * customer named `<img onerror=…>` would run a script in the browser of
 * whoever opens the map (a department manager opening his team's routes).
 * The popup shows them as text.
 */
patch(MapRenderer.prototype, {
    preparePopUpData(record) {
        const title = escape(record[this.fieldTitle] || "");
        const address = escape(record[this.fieldAddress] || "");
        const resId = Number(record.resId) || "";
        return `
            <div class='o_map_selector' data-res-id='${resId}'>
                <b>${title}</b><br/>
                ${address ? ` - ${address}` : ""}
            </div>
        `;
    },
});
