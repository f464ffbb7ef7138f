/** @odoo-module **/
// Copyright 2026 Lubricant Account Manager developers
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import {DateTimeField, dateField} from "@web/views/fields/datetime/datetime_field";
import {patch} from "@web/core/utils/patch";
import {registry} from "@web/core/registry";

export const MONTH_FORMAT = "yyyy-MM";

/**
 * A date picker that picks months only (its minimum precision is a month)
 * shows and reads its input as 2026-12, also while it is edited: Odoo's
 * picker formats with the hook's `format`, which no field passes.
 */
patch(registry.category("services").get("datetime_picker"), {
    start() {
        const service = super.start(...arguments);
        return {
            ...service,
            create(hookParams, ...args) {
                if (!("format" in hookParams)) {
                    Object.defineProperty(hookParams, "format", {
                        get() {
                            const props = hookParams.pickerProps || {};
                            return props.type === "date" &&
                                props.minPrecision === "months"
                                ? MONTH_FORMAT
                                : undefined;
                        },
                    });
                }
                return service.create(hookParams, ...args);
            },
        };
    },
});

/**
 * A record of a month (a quota, a stock report, a sales plan) shows its
 * month as 2026-12 and picks a month, not a day.
 */
export class LamMonthField extends DateTimeField {
    getFormattedValue(valueIndex) {
        const value = this.values[valueIndex];
        return value ? value.toFormat(MONTH_FORMAT) : "";
    }
}

export const lamMonthField = {
    ...dateField,
    component: LamMonthField,
    extractProps: (fieldInfo, dynamicInfo) => ({
        ...dateField.extractProps(fieldInfo, dynamicInfo),
        minPrecision: "months",
        maxPrecision: "decades",
    }),
};

registry.category("fields").add("lam_month", lamMonthField);
