/** @odoo-module **/
// Copyright 2026 Lubricant Account Manager developers
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import {MapRenderer} from "@web_view_leaflet_map/views/leaflet_map/leaflet_map_renderer.esm";
import {_t} from "@web/core/l10n/translation";
import {patch} from "@web/core/utils/patch";

/* global L */

/**
 * A day route's map draws its path: from the start point (the action's
 * context, ``lam_route_start``) through the visits in their route order.
 */
patch(MapRenderer.prototype, {
    getFields() {
        const fields = super.getFields();
        if (this.resModel === "lam.visit") {
            fields.push("route_sequence");
        }
        return fields;
    },

    renderMarkers() {
        super.renderMarkers();
        const start = this.props.context && this.props.context.lam_route_start;
        if (this.routeLayer) {
            this.leafletMap.removeLayer(this.routeLayer);
            this.routeLayer = null;
        }
        if (!this.leafletMap || this.resModel !== "lam.visit" || !start) {
            return;
        }
        const stops = (this.records || [])
            .filter((record) => record.route_sequence > 0)
            .sort((a, b) => a.route_sequence - b.route_sequence)
            .map((record) => [record[this.fieldLatitude], record[this.fieldLongitude]]);
        this.routeLayer = L.layerGroup([
            L.polyline([start, ...stops], {color: "#0c4a8a", weight: 3, opacity: 0.8}),
            L.circleMarker(start, {
                radius: 7,
                color: "#f6b026",
                fillOpacity: 1,
            }).bindTooltip(_t("Start Point"), {
                permanent: true,
                direction: "left",
                offset: [-20, 0],
            }),
        ]);
        this.routeLayer.addTo(this.leafletMap);
        this.leafletMap.fitBounds(L.latLngBounds([start, ...stops]).pad(0.1));
    },
});
