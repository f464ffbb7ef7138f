/** @odoo-module **/
// Copyright 2026 Lubricant Account Manager developers
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import {Component, markup, onWillStart, useState} from "@odoo/owl";
import {formatFloat, formatMonetary} from "@web/views/fields/formatters";
import {_t} from "@web/core/l10n/translation";
import {registry} from "@web/core/registry";
import {useService} from "@web/core/utils/hooks";

/**
 * The cockpit (经营部看板): the department manager's figures for his managers
 * (an account manager's for himself). The server computes every figure and
 * the list behind it (lam.cockpit); a tile or a manager's cell opens that
 * list, narrowed to the manager for a cell.
 */
export class LamCockpit extends Component {
    static template = "lubricant_account_manager.LamCockpit";
    static props = ["*"];

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.state = useState({data: null, sortKey: null});
        onWillStart(() => this.load());
    }

    async load() {
        this.state.data = await this.orm.call("lam.cockpit", "get_cockpit_data", []);
    }

    format(value, kind) {
        if (kind === "float") {
            return formatFloat(value, {digits: [16, 1]});
        }
        if (kind === "monetary") {
            return formatMonetary(value, {
                currencyId: this.state.data.currency_id,
                digits: [16, 0],
            });
        }
        return value;
    }

    /**
     * The managers ranked by the column clicked (best first), else as the
     * server ranks them (plan completion).
     */
    get managers() {
        const {data, sortKey} = this.state;
        if (!sortKey) {
            return data.managers;
        }
        return [...data.managers].sort(
            (a, b) => (b.values[sortKey] || 0) - (a.values[sortKey] || 0)
        );
    }

    sortBy(key) {
        this.state.sortKey = key;
    }

    openTile(tile) {
        this.action.doAction(this.cleanAction(tile.action));
    }

    openCell(column, manager) {
        const action = this.cleanAction(column.action);
        action.domain = [
            ...action.domain,
            [column.action.lam_user_field, "=", manager.id],
        ];
        action.name = _t("%(figure)s: %(manager)s", {
            figure: action.name,
            manager: manager.name,
        });
        action.display_name = action.name;
        this.action.doAction(action);
    }

    cleanAction(action) {
        const result = {...action, domain: [...action.domain]};
        // the help of an empty list is the action's HTML
        if (result.help) {
            result.help = markup(result.help);
        }
        delete result.lam_user_field;
        delete result.id;
        return result;
    }
}

registry.category("actions").add("lam_cockpit", LamCockpit);
