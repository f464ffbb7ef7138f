/** @odoo-module **/
// Copyright 2026 Lubricant Account Manager developers
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import {Component, useRef} from "@odoo/owl";
import {_t} from "@web/core/l10n/translation";
import {registry} from "@web/core/registry";
import {standardWidgetProps} from "@web/views/widgets/standard_widget_props";

// a phone's photo is resized to this many pixels on its longer side before
// it is sent: enough to see the place, light on a mobile connection
const PHOTO_MAX_SIDE = 1600;

/**
 * Check-in / check-out button of a visit: records the time on the server and,
 * when the user allows the browser to tell it, where he is and how precisely.
 * On check-in a photo can be taken with the phone's camera (required when the
 * company says so). A refused or slow location never blocks the check-in: the
 * visit is then flagged for review.
 */
export class LamVisitPositionButton extends Component {
    static template = "lubricant_account_manager.LamVisitPositionButton";
    static props = {
        ...standardWidgetProps,
        method: String,
        label: String,
        icon: {type: String, optional: true},
        photo: {type: Boolean, optional: true},
    };

    setup() {
        this.photoInput = useRef("photo");
        this.photoLabel = _t("Check In with Photo");
    }

    get photoRequired() {
        return Boolean(
            this.props.photo && this.props.record.data.checkin_photo_required
        );
    }

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
                        accuracy: pos.coords.accuracy,
                    }),
                () => resolve({}),
                {enableHighAccuracy: true, timeout: 10000, maximumAge: 60000}
            );
        });
    }

    onClick() {
        if (this.photoRequired) {
            this.photoInput.el.click();
            return;
        }
        return this.send({});
    }

    onPhotoClick() {
        this.photoInput.el.click();
    }

    async onPhoto(ev) {
        const file = ev.target.files && ev.target.files[0];
        ev.target.value = "";
        if (!file) {
            return;
        }
        await this.send({photo: await this.readPhoto(file)});
    }

    /** The photo as base64, made smaller when it is large. */
    async readPhoto(file) {
        let dataUrl = await new Promise((resolve, reject) => {
            const reader = new FileReader();
            reader.onload = () => resolve(reader.result);
            reader.onerror = () => reject(reader.error);
            reader.readAsDataURL(file);
        });
        try {
            const bitmap = await createImageBitmap(file);
            const scale = Math.min(
                1,
                PHOTO_MAX_SIDE / Math.max(bitmap.width, bitmap.height)
            );
            if (scale < 1) {
                const canvas = document.createElement("canvas");
                canvas.width = Math.round(bitmap.width * scale);
                canvas.height = Math.round(bitmap.height * scale);
                canvas
                    .getContext("2d")
                    .drawImage(bitmap, 0, 0, canvas.width, canvas.height);
                dataUrl = canvas.toDataURL("image/jpeg", 0.85);
            }
        } catch {
            // not an image the browser can draw: sent as it is, the server says
        }
        return dataUrl.split(",")[1];
    }

    async send(extra) {
        // On a phone the button may live in a dropdown that closes, destroying
        // this component, while the position is asked for: everything after
        // the first await uses the record and the unprotected ORM service,
        // which outlive the button.
        const record = this.props.record;
        const orm = this.env.services.orm;
        if (!(await record.save())) {
            return;
        }
        const coords = await this.position();
        await orm.call(record.resModel, this.props.method, [[record.resId]], {
            ...coords,
            ...extra,
        });
        await record.load();
    }
}

registry.category("view_widgets").add("lam_visit_position_button", {
    component: LamVisitPositionButton,
    extractProps: ({attrs}) => ({
        method: attrs.method,
        label: attrs.title,
        icon: attrs.icon,
        photo: Boolean(attrs.photo),
    }),
    fieldDependencies: [{name: "checkin_photo_required", type: "boolean"}],
});
