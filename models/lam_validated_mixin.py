# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import psycopg2.errors

from odoo import _, api, models
from odoo.exceptions import AccessError
from odoo.osv import expression

from ..tools.validation import check_vals


class LamValidatedMixin(models.AbstractModel):
    """Values refused with a message naming the field, before create and write,
    when the database would store them damaged or Odoo would crash on them
    (tools/validation.py). The addon's models and wizards that users write
    inherit it (the records of a customer through lam.customer.record.mixin);
    a model of Odoo that the addon extends checks the addon's fields only."""

    _name = "lam.validated.mixin"
    _description = "Validated Values"

    # the fields checked: those whose name starts with this ("": every field)
    _lam_validated_prefix = ""
    # the model's unique keys (tuples of field names, as its UNIQUE constraints):
    # a key taken by a record the user may not read is refused as the record
    # rules refuse, before the constraint tells that the record exists
    _lam_unique_keys = ()
    # the fields a computed key field is computed from (see _lam_unique_values)
    _lam_unique_depends = ()
    # fields the record rules filter on (Odoo checks the rules before a write
    # only): after they change, the user must still be allowed to write the record
    _lam_rule_fields = ()

    def _track_prepare(self, fields_iter):
        """No field tracking while modules load: an upgrade computing a new
        stored field, or a migration repairing values, changes nothing a user
        did, and would post a message on every record (the models with a
        chatter list this mixin before mail.thread)."""
        if self.pool._init:
            return None
        return super()._track_prepare(fields_iter)

    @api.model
    def _lam_check_vals(self, vals):
        prefix = self._lam_validated_prefix
        check_vals(
            self,
            vals,
            [fname for fname in vals if fname.startswith(prefix)] if prefix else None,
        )
        if not prefix:
            self._lam_check_company_vals(vals)

    @api.model
    def _lam_check_company_vals(self, vals):
        """A record is put in one of the user's companies only: the rules keep
        the companies apart, and a record moved out of the user's reach would
        be out of its own company's."""
        field = self._fields.get("company_id")
        if (
            self.env.su
            or not vals.get("company_id")
            or field is None
            or field.type != "many2one"
            or field.comodel_name != "res.company"
        ):
            return
        if vals["company_id"] not in self.env.user.company_ids.ids:
            raise AccessError(_("A record goes in one of your companies only."))

    def onchange(self, values, field_names, fields_spec):
        if not self.env.su and not self._lam_validated_prefix:
            self._lam_check_onchange_reach(values)
        return super().onchange(values, field_names, fields_spec)

    def _lam_check_onchange_reach(self, values):
        """A form computes its fields from the records it is given (a visit's
        map position from its customer, a complaint's dealer flag): the fields
        related to them are read as the system, so the customers and the
        addon's records given are checked first, as saving would check them.
        Those a record edited already holds (a complaint's customer, for the
        colleague handling it) are shown as the record is."""
        self.check_access("read")
        # as the system: what the record holds, read by the user just before
        record = self[:1].sudo()
        for fname, value in values.items():
            field = self._fields.get(fname)
            if (
                field is None
                or field.type != "many2one"
                or not (
                    field.comodel_name == "res.partner"
                    or field.comodel_name.startswith("lam.")
                )
            ):
                continue
            if isinstance(value, dict):
                value = value.get("id")
            if isinstance(value, int) and value and value != record[fname].id:
                self.env[field.comodel_name].browse(value).check_access("read")

    def _lam_check_unique_reach(self, operation, keys_list):
        """Refuse values whose unique key another record the user may not read
        holds (a colleague's work log of that day, another team's quota): the
        error is the record rules' own, the one the same values get when the
        key is free, so that nothing tells the record exists.

        :param keys_list: {field name: value} of each record to be stored
        """
        keys_list = [self._lam_unique_values(dict(keys)) for keys in keys_list]
        domains = [
            [(fname, "=", keys[fname]) for fname in key]
            for key in self._lam_unique_keys
            for keys in keys_list
            if all(keys.get(fname) for fname in key)
        ]
        if self.env.su or not domains:
            return
        # as the system: the records holding the keys, readable or not
        holders = (
            self.sudo()
            .with_context(active_test=False)
            .search(
                expression.AND([expression.OR(domains), [("id", "not in", self.ids)]])
            )
        )
        if holders - holders.with_user(self.env.user)._filtered_access("read"):
            raise self.env["ir.rule"]._make_access_error(operation, self)

    def _lam_unique_fields(self):
        return {fname for key in self._lam_unique_keys for fname in key} | set(
            self._lam_unique_depends
        )

    @api.model
    def _lam_unique_values(self, values):
        """The key values of a record stored with ``values`` (the key fields and
        their dependencies): a model whose key is computed computes it here."""
        return values

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._lam_check_vals(vals)
        if not self._lam_unique_keys or self.env.su:
            return super().create(vals_list)
        try:
            # the rules check a new record after its row is inserted: a key taken
            # fails the insert first
            with self.env.cr.savepoint():
                return super().create(vals_list)
        except psycopg2.errors.UniqueViolation:
            keys_list = []
            for vals in vals_list:
                missing = [f for f in self._lam_unique_fields() if f not in vals]
                keys_list.append(self.default_get(missing) | vals if missing else vals)
            self._lam_check_unique_reach("create", keys_list)
            raise

    def write(self, vals):
        self._lam_check_vals(vals)
        if self._lam_unique_fields() & set(vals):
            self._lam_check_unique_reach(
                "write",
                [
                    {
                        fname: record._fields[fname].convert_to_write(
                            record[fname], record
                        )
                        for fname in self._lam_unique_fields()
                    }
                    | vals
                    for record in self
                ],
            )
        result = super().write(vals)
        if not self.env.su and set(self._lam_rule_fields) & set(vals):
            self.check_access("write")
        return result
