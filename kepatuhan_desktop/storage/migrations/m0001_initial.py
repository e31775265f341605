"""Schema 1: plan (periods, institutions, units, products), answers, survey, evidence, audit, settings."""

from __future__ import annotations

from . import MIGRATIONS


@MIGRATIONS(name="m0001_initial")
def m0001_initial(db) -> None:
    statements = [
        """CREATE TABLE instruments (
            key TEXT PRIMARY KEY,            -- form id @ version, e.g. ori-2023@1
            form_id TEXT NOT NULL,
            version TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            title TEXT NOT NULL,
            method TEXT NOT NULL,
            provisional INTEGER NOT NULL DEFAULT 0,
            document TEXT NOT NULL,          -- the instrument document as JSON
            source TEXT,                     -- file it was loaded from
            loaded_at TEXT NOT NULL
        )""",
        """CREATE TABLE periods (
            year INTEGER PRIMARY KEY,
            form_key TEXT NOT NULL REFERENCES instruments(key),
            is_demo INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL
        )""",
        """CREATE TABLE institutions (
            uuid TEXT PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('kementerian','lembaga','provinsi','kota','kabupaten')),
            province TEXT NOT NULL DEFAULT '',
            is_demo INTEGER NOT NULL DEFAULT 0
        )""",
        """CREATE TABLE units (
            uuid TEXT PRIMARY KEY,
            institution_uuid TEXT NOT NULL REFERENCES institutions(uuid),
            code TEXT NOT NULL,
            name TEXT NOT NULL,
            UNIQUE (institution_uuid, code)
        )""",
        """CREATE TABLE products (
            uuid TEXT PRIMARY KEY,
            unit_uuid TEXT NOT NULL REFERENCES units(uuid),
            code TEXT NOT NULL,
            name TEXT NOT NULL,
            UNIQUE (unit_uuid, code)
        )""",
        """CREATE TABLE period_institutions (
            year INTEGER NOT NULL REFERENCES periods(year),
            institution_uuid TEXT NOT NULL REFERENCES institutions(uuid),
            followed_up INTEGER NOT NULL DEFAULT 0,   -- Method C: corrective actions followed up
            withheld INTEGER NOT NULL DEFAULT 0,      -- certificate withheld by the coordinator
            withheld_reason TEXT,
            PRIMARY KEY (year, institution_uuid)
        )""",
        """CREATE TABLE period_units (
            year INTEGER NOT NULL REFERENCES periods(year),
            unit_uuid TEXT NOT NULL REFERENCES units(uuid),
            position INTEGER NOT NULL DEFAULT 0,
            finalised_at TEXT,
            finalised_by TEXT,
            PRIMARY KEY (year, unit_uuid)
        )""",
        """CREATE TABLE period_products (
            year INTEGER NOT NULL REFERENCES periods(year),
            product_uuid TEXT NOT NULL REFERENCES products(uuid),
            position INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (year, product_uuid)
        )""",
        """CREATE TABLE inspectors (
            uuid TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            nip TEXT NOT NULL DEFAULT '',
            office TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        )""",
        """CREATE TABLE answers (
            uuid TEXT PRIMARY KEY,           -- uuid5 of (year, unit, product, indicator): same on every laptop
            year INTEGER NOT NULL REFERENCES periods(year),
            unit_uuid TEXT NOT NULL REFERENCES units(uuid),
            product_uuid TEXT NOT NULL DEFAULT '',   -- '' for a unit-level answer
            indicator TEXT NOT NULL,
            value TEXT,                      -- exact value as a fraction text ('2', '5/2'); NULL when N/A
            na INTEGER NOT NULL DEFAULT 0,
            note TEXT NOT NULL DEFAULT '',
            inspector_uuid TEXT,
            updated_at TEXT NOT NULL,
            rev INTEGER NOT NULL DEFAULT 1,
            CHECK ((na = 1 AND value IS NULL) OR (na = 0 AND value IS NOT NULL)),
            UNIQUE (year, unit_uuid, product_uuid, indicator)
        )""",
        "CREATE INDEX answers_year ON answers(year, unit_uuid)",
        """CREATE TABLE survey_responses (
            uuid TEXT PRIMARY KEY,
            year INTEGER NOT NULL REFERENCES periods(year),
            unit_uuid TEXT NOT NULL REFERENCES units(uuid),
            indicator TEXT NOT NULL,
            respondent INTEGER NOT NULL,
            value TEXT,                      -- NULL = respondent could not answer (not counted)
            inspector_uuid TEXT,
            updated_at TEXT NOT NULL,
            UNIQUE (year, unit_uuid, indicator, respondent)
        )""",
        """CREATE TABLE evidence (
            sha256 TEXT PRIMARY KEY,
            size INTEGER NOT NULL,
            mime TEXT NOT NULL DEFAULT 'application/octet-stream',
            data BLOB NOT NULL,
            created_at TEXT NOT NULL
        )""",
        """CREATE TABLE answer_evidence (
            answer_uuid TEXT NOT NULL,
            sha256 TEXT NOT NULL REFERENCES evidence(sha256),
            filename TEXT NOT NULL,
            added_at TEXT NOT NULL,
            PRIMARY KEY (answer_uuid, sha256)
        )""",
        """CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            uuid TEXT NOT NULL UNIQUE,
            at TEXT NOT NULL,
            actor TEXT NOT NULL DEFAULT '',
            action TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_uuid TEXT NOT NULL DEFAULT '',
            year INTEGER,
            detail TEXT NOT NULL DEFAULT '{}',
            reason TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX audit_entity ON audit_log(entity, entity_uuid)",
        """CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )""",
    ]
    for sql in statements:
        db.execute(sql)
