# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, models
from odoo.tools.i18n import format_list

from ..tools.dedup import duplicate_groups, record_keys

# the file's first row is its header
HEADER_ROWS = 1


class BaseImportImport(models.TransientModel):
    _inherit = "base_import.import"

    def execute_import(self, fields, columns, options, dryrun=False):
        """Testing an import of customers also finds the rows that are the same
        customer as another row or as a customer already in Odoo (the same
        registration code, name once normalised, or phone): they are listed as
        the test's messages, before anything is imported."""
        options = dict(options)
        result = super().execute_import(fields, columns, dict(options), dryrun=dryrun)
        if (
            dryrun
            and self.res_model == "res.partner"
            and "name" in fields
            and self.env.user._lam_is_addon_user()
        ):
            messages = self._lam_duplicate_messages(fields, options)
            if messages:
                result["messages"] = messages + (result.get("messages") or [])
        return result

    def _lam_duplicate_messages(self, fields, options):
        """The warnings of the batch's rows (``skip``, ``limit``) that are one
        customer with another row of the whole file or a customer of Odoo."""
        skip, limit = options.get("skip") or 0, options.get("limit")
        whole = {key: value for key, value in options.items() if key != "limit"}
        data, import_fields = self._convert_import_data(fields, dict(whole, skip=0))
        index = {name: import_fields.index(name) for name in import_fields}

        def cell(line, name):
            return line[index[name]] if name in index else ""

        rows = [
            (
                ("row", number),
                cell(line, "name"),
                cell(line, "lam_uscc"),
                (cell(line, "phone"), cell(line, "mobile")),
            )
            for number, line in enumerate(data)
            if cell(line, "name")  # not a row continuing a customer's lines
        ]
        # as the system: a colleague's customer is a duplicate too; it is named
        # only to whom may read it
        Partner = self.env["res.partner"]
        customer_domain = [
            ("is_company", "=", True),
            ("lam_customer_kind", "!=", False),
            ("company_id", "in", [False, *self.env.companies.ids]),
        ]
        customers = Partner.sudo().search_read(
            customer_domain, ["name", "lam_uscc", "phone", "mobile"]
        )
        readable = set(Partner.search(customer_domain).ids)
        rows += [
            (
                ("partner", row["id"]),
                row["name"],
                row["lam_uscc"],
                (row["phone"], row["mobile"]),
            )
            for row in customers
        ]
        keys = {
            key: record_keys(name, uscc, phones) for key, name, uscc, phones in rows
        }
        names = {
            row["id"]: row["name"]
            if row["id"] in readable
            else _("a customer of another account manager")
            for row in customers
        }
        labels = {
            "uscc": _("Registration Code"),
            "name": _("Company Name"),
            "phone": _("Phone"),
        }
        batch = range(skip, skip + limit if limit else len(data))
        messages = []
        for members, _kinds in duplicate_groups(rows):
            for member in members:
                kind, number = member
                if kind != "row" or number not in batch:
                    continue
                others = [other for other in members if other != member]
                # not inside the message's _(): babel extracts one call at a time
                labels_of = {
                    other: _("row %(row)s", row=other[1] + HEADER_ROWS + 1)
                    if other[0] == "row"
                    else names[other[1]]
                    for other in others
                }
                shared = {
                    key_kind
                    for other in others
                    for key_kind, _value in keys[member] & keys[other]
                }
                messages.append(
                    {
                        "type": "warning",
                        "message": _(
                            "The same customer (%(same)s) as %(others)s: merge or "
                            "remove the row before importing.",
                            same=format_list(
                                self.env, [labels[kind] for kind in sorted(shared)]
                            ),
                            others=format_list(
                                self.env, [labels_of[other] for other in others]
                            ),
                        ),
                        # the row as the spreadsheet numbers it (Odoo shows it)
                        "record": number + HEADER_ROWS + 1,
                        "rows": {"from": number - skip, "to": number - skip},
                    }
                )
        return messages
