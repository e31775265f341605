"""Exchange records: their canonical text and id, the one bulk insert, and the one check every record passes.

A record is one immutable change (``domain.enums.RecordType``): its body is canonical JSON (sorted keys, no
spaces) and its id the first 32 hex digits of the SHA-256 of that text, so the same change has the same id in
every database. Records made here and records received in packages are stored by :func:`insert_records`.

:class:`RecordChecker` is what a record from a package passes before it is stored: the same slot, value and
text rules as an answer typed in the GUI or read from a CSV row (``storage.checks``), plus the checks only a
record needs (its type, author, time and Lamport counter, the ids it refers to). The limits are documented in
``docs/exchange-format.md``.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from sqlite_utils import Database

from ..domain.enums import RecordType, UnitState
from ..domain.limits import (
    EARLIEST_TIME,
    MAX_FILENAME_CHARS,
    MAX_LAMPORT,
    MAX_NAME_CHARS,
    MAX_NOTE_CHARS,
    MAX_REASON_CHARS,
    TIME_RE,
    latest_acceptable,
    time_problem,
)
from .checks import CheckFailure, PlanIndex, exact_value, slot_rule, text_limit
from .db import NAMESPACE_BYTES, VARIANT_DIGIT, stable_uuid

#: Limits of one record (documented in docs/exchange-format.md).
MAX_RECORD_BYTES = 64 * 1024     # one JSON line
MAX_PARENTS = 64                 # versions one answer/unit version supersedes
MAX_BASIS = 20_000               # answer versions a finalise event names
MAX_EVIDENCE_BYTES = 15 * 1024 * 1024
MAX_AUDIT_DETAIL_BYTES = 16 * 1024
AUDIT_ENTITIES = frozenset({"answer", "unit", "conflict"})

ID_RE = re.compile(r"[0-9a-f]{32}")
UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
SHA_RE = re.compile(r"[0-9a-f]{64}")
WORD_RE = re.compile(r"[a-z][a-z_]{0,39}")
MIME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9.+-]{0,60}/[A-Za-z0-9][A-Za-z0-9.+-]{0,60}")
_FILENAME_BAD = re.compile(r"[/\\\x00-\x1f\x7f]")

_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))
_STRING = json.encoder.encode_basestring  # type: ignore[attr-defined]
_sha1 = hashlib.sha1


def canonical(body: dict[str, Any]) -> str:
    """The canonical JSON text of a record body (what is hashed and signed)."""
    return _ENCODER.encode(body)


class AnswerTexts:
    """``canonical()`` of answer bodies (not cleared) written directly, for many answers by one author at one
    moment (a bulk import makes one per answer): the fields every record of the import shares (author, who, time,
    Lamport counter, year) are escaped once. The keys in sorted order; every text through the JSON encoder's own
    string escaping, so the text is byte for byte what ``canonical`` gives for the same body."""

    __slots__ = ("_head", "_lamport", "_tail")

    def __init__(self, *, year: int, author: str, author_name: str, by: str, at: str, lamport: int) -> None:
        self._head = (f'{{"at":{_STRING(at)},"author":{_STRING(author)},"author_name":{_STRING(author_name)},'
                      f'"by":{_STRING(by)},"cleared":false,"ind":')
        self._lamport = f',"lamport":{int(lamport)},"na":'
        self._tail = f',"year":{int(year)}}}'

    def text(self, inst: str, unit: str, product: str, ind: str, slot: str, value: str | None, na: int, note: str,
             parents: Sequence[str] = ()) -> str:
        return (f'{self._head}{_STRING(ind)},"inst":{_STRING(inst)}{self._lamport}{int(na)},"note":{_STRING(note)},'
                f'"parents":[{",".join(_STRING(p) for p in parents) if parents else ""}],"product":{_STRING(product)},'
                f'"slot":{_STRING(slot)},"t":"answer","unit":{_STRING(unit)},'
                f'"value":{"null" if value is None else _STRING(value)}{self._tail}')


def answer_text(*, year: int, inst: str, unit: str, product: str, ind: str, slot: str, value: str | None, na: int,
                note: str, author: str, author_name: str, by: str, at: str, lamport: int,
                parents: Sequence[str] = ()) -> str:
    """``canonical()`` of one answer body (not cleared), written directly (see :class:`AnswerTexts`)."""
    return AnswerTexts(year=year, author=author, author_name=author_name, by=by, at=at, lamport=lamport).text(
        inst, unit, product, ind, slot, value, na, note, parents)


def record_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def unit_slot(year: int, unit_uuid: str) -> str:
    return stable_uuid("unit-state", year, unit_uuid)


def survey_slot(year: int, unit_uuid: str, indicator: str) -> str:
    return stable_uuid("survey-group", year, unit_uuid, indicator)


def answer_slot(year: int, unit_uuid: str, product_uuid: str, indicator: str) -> str:
    """``stable_uuid("answer", year, unit_uuid, product_uuid, indicator)`` (a bulk import computes one per row, a
    merge checks one per record: :func:`storage.db.uuid5_text` written out here, one call less)."""
    h = _sha1(NAMESPACE_BYTES + f"answer\x1f{year}\x1f{unit_uuid}\x1f{product_uuid}\x1f{indicator}".encode()).hexdigest()
    return f"{h[:8]}-{h[8:12]}-5{h[13:16]}-{VARIANT_DIGIT[h[16]]}{h[17:20]}-{h[20:32]}"


class RecordRow(NamedTuple):
    """One row of ``xrecords`` and the ids it supersedes."""

    id: str
    kind: str
    year: int
    inst: str
    unit: str
    slot: str
    author: str
    at: str
    lamport: int
    text: str
    batch: str | None  # a received record's batch hash while its merge stages it; None: written here (see
    #                    insert_records, which puts it in the open batch of its year and author)
    parents: Sequence[str] = ()


def row_of(body: dict[str, Any], *, batch: str | None = None, text: str | None = None) -> RecordRow:
    """The row of a record body (``text``: the canonical body exactly as signed, when it came from a batch)."""
    text = text if text is not None else canonical(body)
    return RecordRow(record_id(text), body["t"], body["year"], body.get("inst", ""), body.get("unit", ""),
                     body.get("slot", ""), body["author"], body.get("at", ""), body.get("lamport", 0), text, batch,
                     tuple(body.get("parents") or ()))


def current_open_batch(db: Database, year: int, author: str) -> int | None:
    """The open batch of ``year`` and ``author`` (``xopen.id``), if there is one: the records this database
    wrote since the last export join it (``xrecords.batch`` holds its id negated) until an export seals it into
    batches (schema m0015; at most one at a time)."""
    row = db.execute("SELECT id FROM xopen WHERE year = ? AND author = ? AND sealed_at IS NULL",
                     [year, author]).fetchone()
    return None if row is None else int(row[0])


def open_batch(db: Database, year: int, author: str) -> int:
    """:func:`current_open_batch`, made now if there is none. Inside the transaction that writes the records."""
    found = current_open_batch(db, year, author)
    if found is not None:
        return found
    return int(db.execute("INSERT INTO xopen(year, author) VALUES (?, ?)", [year, author]).lastrowid or 0)


#: The batch a record of ``xrecords x`` is in (``xbatches.id``), for a query's columns: the batch that carried it
#: to this database, or the batch an export made of its open batch (NULL while that is still open).
RECORD_BATCH = ("CASE WHEN x.batch > 0 THEN x.batch ELSE (SELECT s.batch FROM xsealed s WHERE s.open = -x.batch "
                "AND s.institution_uuid = x.institution_uuid) END")


#: The columns of ``xrecords`` in :class:`RecordRow` order: both ways of storing records below write these.
_INSERT = ("INSERT OR IGNORE INTO xrecords(id, kind, year, institution_uuid, unit_uuid, slot, author, at, lamport, "
           "body, batch) ")


def insert_records(db: Database, rows: Iterable[RecordRow]) -> int:
    """Store records (idempotent: a record already stored changes nothing) and advance the Lamport clock.

    With :func:`store_record_rows` (the same insert for rows already in column order) and
    :func:`insert_records_select` (for records waiting in a table), the one way records reach ``xrecords``:
    local edits, bulk imports, adoption before an export and merges of packages all come through here. Returns
    how many were new."""
    parents: list[tuple[str, str]] = []
    top = 0
    columns: list[tuple[Any, ...]] = []
    opened: dict[tuple[int, str], int] = {}
    for row in rows:
        if row.batch is None:  # written here: it joins the open batch of its year and author
            key = (row.year, row.author)
            if key not in opened:
                opened[key] = -open_batch(db, row.year, row.author)
            columns.append((*row[:10], opened[key]))
        else:
            columns.append(row[:11])
        if row.parents:
            parents.extend((row.id, p) for p in row.parents)
        if row.lamport > top:
            top = row.lamport
    return store_record_rows(db, columns, parents, top)


def store_record_rows(db: Database, rows: Sequence[tuple[Any, ...]], parents: Sequence[tuple[str, str]],
                      top_lamport: int) -> int:
    """:func:`insert_records` for rows already in the column order of :class:`RecordRow` (without parents), with
    the (child, parent) pairs and the highest Lamport counter among them. Returns how many were new."""
    return _store_rows(db, "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows, parents, top_lamport)


def _store_rows(db: Database, values: str, rows: Sequence[tuple[Any, ...]], parents: Sequence[tuple[str, str]],
                top_lamport: int) -> int:
    """The insert both :func:`store_record_rows` and :func:`store_answer_rows` make (``values``: the VALUES
    clause for their rows), their parents, and the clock. Returns how many rows were new."""
    before = db.conn.total_changes
    db.conn.executemany(_INSERT + values, rows)
    inserted = db.conn.total_changes - before
    if parents:
        db.conn.executemany("INSERT OR IGNORE INTO xparents(child, parent) VALUES (?, ?)", parents)
    if top_lamport:
        db.execute("UPDATE xclock SET lamport = max(lamport, ?)", [top_lamport])
    return inserted


def sql_literal(value: str | int | None) -> str:
    """``value`` as an SQL literal (text quoted, a whole number as digits): for values shared by every row of a
    bulk insert, written once into its statement instead of bound on each row."""
    if value is None:
        return "NULL"
    if isinstance(value, int) and not isinstance(value, bool):
        return str(int(value))
    if not isinstance(value, str):
        raise TypeError(f"not a text or whole number for an SQL literal: {value!r:.40}")
    if "\x00" in value:  # (an SQL statement cannot hold one): the text's bytes
        return f"CAST(x'{value.encode('utf-8').hex()}' AS TEXT)"
    return "'" + value.replace("'", "''") + "'"


def store_answer_rows(db: Database, rows: Sequence[tuple[str, str, str, str, str]],
                      parents: Sequence[tuple[str, str]], *, year: int, author: str, at: str, lamport: int) -> int:
    """:func:`store_record_rows` for answer records that share their year, author, time and Lamport counter (a
    bulk import makes them): ``rows`` are (id, institution, unit, slot, text); the shared columns are written
    once into the statement (binding eleven values per row cost a tenth of a national load). Returns how many
    were new."""
    return _store_rows(db, f"VALUES (?, 'answer', {sql_literal(year)}, ?, ?, ?, {sql_literal(author)}, "
                           f"{sql_literal(at)}, {sql_literal(lamport)}, ?, {-open_batch(db, year, author)})", rows,
                       parents, lamport)


def store_batch_answer_rows(db: Database, rows: Sequence[tuple[str, str, str, str, str, int, str]], *, year: int,
                            author: str, batch: int) -> int:
    """:func:`store_record_rows` for answer records received in one batch (``xbatches.id``), which share their
    year and author (the checks hold a batch to its signer's records of the package's year): ``rows`` are (id,
    institution, unit, slot, time, Lamport counter, text); the shared columns are written once into the
    statement. The caller advances the clock. Returns how many were new."""
    return _store_rows(db, f"VALUES (?, 'answer', {sql_literal(year)}, ?, ?, ?, {sql_literal(author)}, ?, ?, ?, "
                           f"{sql_literal(batch)})", rows, (), 0)


def insert_records_select(db: Database, rows_sql: str, parents_sql: str, params: Sequence[Any] = (),
                          parents_params: Sequence[Any] = (), *, lamport: int | None = None) -> int:
    """:func:`insert_records` for records waiting in a (temporary) table, without reading them into Python:
    ``rows_sql`` selects the columns of :class:`RecordRow` (without parents), ``parents_sql`` selects
    (child, parent) pairs (pairs already stored are ignored). ``lamport``: the highest Lamport counter among the
    rows, when the caller knows it (else it is read from them). Returns how many were new."""
    before = db.conn.total_changes
    db.execute(_INSERT + rows_sql, list(params))
    inserted = db.conn.total_changes - before
    db.execute("INSERT OR IGNORE INTO xparents(child, parent) " + parents_sql, list(parents_params))
    if lamport is None:
        db.execute(f"UPDATE xclock SET lamport = max(lamport, (SELECT coalesce(max(lamport), 0) FROM ({rows_sql})))",
                   list(params))
    elif lamport:
        db.execute("UPDATE xclock SET lamport = max(lamport, ?)", [lamport])
    return inserted


# ---- the check of a received record -----------------------------------------------------------------------------


@dataclass(slots=True)
class Checked:
    """A record that passed :meth:`RecordChecker.check`, with the fields the merge needs."""

    row: RecordRow
    body: dict[str, Any]
    parents: list[str] = field(default_factory=list)  # versions of the same slot it supersedes
    basis: list[str] = field(default_factory=list)    # answer versions of the same unit a finalise event names


_TYPES: dict[Any, RecordType] = {t.value: t for t in RecordType}
_new_row = tuple.__new__


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _ids(body: dict[str, Any], key: str, limit: int) -> list[str]:
    value = body.get(key)
    if not isinstance(value, list):
        raise CheckFailure(f"'{key}' must be a list of record ids", code="record.field", field=key)
    if len(value) > limit:
        raise CheckFailure(f"'{key}' names {len(value)} records, more than the limit of {limit}",
                           code="record.too_many", field=key, limit=limit)
    for item in value:
        if not isinstance(item, str) or ID_RE.fullmatch(item) is None:
            raise CheckFailure(f"'{key}' holds {str(item)[:40]!r}, which is not a record id", code="record.field",
                               field=key)
    return value


_AT_SLOT = frozenset({"at", "slot"})
_ANSWER_KEYS = frozenset({"unit", "product", "ind", "na", "parents"})


def _need(body: dict[str, Any], *keys: str) -> None:
    missing = [k for k in keys if k not in body]
    if missing:
        raise CheckFailure(f"a {body.get('t')} record without {', '.join(missing)}", code="record.missing_field",
                           field=", ".join(missing))


#: The most entries a :class:`CheckCache` keeps of each kind (beyond them, checks are simply made again).
CACHE_ENTRIES = 10_000


@dataclass(slots=True)
class CheckCache:
    """What the checks of one import have found true for every batch of it (the records of a national package
    repeat a few names, times and values): names within their limits, times in range, values valid for their
    indicator. Bounded (:data:`CACHE_ENTRIES`)."""

    names: set[str] = field(default_factory=set)
    times: set[str] = field(default_factory=set)
    values: dict[tuple[str, Any, Any], None] = field(default_factory=dict)


class RecordChecker:
    """Checks the records of one batch (see the module docstring). ``latest``: the latest acceptable time.
    ``cache``: shared by the checkers of one import (same plan, same time bounds)."""

    def __init__(self, index: PlanIndex, *, author: str, now: _dt.datetime, created_at: _dt.datetime | None = None,
                 cache: CheckCache | None = None) -> None:
        self.index = index
        self.author = author
        self.latest = latest_acceptable(min(now, created_at) if created_at else now)
        self._latest_text = self.latest.isoformat(timespec="milliseconds").replace("+00:00", "Z")
        # what was checked already (a batch repeats names, values and slots' rules): the checks stay the same
        cache = cache if cache is not None else CheckCache()
        self._names = cache.names
        self._times = cache.times
        self._values = cache.values

    def _name_ok(self, key: str, value: object, limit: int = MAX_NAME_CHARS, multiline: bool = False) -> None:
        if type(value) is str and value in self._names:
            return
        text_limit(key, value, limit, multiline=multiline)
        if isinstance(value, str) and len(value) <= 300 and len(self._names) < CACHE_ENTRIES:
            self._names.add(value)

    def _time_ok(self, at: object) -> None:
        # the common case without building a datetime: same form, between the bounds, a real date (the form and
        # the date of a time already seen are known good)
        if type(at) is str and at in self._times and at <= self._latest_text:
            return
        if type(at) is str and len(at) == 24 and TIME_RE.fullmatch(at) and EARLIEST_TIME <= at <= self._latest_text:
            try:
                _dt.datetime.fromisoformat(at[:-1])
                if len(self._times) < CACHE_ENTRIES:
                    self._times.add(at)
                return
            except ValueError:
                pass
        problem = time_problem(at, self.latest)
        if problem:
            raise CheckFailure(problem, code="record.time")

    def check(self, body: dict[str, Any], text: str, batch: str | None) -> Checked:
        # (the checks a national package makes a few hundred thousand times written out here, each falling back
        # to the general check, which raises, when its quick form does not pass: same checks, same order)
        get = body.get
        t = get("t")
        kind = _TYPES.get(t) if type(t) is str else None
        if kind is None:
            raise CheckFailure(f"unknown record type {str(t)[:20]!r}", code="record.type")
        author = get("author")
        if author != self.author:
            raise CheckFailure(f"a record by {str(author)[:40]} inside a batch signed by {self.author}",
                               code="record.author")
        year = get("year")
        if year != self.index.year or type(year) is not int:
            raise CheckFailure("a record of another year", code="record.year")
        if not _AT_SLOT <= body.keys():
            _need(body, "at", "slot")
        names = self._names
        value = get("author_name", "")
        if type(value) is not str or value not in names:
            self._name_ok("author_name", value)
        at = body["at"]
        if type(at) is not str or at not in self._times or at > self._latest_text:
            self._time_ok(at)
        lamport = get("lamport", 0)
        if type(lamport) is not int or not 0 <= lamport <= MAX_LAMPORT:
            raise CheckFailure(f"the Lamport counter {str(lamport)[:30]} is not a whole number from 0 to {MAX_LAMPORT}",
                               code="record.lamport")
        if "by" in body:
            value = body["by"]
            if type(value) is not str or value not in names:
                self._name_ok("by", value)
        if "reason" in body:
            text_limit("reason", body["reason"], MAX_REASON_CHARS, multiline=True)
        parents: list[str] = []
        basis: list[str] = []
        if kind is RecordType.ANSWER:
            parents = self._answer(body)
        elif kind is RecordType.SURVEY:
            self._survey(body)
        elif kind is RecordType.UNIT:
            parents, basis = self._unit(body)
        elif kind is RecordType.EVIDENCE:
            self._evidence(body)
        else:
            self._audit(body)
        # (the tuple made directly: RecordRow's own constructor is a Python call per record)
        row = _new_row(RecordRow, (record_id(text), t, year, get("inst", ""), get("unit", ""), body["slot"],
                                   author, at, lamport, text, batch, tuple(get("parents") or ())))
        return Checked(row, body, parents, basis)

    def _unit_of(self, body: dict[str, Any]) -> Any:
        unit = self.index.unit(body.get("unit"))
        if body.get("inst", unit.institution_uuid) != unit.institution_uuid:
            raise CheckFailure(f"unit {unit.code} does not belong to institution {str(body.get('inst'))[:40]}",
                               code="record.institution", unit=unit.code)
        return unit

    def _answer(self, body: dict[str, Any]) -> list[str]:
        if not _ANSWER_KEYS <= body.keys():
            _need(body, "unit", "product", "ind", "na", "parents")
        index = self.index
        unit = body["unit"]
        unit = index.units.get(unit) if type(unit) is str else None
        if unit is None:
            unit = index.unit(body["unit"])
        ind = body["ind"]
        ind = index.instrument.indicator_map.get(ind) if type(ind) is str else None
        if ind is None:
            ind = index.indicator(body["ind"])
        product = body["product"]
        if not ((product in unit.products) if ind.level == "product" and unit.products else product == ""):
            slot_rule(ind, unit, product)
        if body.get("inst", unit.institution_uuid) != unit.institution_uuid:
            raise CheckFailure(f"unit {unit.code} does not belong to institution {str(body.get('inst'))[:40]}",
                               code="record.institution", unit=unit.code)
        if body["slot"] != answer_slot(index.year, unit.uuid, product, ind.id):
            raise CheckFailure("the answer id does not match its slot", code="record.slot")
        cleared = body.get("cleared", False)
        if type(cleared) is not bool:
            raise CheckFailure("'cleared' must be true or false", code="record.field", field="cleared")
        if cleared:
            if body.get("value") is not None or body.get("na") != 0 or body.get("note", ""):
                raise CheckFailure("a cleared answer carries a value or a note", code="record.field", field="cleared")
        else:
            value, na = body.get("value"), body["na"]
            vkey = (ind.id, value, na)
            if type(value) not in (str, type(None)) or type(na) is not int or vkey not in self._values:
                exact_value(ind, value, na)
                if len(self._values) < CACHE_ENTRIES:
                    self._values[vkey] = None
            note = body.get("note", "")
            if note:
                text_limit("note", note, MAX_NOTE_CHARS, multiline=True)
            elif note != "":
                raise CheckFailure("the note must be text", code="check.text", column="note", field="note")
        parents = body["parents"]
        if type(parents) is list and not parents:
            return parents
        return _ids(body, "parents", MAX_PARENTS)

    def _survey(self, body: dict[str, Any]) -> None:
        _need(body, "unit", "ind", "responses")
        unit = self._unit_of(body)
        ind = self.index.indicator(body["ind"])
        if ind.input != "survey":
            raise CheckFailure(f"indicator {ind.id} is not a survey indicator", code="record.survey",
                               indicator=ind.id)
        if body["slot"] != survey_slot(self.index.year, unit.uuid, ind.id):
            raise CheckFailure("the survey id does not match its unit and indicator", code="record.slot")
        responses = body["responses"]
        expected = ind.respondents or 30
        if not isinstance(responses, dict) or not 1 <= len(responses) <= expected:
            raise CheckFailure(f"'responses' must name 1 to {expected} respondents", code="record.survey",
                               indicator=ind.id)
        for key, value in responses.items():
            if not key.isdigit() or not 1 <= int(key) <= expected or str(int(key)) != key:
                raise CheckFailure(f"respondent {key[:20]!r} is not one of the {expected} respondents of {ind.id}",
                                   code="record.respondent", indicator=ind.id, respondent=key[:20], expected=expected)
            if value is not None and (not isinstance(value, str) or not value.isdigit() or str(int(value)) != value
                                      or int(value) > ind.max):
                raise CheckFailure(f"respondent {key}'s answer {str(value)[:20]!r} is not a whole number 0..{ind.max}",
                                   code="record.respondent_value", indicator=ind.id, respondent=key)

    def _unit(self, body: dict[str, Any]) -> tuple[list[str], list[str]]:
        _need(body, "unit", "state", "basis", "parents")
        unit = self._unit_of(body)
        if body["slot"] != unit_slot(self.index.year, unit.uuid):
            raise CheckFailure("the unit event id does not match its unit", code="record.slot")
        if body["state"] not in tuple(UnitState):
            raise CheckFailure(f"unknown unit state {str(body['state'])[:20]!r}", code="record.field", field="state")
        return _ids(body, "parents", MAX_PARENTS), _ids(body, "basis", MAX_BASIS)

    def _evidence(self, body: dict[str, Any]) -> None:
        _need(body, "unit", "sha256", "filename", "size")
        self._unit_of(body)
        if not isinstance(body["slot"], str) or UUID_RE.fullmatch(body["slot"]) is None:
            raise CheckFailure("the evidence slot is not an answer id", code="record.slot")
        if not isinstance(body["sha256"], str) or SHA_RE.fullmatch(body["sha256"]) is None:
            raise CheckFailure("'sha256' is not a SHA-256 in hex", code="record.field", field="sha256")
        name = text_limit("filename", body["filename"], MAX_FILENAME_CHARS)
        if _FILENAME_BAD.search(name) or name in ("", ".", ".."):
            raise CheckFailure(f"evidence file name {name[:40]!r} is not a plain file name", code="record.field",
                               field="filename")
        size = body["size"]
        if not _is_int(size) or not 0 < size <= MAX_EVIDENCE_BYTES:
            raise CheckFailure(f"evidence size {str(size)[:20]} is not from 1 to {MAX_EVIDENCE_BYTES} bytes",
                               code="record.field", field="size")
        mime = body.get("mime", "application/octet-stream")
        if not isinstance(mime, str) or MIME_RE.fullmatch(mime) is None:
            raise CheckFailure("'mime' is not a media type", code="record.field", field="mime")
        if not isinstance(body.get("removed", False), bool):
            raise CheckFailure("'removed' must be true or false", code="record.field", field="removed")

    def _audit(self, body: dict[str, Any]) -> None:
        _need(body, "action", "entity")
        if body.get("unit"):
            self._unit_of(body)
        if not isinstance(body["slot"], str) or UUID_RE.fullmatch(body["slot"]) is None:
            raise CheckFailure("the audit entry id is not a uuid", code="record.slot")
        for key in ("action", "entity"):
            if not isinstance(body[key], str) or WORD_RE.fullmatch(body[key]) is None:
                raise CheckFailure(f"'{key}' is not a word", code="record.field", field=key)
        if body["entity"] not in AUDIT_ENTITIES:
            raise CheckFailure(f"audit entries of {body['entity']} do not travel", code="record.field", field="entity")
        text_limit("entity_uuid", body.get("entity_uuid", ""), 64)
        detail = body.get("detail", {})
        if not isinstance(detail, dict) or len(canonical(detail)) > MAX_AUDIT_DETAIL_BYTES:
            raise CheckFailure(f"'detail' must be an object of at most {MAX_AUDIT_DETAIL_BYTES} bytes",
                               code="record.field", field="detail")
        text_limit("actor", body.get("actor", ""), MAX_NAME_CHARS)
