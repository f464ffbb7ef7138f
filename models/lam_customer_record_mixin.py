# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, api, fields, models
from odoo.exceptions import UserError


class LamCustomerRecordMixin(models.AbstractModel):
    """A record hanging on a lubricant customer (equipment, usage, samples,
    credit history, visits...).

    Its access follows the customer's account manager, copied on the record
    as ``account_manager_id`` (stored, indexed) so that the record rules of
    every such model filter on a column of their own table. Records of work
    (visits, calls) keep who did the work in ``user_id``, which never follows
    the customer.
    """

    _name = "lam.customer.record.mixin"
    _description = "Record of a Lubricant Customer"
    _inherit = ["lam.validated.mixin"]

    # The field that hangs the record on its customer: after it changes, the
    # user must still be allowed to write the record where it now hangs.
    _lam_customer_link = "partner_id"
    # Fields only the system sets, refused in create() and write().
    _lam_system_fields = ()
    # The reference the model's own create() takes from a sequence (it refuses one
    # given).
    _lam_sequence_field = None

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        ondelete="cascade",
        index=True,
        domain=[("is_company", "=", True), ("lam_customer_kind", "!=", False)],
    )
    account_manager_id = fields.Many2one(
        related="partner_id.user_id",
        string="Account Manager",
        store=True,
        index=True,
        help="The customer's account manager: who, with his department manager, may "
        "see this record.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        system = (
            ()
            if self.env.su
            else tuple(
                fname
                for fname in self._lam_system_fields
                if fname != self._lam_sequence_field
            )
        )
        for vals in vals_list:
            # the values first: the checks below read the records they name
            self._lam_check_vals(vals)
            # a form sends every field it shows: the system fields' defaults pass
            given = [fname for fname in system if fname in vals]
            defaults = self.default_get(given) if given else {}
            self._lam_check_input(
                vals,
                [
                    fname
                    for fname in given
                    if not self._lam_is_default(fname, vals[fname], defaults)
                ],
            )
        self._lam_check_parent_access(vals_list)
        records = super().create(vals_list)
        records._lam_check_customer_access()
        return records

    @api.model
    def _lam_check_parent_access(self, vals_list):
        """A line (of a sample, a PSI report, a visit...) goes on a record the
        user reads: checked before anything is stored, so that the answer is the
        same whatever the line's values are (see _lam_check_unique_reach)."""
        link = self._lam_customer_link
        field = self._fields[link]
        if self.env.su or link == "partner_id" or field.type != "many2one":
            return
        ids = {vals[link] for vals in vals_list if vals.get(link)}
        self.env[field.comodel_name].browse(ids).check_access("read")

    def write(self, vals):
        # the system (sudo) sets its own fields, after the checks of the action doing it
        self._lam_check_input(vals, () if self.env.su else self._lam_system_fields)
        result = super().write(vals)
        if self._lam_customer_link in vals:
            # Record rules are checked before a write, on the old customer:
            # check them again where the record now hangs.
            self.check_access("write")
            self._lam_check_customer_access()
        return result

    def _lam_check_customer_access(self):
        """Only who may work on a customer's archive hangs a record on it. The
        rules of records of work also let their doer in; this keeps him from
        putting his work on a customer that is not his."""
        partners = self.partner_id
        partners.check_access("write")
        # as the system: the kind is restricted; write access to the partners was
        # checked just before
        others = partners.sudo().filtered(
            lambda partner: not (partner.is_company and partner.lam_customer_kind)
        )
        if others and not self.env.su:
            raise UserError(
                _(
                    "%(partners)s: not a lubricant customer.",
                    partners=", ".join(others.mapped("display_name")),
                )
            )

    @api.model
    def _lam_record_models(self):
        """The concrete models that hang on a customer (through other mixins too)."""
        found, todo = [], [self._name]
        while todo:
            for name in sorted(self.env[todo.pop()]._inherit_children):
                todo.append(name)
                if not self.env[name]._abstract:
                    found.append(name)
        return found

    @api.model
    def _lam_check_input(self, vals, system_fields=()):
        """Refuse values that cannot be stored as given, and values of fields
        the system computes (a readonly related or computed field is still
        written by write(): the customer's manager through account_manager_id)."""
        refused = [
            fname
            for fname in vals
            if fname in system_fields or self._lam_is_computed_readonly(fname)
        ]
        if refused:
            raise UserError(
                _(
                    "%(fields)s cannot be changed: the system sets it.",
                    fields=", ".join(
                        self._fields[fname]._description_string(self.env)
                        for fname in refused
                    ),
                )
            )

    @api.model
    def _lam_is_default(self, fname, value, defaults):
        """Whether ``value`` given for ``fname`` at creation is its default
        (an empty relation sent as commands included)."""
        if self._fields[fname].type in ("one2many", "many2many"):
            return all(
                isinstance(command, list | tuple)
                and command[0] in (5, 6)
                and not (command[2:3] and command[2])
                for command in value or []
            )
        return (value or False) == (defaults.get(fname) or False)

    @api.model
    def _lam_is_computed_readonly(self, fname):
        field = self._fields.get(fname)
        return bool(field and (field.related or field.compute) and field.readonly)
