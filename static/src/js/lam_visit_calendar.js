/** @odoo-module **/
// Copyright 2026 Lubricant Account Manager developers
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import {CalendarController} from "@web/views/calendar/calendar_controller";
import {_t} from "@web/core/l10n/translation";
import {calendarView} from "@web/views/calendar/calendar_view";
import {registry} from "@web/core/registry";

/**
 * The visits' calendar: a New button, like the list's, and a dialog titled
 * "New Visit" (Odoo's calendar says "New Event").
 */
export class LamVisitCalendarController extends CalendarController {
    static template = "lubricant_account_manager.LamVisitCalendarController";

    get editRecordDefaultDisplayText() {
        return _t("New Visit");
    }

    onClickLamNew() {
        this.editRecord({}, {});
    }
}

registry.category("views").add("lam_visit_calendar", {
    ...calendarView,
    Controller: LamVisitCalendarController,
});
