/** @odoo-module **/
// Copyright 2026 Lubricant Account Manager developers
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import {Component} from "@odoo/owl";
import {registry} from "@web/core/registry";
import {standardWidgetProps} from "@web/views/widgets/standard_widget_props";

/**
 * Check-in / check-out button of a visit: records the time on the server and,
 * when the user allows the browser to tell it, where he is. A refused or slow
 * location never blocks the check-in.
 */
export class LamVisitPositionButton extends Component {
    static template = "lubricant_account_manager.LamVisitPositionButton";
    static props = {
        ...standardWidgetProps,
        method: String,
        label: String,
        icon: {type: String, optional: true},
    };

    position() {
        if (!navigator.geolocation) {
            return Promise.resolve({});
        }
        return new Promise((resolve) => {
            navigator.geolocation.getCurrentPosition(
                (pos) =>
                    resolve({
                        latitude: pos.coords.latitude,
                        longitude: pos.coords.longitude,
                    }),
                () => resolve({}),
                {timeout: 5000, maximumAge: 60000}
            );
        });
    }

    async onClick() {
        // On a phone the button lives in a dropdown that closes, destroying
        // this component, while the position is asked for: everything after
        // the first await uses the record and the unprotected ORM service,
        // which outlive the button.
        const record = this.props.record;
        const orm = this.env.services.orm;
        if (!(await record.save())) {
            return;
        }
        const coords = await this.position();
        await orm.call(record.resModel, this.props.method, [[record.resId]], coords);
        await record.load();
    }
}

registry.category("view_widgets").add("lam_visit_position_button", {
    component: LamVisitPositionButton,
    extractProps: ({attrs}) => ({
        method: attrs.method,
        label: attrs.title,
        icon: attrs.icon,
    }),
});
