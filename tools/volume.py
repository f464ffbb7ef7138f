# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""Conversion of lubricant quantities between units of measure.

Inside one UoM category Odoo's own factors apply. Between the volume and the
weight categories the product's density (kg per litre) bridges the two.
"""


def convert_quantity(qty, from_uom, to_uom, density, litre, kilogram):
    """Return ``qty`` in ``from_uom`` expressed in ``to_uom``, or None.

    :param float density: kg per litre, used only between volume and weight
    :param litre: the ``uom.uom`` litre record (reference of the volume bridge)
    :param kilogram: the ``uom.uom`` kilogram record (reference of the weight bridge)
    :return: the converted quantity, or None when no conversion exists
        (unrelated categories, or volume and weight without a density)
    """
    if not qty:
        return 0.0
    if from_uom.category_id == to_uom.category_id:
        return from_uom._compute_quantity(qty, to_uom, round=False)
    bridges = {litre.category_id: litre, kilogram.category_id: kilogram}
    from_bridge = bridges.get(from_uom.category_id)
    to_bridge = bridges.get(to_uom.category_id)
    if not from_bridge or not to_bridge or not density or density <= 0:
        return None
    bridged = from_uom._compute_quantity(qty, from_bridge, round=False)
    bridged = bridged * density if from_bridge == litre else bridged / density
    return to_bridge._compute_quantity(bridged, to_uom, round=False)
