/** @odoo-module **/
// Copyright 2026 Lubricant Account Manager developers
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import {DateTimeField, dateField} from "@web/views/fields/datetime/datetime_field";
import {registry} from "@web/core/registry";

/**
 * A record of a month (a quota, a stock report, a sales plan) shows its
 * month as 2026-12 and picks a month, not a day.
 */
export class LamMonthField extends DateTimeField {
    getFormattedValue(valueIndex) {
        const value = this.values[valueIndex];
        return value ? value.toFormat("yyyy-MM") : "";
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
