/** @odoo-module **/
// Copyright 2026 Lubricant Account Manager developers
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import {MapController} from "@web_view_leaflet_map/views/leaflet_map/leaflet_map_controller.esm";
import {MapRenderer} from "@web_view_leaflet_map/views/leaflet_map/leaflet_map_renderer.esm";
import {SearchBar} from "@web/search/search_bar/search_bar";
import {patch} from "@web/core/utils/patch";

// the search bar the map's template is given (lam_leaflet_map.xml)
MapController.components = {...MapController.components, SearchBar};

/* global L */

const PATH_COLORS = ["#0c4a8a", "#8e44ad", "#d35400", "#16a085", "#7f8c8d", "#c2185b"];

/**
 * The check-in map (context ``lam_checkin_map``): besides each check-in
 * (its marker says when, red when it needs review), every manager's path
 * between his check-ins of the day in time order (solid) and his planned
 * route through his customers (dashed, small circles at the customers).
 */
patch(MapRenderer.prototype, {
    getFields() {
        const fields = super.getFields();
        if (this.resModel === "lam.visit" && this.isCheckinMap) {
            fields.push(
                "user_id",
                "checkin_time",
                "route_sequence",
                "planned_start",
                "partner_latitude",
                "partner_longitude",
                "route_label",
                "needs_review"
            );
        }
        return fields;
    },

    get isCheckinMap() {
        return Boolean(this.props.context && this.props.context.lam_checkin_map);
    },

    prepareMarkerIcon(record) {
        const icon = super.prepareMarkerIcon(record);
        if (this.isCheckinMap && record.checkin_time) {
            // a marker changes with its review, not with the customer's position
            const unique =
                `${record.checkin_time}${record.needs_review ? 1 : 0}`.replace(
                    /[^0-9]/g,
                    ""
                );
            icon.options.iconUrl = icon.options.iconUrl.replace(
                /unique=[^&]*/,
                `unique=${unique}`
            );
        }
        return icon;
    },

    renderMarkers() {
        super.renderMarkers();
        if (this.checkinLayer) {
            this.leafletMap.removeLayer(this.checkinLayer);
            this.checkinLayer = null;
        }
        if (!this.leafletMap || this.resModel !== "lam.visit" || !this.isCheckinMap) {
            return;
        }
        const byUser = new Map();
        for (const record of this.records || []) {
            const userId = record.user_id && record.user_id[0];
            if (!byUser.has(userId)) {
                byUser.set(userId, []);
            }
            byUser.get(userId).push(record);
        }
        const layers = [];
        const points = [];
        let index = 0;
        for (const records of byUser.values()) {
            const color = PATH_COLORS[index++ % PATH_COLORS.length];
            const planned = records
                .filter((r) => r.partner_latitude || r.partner_longitude)
                .sort(
                    (a, b) =>
                        (a.route_sequence || 999) - (b.route_sequence || 999) ||
                        (a.planned_start < b.planned_start ? -1 : 1)
                );
            const plannedPoints = planned.map((r) => [
                r.partner_latitude,
                r.partner_longitude,
            ]);
            for (const record of planned) {
                layers.push(
                    L.circleMarker(
                        [record.partner_latitude, record.partner_longitude],
                        {
                            radius: 5,
                            color,
                            fillOpacity: 0.3,
                            className: "o_lam_planned_stop",
                        }
                    ).bindTooltip(record.route_label || "")
                );
            }
            if (plannedPoints.length > 1) {
                layers.push(
                    L.polyline(plannedPoints, {
                        color,
                        weight: 2,
                        opacity: 0.6,
                        dashArray: "6 6",
                        className: "o_lam_planned_route",
                    })
                );
            }
            const checkins = records
                .filter(
                    (r) => r.checkin_time && (r.checkin_latitude || r.checkin_longitude)
                )
                .sort((a, b) => (a.checkin_time < b.checkin_time ? -1 : 1))
                .map((r) => [r.checkin_latitude, r.checkin_longitude]);
            if (checkins.length > 1) {
                layers.push(
                    L.polyline(checkins, {
                        color,
                        weight: 3,
                        opacity: 0.9,
                        className: "o_lam_checkin_path",
                    })
                );
            }
            points.push(...plannedPoints, ...checkins);
        }
        this.checkinLayer = L.layerGroup(layers).addTo(this.leafletMap);
        if (points.length) {
            this.leafletMap.fitBounds(L.latLngBounds(points).pad(0.1));
        }
    },
});
