"""Schema migrations: one module per schema version, applied in the order of ``ORDER`` (not alphabetical).

To change the schema, add ``mNNNN_what.py`` with one function registered on ``MIGRATIONS`` and append its
module name to ``ORDER``. Never edit a migration that has shipped.
"""

from __future__ import annotations

import importlib

from sqlite_utils import Migrations

MIGRATIONS = Migrations("kepatuhan")

#: Registration order is application order.
ORDER = (
    "m0001_initial",
    "m0002_keys",
    "m0003_exchange",
    "m0004_documents",
    "m0005_people",
    "m0006_trust",
    "m0008_person",
    "m0009_review",
    "m0011_period_forms",
    "m0012_answers_by_unit",
    "m0013_keys_as_indexes",
    "m0014_record_kind_check",
    "m0015_open_batches",
    "m0016_records_by_slot",
)

for _name in ORDER:
    importlib.import_module(f"{__name__}.{_name}")

#: The schema version this build writes: the number of migrations it knows.
SCHEMA_VERSION = len(ORDER)


def known_names() -> list[str]:
    return [m.name for m in MIGRATIONS._migrations]
