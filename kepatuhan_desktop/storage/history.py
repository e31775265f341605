"""The history of a period, an institution, a unit or one answer: who set what, when, and from which package.

It is read from what the database keeps anyway:

- the exchange *records* (``xrecords``): every version of an answer, every finalise/reopen of a unit, every
  survey entry and evidence link, with its author, time, reason (reopen, conflict resolution) and the batch
  that carried it (and so the package file it came in, ``xbatches.package`` -> ``xpackages``);
- answers written without a version yet (bulk loads, older databases): their current value, once;
- the audit log, for what records do not hold: the person and their key, trusted keys and roles, plan
  changes of an institution, certificates withheld or revoked, packages imported.

Per-answer audit rows are not read (records are the history of answers). GUI and CLI both call
:func:`iter_history` / :func:`history`; one entry is a :class:`HistoryEntry`, whose :meth:`~HistoryEntry.to_dict`
is the ``history --format json`` contract.

Entries come unit by unit (institution code, unit code), in time order within a unit; entries that belong
to no unit (the audit log's) come first. A whole national period is streamed, never held at once.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from fractions import Fraction
from typing import Any

from sqlite_utils import Database

from ..domain.numbers import format_value
from ..errors import NotFoundError
from .records import RECORD_BATCH

#: The actions an entry can have (the GUI words them; the CLI prints them as they are).
ACTIONS = ("set", "clear", "note", "resolve", "finalise", "reopen", "survey", "evidence", "evidence_removed",
           "identity", "key", "trust", "role", "revoke", "plan", "certificate", "import", "period")

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


@dataclass(frozen=True)
class HistoryEntry:
    at: str             # UTC, ISO 8601
    who: str            # the person (or, for a change from elsewhere without one, the signing key's name)
    action: str         # one of ACTIONS
    institution: str    # codes; "" when the entry is not about one
    unit: str
    product: str
    indicator: str
    before: str         # values as text: "2", "2.5", "NA", "" (none)
    after: str
    reason: str
    source: str         # the package file it came from; "" for a change made in this database
    year: int | None = None
    key: str = ""       # fingerprint of the signing key that recorded it ("" for the audit log's entries)

    def to_dict(self) -> dict[str, str]:
        """The ``history --format json`` object."""
        d = asdict(self)
        del d["year"], d["key"]
        return d


@dataclass(frozen=True)
class _Names:
    institutions: dict[str, str]            # uuid -> code
    units: dict[str, tuple[str, str]]       # uuid -> (institution uuid, code)
    products: dict[str, str]                # uuid -> code
    people: dict[str, str]                  # inspector uuid (older databases) -> name


def _names(db: Database, unit_uuids: list[str] | None) -> _Names:
    institutions = dict(db.execute("SELECT uuid, code FROM institutions").fetchall())
    if unit_uuids is None:
        units = {r[0]: (r[1], r[2]) for r in db.execute("SELECT uuid, institution_uuid, code FROM units")}
        products = dict(db.execute("SELECT uuid, code FROM products").fetchall())
    else:
        marks = ",".join("?" * len(unit_uuids))
        units = {r[0]: (r[1], r[2]) for r in db.execute(
            f"SELECT uuid, institution_uuid, code FROM units WHERE uuid IN ({marks})", unit_uuids)}
        products = dict(db.execute(f"SELECT uuid, code FROM products WHERE unit_uuid IN ({marks})",
                                   unit_uuids).fetchall())
    people = dict(db.execute("SELECT uuid, name FROM inspectors").fetchall())
    return _Names(institutions, units, products, people)


def _value_text(body: dict) -> str:
    if body.get("cleared"):
        return ""
    if body.get("na"):
        return "NA"
    value = body.get("value")
    if value is None:
        return ""
    try:
        return format_value(Fraction(str(value)))
    except (ValueError, ZeroDivisionError):
        return str(value)


def _who(body: dict, names: _Names) -> str:
    by = str(body.get("by") or "")
    if by and _UUID.match(by):
        by = names.people.get(by, "")
    return by or body.get("author_name", "") or body.get("author", "")


def _scope_units(db: Database, year: int | None, institution: str | None, unit: str | None) -> list[str] | None:
    """The unit uuids the filters name (None: every unit). Refuses codes that name nothing."""
    if institution is None and unit is None:
        return None
    sql = "SELECT u.uuid FROM units u JOIN institutions i ON i.uuid = u.institution_uuid"
    where: list[str] = []
    params: list[object] = []
    if institution is not None:
        where.append("i.code = ?")
        params.append(institution)
    if unit is not None:
        where.append("u.code = ?")
        params.append(unit)
    if year is not None:
        sql += " JOIN period_units pu ON pu.unit_uuid = u.uuid AND pu.year = ?"
        params.insert(0, year)
    found = [r[0] for r in db.execute(sql + " WHERE " + " AND ".join(where), params)]
    if not found:
        if unit is None:
            raise NotFoundError(f"no institution with code '{institution}'" + (f" in {year}" if year else ""),
                                code="institution.not_found", institution=institution, year=year or "")
        raise NotFoundError(f"no unit '{unit}'" + (f" of {institution}" if institution else "")
                            + (f" in {year}" if year else ""),
                            code="unit.not_found", unit=unit, institution=institution or "", year=year or "")
    return found


def iter_history(db: Database, *, year: int | None = None, institution: str | None = None,
                 unit: str | None = None, product: str | None = None, indicator: str | None = None,
                 include_audit: bool = True) -> Iterator[HistoryEntry]:
    """The history matching the filters (codes: institution, unit, product; indicator id). See the module."""
    units = _scope_units(db, year, institution, unit)
    names = _names(db, units)
    if include_audit and unit is None and product is None and indicator is None:
        yield from _audit_entries(db, year, institution, names)
    if units is None:
        order = db.execute("SELECT u.uuid FROM units u JOIN institutions i ON i.uuid = u.institution_uuid "
                           "ORDER BY i.code, u.code").fetchall()
        units = [r[0] for r in order]
    else:
        units = sorted(units, key=lambda u: (names.institutions.get(names.units[u][0], ""), names.units[u][1]))
    for unit_uuid in units:
        yield from _unit_entries(db, unit_uuid, year, product, indicator, names)


def history(db: Database, **filters: Any) -> list[HistoryEntry]:
    """:func:`iter_history` as a list (a unit's or an answer's history is short)."""
    return list(iter_history(db, **filters))


def _unit_entries(db: Database, unit_uuid: str, year: int | None, product: str | None, indicator: str | None,
                  names: _Names) -> list[HistoryEntry]:
    inst_uuid, unit_code = names.units.get(unit_uuid, ("", ""))
    inst_code = names.institutions.get(inst_uuid, "")
    sql = ("SELECT x.id, x.kind, x.year, x.body, b.received_from, b.received_at, b.author_name, "
           "(SELECT p.file FROM xpackages p WHERE p.sha256 = b.package ORDER BY p.rowid LIMIT 1) "
           f"FROM xrecords x LEFT JOIN xbatches b ON b.id = {RECORD_BATCH} "
           "WHERE x.unit_uuid = ? AND x.kind IN ('answer', 'unit', 'survey', 'evidence')")
    params: list = [unit_uuid]
    if year is not None:
        sql += " AND x.year = ?"
        params.append(year)
    rows = db.execute(sql + " ORDER BY x.at, x.lamport, x.id", params).fetchall()
    senders: dict[str, Any] = {}
    bodies: dict[str, dict] = {}
    parsed = []
    for rid, kind, rec_year, text, received_from, received_at, _batch_author, package_file in rows:
        body = json.loads(text)
        if kind == "answer":
            bodies[rid] = body
        if received_from and not package_file:
            senders.setdefault(received_from, None)
        parsed.append((rid, kind, rec_year, body, received_from, received_at, package_file))
    if senders:
        for fp, name in db.execute(f"SELECT fingerprint, name FROM trusted_keys WHERE fingerprint IN "
                                   f"({','.join('?' * len(senders))})", list(senders)):
            senders[fp] = name
    out: list[HistoryEntry] = []
    for _rid, kind, rec_year, body, received_from, received_at, package_file in parsed:
        prod_code = names.products.get(body.get("product", ""), "")
        ind = body.get("ind", "")
        if product is not None and prod_code != product:
            continue
        if indicator is not None and ind != indicator:
            continue
        source = ""
        if received_from:
            source = package_file or f"{senders.get(received_from) or received_from} {(received_at or '')[:10]}"
        before = after = reason = ""
        if kind == "answer":
            parents = [bodies[p] for p in body.get("parents") or () if p in bodies]
            before = " / ".join(dict.fromkeys(_value_text(p) for p in parents))
            after = _value_text(body)
            reason = body.get("reason", "")
            if reason:
                action = "resolve"
            elif body.get("cleared"):
                action = "clear"
            elif parents and all(_value_text(p) == after for p in parents) and \
                    any(p.get("note", "") != body.get("note", "") for p in parents):
                action = "note"
                before = " / ".join(dict.fromkeys(p.get("note", "") for p in parents))
                after = body.get("note", "")
            else:
                action = "set"
        elif kind == "unit":
            action = "finalise" if body.get("state") == "final" else "reopen"
            reason = body.get("reason", "")
        elif kind == "survey":
            action = "survey"
            responses = body.get("responses") or {}
            after = ", ".join(f"{k}={'-' if v is None else v}" for k, v in
                              sorted(responses.items(), key=lambda kv: int(kv[0]) if str(kv[0]).isdigit() else 0))
        else:
            action = "evidence_removed" if body.get("removed") else "evidence"
            after = body.get("filename", "")
        out.append(HistoryEntry(body.get("at", ""), _who(body, names), action, inst_code, unit_code, prod_code, ind,
                                before, after, reason, source, rec_year, body.get("author", "")))
    # answers written without a version (bulk loads, older databases): their current value, once
    sql = ("SELECT year, product_uuid, indicator, value, na, inspector_uuid, updated_at FROM answers "
           "WHERE unit_uuid = ? AND version IS NULL")
    params = [unit_uuid]
    if year is not None:
        sql += " AND year = ?"
        params.append(year)
    for a_year, prod_uuid, ind, value, na, by, at in db.execute(sql, params).fetchall():
        prod_code = names.products.get(prod_uuid, "")
        if (product is not None and prod_code != product) or (indicator is not None and ind != indicator):
            continue
        shown = _value_text({"na": na, "value": value})
        who = names.people.get(by, "") if by and _UUID.match(by) else (by or "")
        out.append(HistoryEntry(at, who, "set", inst_code, unit_code, prod_code, ind, "", shown, "", "", a_year))
    out.sort(key=lambda e: e.at)
    return out


def _audit_entries(db: Database, year: int | None, institution: str | None, names: _Names) -> list[HistoryEntry]:
    """What the records do not hold: person, keys, roles, plan changes, certificates, packages imported."""
    sql = ("SELECT at, actor, action, entity, entity_uuid, year, detail, reason FROM audit_log "
           "WHERE entity NOT IN ('answer', 'unit', 'conflict', 'evidence')")
    params: list = []
    if year is not None:   # a package import is filed under the year it carried
        sql += " AND (year = ? OR (entity = 'package' AND json_extract(detail, '$.year') = ?))"
        params += [year, year]
    out = []
    inst_uuid = None
    if institution is not None:
        inst_uuid = next((u for u, c in names.institutions.items() if c == institution), None)
    for at, actor, action, entity, entity_uuid, a_year, detail_text, reason in db.execute(
            sql + " ORDER BY id", params).fetchall():
        detail = json.loads(detail_text or "{}")
        code = ""
        if entity == "institution":
            code = names.institutions.get(entity_uuid, "")
        elif entity == "certificate":
            code = detail.get("institution") or names.institutions.get(entity_uuid, "")
            if code and code not in names.institutions.values():
                code = names.institutions.get(code, code)
        if institution is not None and code != institution and entity_uuid != inst_uuid:
            continue
        entry = _describe_audit(at, actor, action, entity, entity_uuid, detail, reason, code, a_year)
        if entry is not None:
            out.append(entry)
    return out


def _describe_audit(at: str, actor: str, action: str, entity: str, entity_uuid: str, detail: dict, reason: str,
                    code: str, year: int | None) -> HistoryEntry | None:
    def entry(kind: str, before: str = "", after: str = "", why: str = reason) -> HistoryEntry:
        return HistoryEntry(at, actor, kind, code, "", "", "", before, after, why, "", year, "")

    def person(d: dict | None) -> str:
        if not d:
            return ""
        return ", ".join(str(d.get(k, "")) for k in ("name", "office", "role") if d.get(k))

    if entity == "settings" and action == "identity":
        return entry("identity", person(detail.get("before")), person(detail.get("after")))
    if entity == "signing_key":
        if action == "relabel":
            return entry("key", person(detail.get("before")), person(detail.get("after")))
        return entry("key", "", f"{person(detail)} {entity_uuid}".strip())
    if entity == "key":
        if action == "trust":
            return entry("trust", "", f"{person(detail)} {entity_uuid}".strip())
        if action == "role":
            return entry("role", str(detail.get("before", "")), f"{detail.get('after', '')} {entity_uuid}")
        if action == "revoke":
            return entry("revoke", entity_uuid, "")
    if entity == "institution" and action == "update":
        before, after = detail.get("before") or [], detail.get("after") or []
        return entry("plan", " / ".join(map(str, before)), " / ".join(map(str, after)))
    if entity == "certificate":
        return entry("certificate", "", action if action != "revoke" else f"revoke {entity_uuid}")
    if entity == "package" and action == "import":
        kind = detail.get("kind", "")
        return HistoryEntry(at, actor, "import", "", "", "", "", "", f"{kind} {detail.get('new_records', '')}".strip(),
                            reason, str(detail.get("file", "")), detail.get("year") or year, detail.get("sender", ""))
    if entity == "period":
        return entry("period", "", str(detail.get("form", "") or action))
    return None
