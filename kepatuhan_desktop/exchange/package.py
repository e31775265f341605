"""The ``.kpk`` package file: writing one, and opening one safely.

A package is a zip holding

- ``manifest.json``: format and version, app version, kind (``plan`` | ``results``), year, instruments
  (id@version and document hash), sender (fingerprint, name, public key), recipient, created-at, and for
  every other member its SHA-256 and size; for a results package also the list of *batches* with their
  original author's signature (and that author's role as the sender knows it);
- ``manifest.sig``: the sender's detached Ed25519 signature over the exact bytes of ``manifest.json``;
- ``plan.jsonl`` (plan package) or ``batches/<sha256>.jsonl`` (results package): JSON lines;
- ``revocations.jsonl`` (any package from a coordinator's database): revoked certificate serials;
- ``evidence/<sha256>``: evidence files by content hash.

:func:`open_package` checks everything it can before anyone touches a database, in an order that spends no
memory on an untrusted file: zip structure, member names (no ``..``, absolute paths or links) and sizes
(zip-bomb limits, a bounded manifest); then the manifest's signature, against the key this database trusts
for the sender named in it, *before* the manifest is parsed; then the sender's trust and role, every member's
hash and size (streamed), every batch signature. Members are read line by line later
(:meth:`OpenPackage.lines`), hashed again as they are read. Any failure raises :class:`PackageRefused` naming
the file, and nothing is changed.
"""

from __future__ import annotations

import base64
import datetime as _dt
import hashlib
import json
import os
import re
import stat
import tempfile
import time
import zipfile
import zlib
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from .. import __version__
from ..domain.enums import PackageKind, Role
from ..domain.limits import latest_acceptable, parse_time
from ..errors import RefusedError
from ..storage.db import storage_error
from ..storage.keys import fingerprint_of, sign, signer_role, verify_signature
from ..storage.records import MAX_EVIDENCE_BYTES, MAX_RECORD_BYTES

FORMAT = "kepatuhan-package"
#: The newest format this version reads and writes. Version 2 added ``revocations.jsonl`` (and the batches'
#: optional ``role``); a package is written as version 1 when it has no revocations, so that older versions of
#: the application still read it, and as version 2 when it has (older versions then ask to be updated instead
#: of refusing an unexpected member).
FORMAT_VERSION = 3
SUFFIX = ".kpk"

#: Zip-bomb and size limits (module constants so that a test can lower them; documented in
#: docs/exchange-format.md).
MAX_MEMBERS = 50_000
MAX_TOTAL_BYTES = 4 * 1024**3
MAX_MEMBER_BYTES = 512 * 1024**2
MAX_RATIO = 200  # uncompressed / compressed, checked for members above RATIO_FLOOR bytes
RATIO_FLOOR = 1024 * 1024
MAX_MANIFEST_BYTES = 16 * 1024**2
MAX_BATCH_BYTES = 64 * 1024**2
MAX_PLAN_BYTES = 64 * 1024**2
MAX_REVOCATIONS_BYTES = 16 * 1024**2
MAX_JSON_DEPTH = 16
SIGNATURE_BYTES = 64
MANIFEST = "manifest.json"

MEMBER_PATTERNS = (
    re.compile(r"manifest\.json"),
    re.compile(r"manifest\.sig"),
    re.compile(r"plan\.jsonl"),
    re.compile(r"revocations\.jsonl"),
    re.compile(r"batches/[0-9a-f]{64}\.jsonl"),
    re.compile(r"evidence/[0-9a-f]{64}"),
)

#: The sender's fingerprint as the manifest names it: read from the raw bytes so that the signature can be
#: checked (against the key this database holds for that fingerprint) before the manifest is parsed.
_SENDER_RE = re.compile(rb'"sender"\s*:\s*\{[^{}]*?"fingerprint"\s*:\s*"([0-9a-f]{4}(?:-[0-9a-f]{4}){3})"')
_SENDER_NAME_RE = re.compile(rb'"sender"\s*:\s*\{[^{}]*?"name"\s*:\s*"([^"\\]{0,200})"')

BATCH_CONTEXT = b"kepatuhan-batch:"
CHUNK = 1024 * 1024


class PackageRefused(RefusedError):
    """A package that is not imported: the message names the file and says why."""

    default_code = "package.refused"

    def __init__(self, file: str, reason: str, *, code: str | None = None, **params: object):
        self.file = file
        self.reason = reason
        super().__init__(f"{file}: refused: {reason}. Nothing was imported.", code=code, file=file, reason=reason,
                         **params)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text, validate=True)


def batch_message(sha256: str) -> bytes:
    return BATCH_CONTEXT + sha256.encode("ascii")


def member_limit(member: str) -> int:
    """The most bytes one member of this name may unpack to."""
    if member == "manifest.json":
        return MAX_MANIFEST_BYTES
    if member == "manifest.sig":
        return SIGNATURE_BYTES
    if member == "plan.jsonl":
        return MAX_PLAN_BYTES
    if member == "revocations.jsonl":
        return MAX_REVOCATIONS_BYTES
    if member.startswith("batches/"):
        return MAX_BATCH_BYTES
    if member.startswith("evidence/"):
        return MAX_EVIDENCE_BYTES
    return MAX_MEMBER_BYTES


_SCAN = json.JSONDecoder().scan_once  # type: ignore[attr-defined]  # the C scanner json.loads uses


def _loads(text: str | bytes) -> Any:
    """``json.loads``; a line that starts with its value is scanned directly (a package holds a few hundred
    thousand of them: json.loads spends a third of its time around the scanner)."""
    if type(text) is str and text[:1] in ("{", "["):
        try:
            value, end = _SCAN(text, 0)
        except StopIteration:
            pass  # malformed: json.loads says where
        else:
            if end == len(text):
                return value
    return json.loads(text)


def loads_bounded(text: str | bytes) -> Any:
    """``json.loads`` of untrusted text, refusing nesting deeper than MAX_JSON_DEPTH (raises ValueError)."""
    if isinstance(text, bytes):
        opens = text.count(b"{") + text.count(b"[")
    else:
        opens = text.count("{") + text.count("[")
    try:
        value = _loads(text)
    except RecursionError:
        raise ValueError("nested too deeply") from None
    if opens > MAX_JSON_DEPTH:
        stack: list[tuple[Any, int]] = [(value, 1)]
        while stack:
            item, depth = stack.pop()
            if depth > MAX_JSON_DEPTH:
                raise ValueError(f"nested more than {MAX_JSON_DEPTH} levels deep")
            if isinstance(item, dict):
                stack.extend((v, depth + 1) for v in item.values() if isinstance(v, dict | list))
            elif isinstance(item, list):
                stack.extend((v, depth + 1) for v in item if isinstance(v, dict | list))
    return value


# ---- writing ------------------------------------------------------------------------------------------------


@dataclass
class BatchOut:
    sha256: str
    data: bytes
    year: int
    institution: str
    author: str
    author_name: str
    public_key: bytes
    signature: bytes
    records: int
    role: str = ""
    #: the content as a zlib stream (how a stored batch keeps it), when ``data`` is not given: its deflate data
    #: go into the zip as they are
    packed: bytes = b""
    #: the CRC-32 and size of the content of ``packed``, when the caller made that zlib stream itself (plain
    #: deflate, complete) and knows them: the stream is then not inflated again
    content: tuple[int, int] | None = None


class PackageWriter:
    """Write a package to a temporary file beside the target; :meth:`finish` signs the manifest and moves the
    file into place (an interrupted export leaves no half-written ``.kpk``). A full disk or a read-only folder
    is a :class:`~kepatuhan_desktop.errors.StorageError` naming the file; nothing is left behind."""

    def __init__(self, target: str | Path, kind: str, year: int, instruments: list[dict[str, Any]], *,
                 recipient: str | None = None):
        self.target = Path(target)
        try:
            self.target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".kpk-", dir=str(self.target.parent))
        except OSError as exc:
            raise (storage_error(exc, self.target) or exc) from None
        os.close(fd)
        self.tmp = Path(tmp)
        self.zip = zipfile.ZipFile(self.tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1)
        self.files: dict[str, dict[str, Any]] = {}
        self.batches: list[dict[str, Any]] = []
        self.kind, self.year, self.instruments, self.recipient = kind, year, instruments, recipient
        #: the least format version the content needs (3: a batch holds an evidence removal)
        self.min_version = 1

    def _guard(self, exc: OSError) -> BaseException:
        self.abort()
        return storage_error(exc, self.target) or exc

    def add_bytes(self, name: str, data: bytes) -> None:
        try:
            self.zip.writestr(name, data)
        except OSError as exc:
            raise self._guard(exc) from None
        self.files[name] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}

    def add_stream(self, name: str, chunks: Iterator[bytes], *, compress: bool = False) -> None:
        digest, size = hashlib.sha256(), 0
        info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
        try:
            with self.zip.open(info, "w", force_zip64=True) as fh:
                for chunk in chunks:
                    digest.update(chunk)
                    size += len(chunk)
                    fh.write(chunk)
        except OSError as exc:
            raise self._guard(exc) from None
        self.files[name] = {"sha256": digest.hexdigest(), "size": size}

    def add_deflated(self, name: str, packed: bytes, content: tuple[str, int, int] | None = None) -> None:
        """A member given as a zlib stream: its deflate data written into the zip as they are (what compressing
        the content again at the zip's level would give in a tenth of a national export's time), with the hash,
        size and CRC of the content. A stream that is not plain deflate is unpacked and written as usual.
        ``content``: (SHA-256, CRC-32, size) of the content of a stream the caller made itself (a plain one,
        complete): it is not inflated again to find them."""
        if content is not None and len(packed) > 6 and content[2] < zipfile.ZIP64_LIMIT:
            sha, crc, size = content
        else:
            inflater = zlib.decompressobj()
            data = inflater.decompress(packed)
            plain = inflater.eof and not inflater.unused_data and len(packed) > 6 and packed[0] & 0x0F == 8 and \
                not packed[1] & 0x20 and len(data) < zipfile.ZIP64_LIMIT
            if not plain:
                self.add_bytes(name, zlib.decompress(packed))  # (a damaged stream raises here, as it always did)
                return
            sha, crc, size = hashlib.sha256(data).hexdigest(), zlib.crc32(data), len(data)
            del data
        raw = memoryview(packed)[2:-4]
        info = zipfile.ZipInfo(name, date_time=time.localtime(time.time())[:6])
        info.external_attr = 0o600 << 16
        info.compress_type = zipfile.ZIP_STORED   # written as they are, then declared as what they are
        try:
            with self.zip.open(info, "w") as fh:
                fh.write(raw)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.file_size = size
            info.CRC = crc
            out = self.zip.fp
            end = out.tell()  # type: ignore[union-attr]
            out.seek(info.header_offset)  # type: ignore[union-attr]
            out.write(info.FileHeader(zip64=False))  # type: ignore[union-attr]
            out.seek(end)  # type: ignore[union-attr]
        except OSError as exc:
            raise self._guard(exc) from None
        self.files[name] = {"sha256": sha, "size": size}

    def add_batch(self, batch: BatchOut) -> None:
        name = f"batches/{batch.sha256}.jsonl"
        if batch.packed:
            self.add_deflated(name, batch.packed, None if batch.content is None else (batch.sha256, *batch.content))
        else:
            self.add_bytes(name, batch.data)
        entry = {"file": name, "sha256": batch.sha256, "year": batch.year, "institution": batch.institution,
                 "author": batch.author, "author_name": batch.author_name, "public_key": b64(batch.public_key),
                 "signature": b64(batch.signature), "records": batch.records}
        if batch.role:
            entry["role"] = batch.role
        self.batches.append(entry)

    def finish(self, db: Database, created_at: str) -> tuple[Path, dict[str, Any]]:
        from ..storage.keys import ensure_key

        key = ensure_key(db)
        manifest = {
            "format": FORMAT,
            "format_version": max(self.min_version, 2 if "revocations.jsonl" in self.files else 1),
            "app_version": __version__, "kind": self.kind,
            "year": self.year, "instruments": self.instruments, "created_at": created_at,
            "sender": {"fingerprint": key.fingerprint, "name": key.name, "public_key": b64(key.public_key),
                       **({"office": key.office} if key.office else {})},
            "recipient": self.recipient, "files": self.files, "batches": self.batches,
        }
        data = json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")
        _fp, signature = sign(db, data)
        try:
            self.zip.writestr("manifest.json", data)
            self.zip.writestr("manifest.sig", signature)
            self.zip.close()
            os.replace(self.tmp, self.target)
        except OSError as exc:
            raise self._guard(exc) from None
        return self.target, manifest

    def abort(self) -> None:
        try:
            self.zip.close()
        except OSError:
            pass
        finally:
            self.tmp.unlink(missing_ok=True)


# ---- reading ----------------------------------------------------------------------------------------------------


@dataclass
class BatchMeta:
    """A batch as the manifest describes it (its signature already checked); its lines are read later."""

    file: str
    sha256: str
    year: int
    institution: str
    author: str
    author_name: str
    public_key: bytes
    signature: bytes
    records: int
    role: str  # the author's role as the sender states it ("" when not stated)


@dataclass
class OpenPackage:
    path: Path
    name: str
    manifest: dict[str, Any]
    manifest_sha256: str
    sender: str
    sender_name: str
    sender_role: Role
    kind: PackageKind
    year: int
    created_at: _dt.datetime
    batches: list[BatchMeta]
    evidence: dict[str, int]  # sha256 -> size
    files: dict[str, dict[str, Any]] = field(default_factory=dict)
    _zip: zipfile.ZipFile | None = field(default=None, repr=False)

    def _open(self) -> zipfile.ZipFile:
        """The zip, opened once for all the members read from it (its directory is read once)."""
        if self._zip is None:
            self._zip = zipfile.ZipFile(self.path)
        return self._zip

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()
            self._zip = None

    def refuse(self, reason: str, *, code: str | None = None, **params: object) -> PackageRefused:
        return PackageRefused(self.name, reason, code=code, **params)

    @property
    def has_revocations(self) -> bool:
        return "revocations.jsonl" in self.files

    def _member_chunks(self, member: str, packed: list[bytes] | None) -> Generator[bytes, None, None]:
        """A member's bytes, at most CHUNK at a time. ``packed``, when given, receives them as one zlib stream (how
        a stored batch keeps them): a deflated member's own compressed bytes, read as they are and inflated here,
        in a zlib wrapper (compressing them a second time cost a twentieth of a national merge); any other member
        compressed here."""
        zf = self._open()
        info = zf.getinfo(member)
        if packed is None or info.compress_type != zipfile.ZIP_DEFLATED or info.flag_bits & 0x1:
            packer = zlib.compressobj(1) if packed is not None else None
            with zf.open(info) as fh:
                while chunk := fh.read(CHUNK):
                    if packer is not None:
                        packed.append(packer.compress(chunk))  # type: ignore[union-attr]
                    yield chunk
            if packer is not None:
                packed.append(packer.flush())  # type: ignore[union-attr]
            return
        with open(self.path, "rb") as fh:
            fh.seek(info.header_offset)
            head = fh.read(30)
            if len(head) < 30 or head[:4] != b"PK\x03\x04":
                raise zipfile.BadZipFile(f"member {member} has no local header")
            fh.seek(info.header_offset + 30 + int.from_bytes(head[26:28], "little") +
                    int.from_bytes(head[28:30], "little"))
            left = info.compress_size
            inflater = zlib.decompressobj(-zlib.MAX_WBITS)
            adler = zlib.adler32(b"")
            packed.append(b"\x78\x01")  # zlib: deflate with a 32 KiB window
            while left > 0:
                data = fh.read(min(CHUNK, left))
                if not data:
                    raise zipfile.BadZipFile(f"member {member} is truncated")
                left -= len(data)
                packed.append(data)
                while True:
                    chunk = inflater.decompress(data, CHUNK)
                    data = inflater.unconsumed_tail
                    if chunk:
                        adler = zlib.adler32(chunk, adler)
                        yield chunk
                    if not data and len(chunk) < CHUNK:
                        break
            if not inflater.eof or inflater.unused_data:
                raise zipfile.BadZipFile(f"member {member} does not end with its compressed data")
            packed.append(adler.to_bytes(4, "big"))

    def lines(self, member: str, *, packed: list[bytes] | None = None) -> Iterator[tuple[int, str, dict[str, Any]]]:
        """The JSON lines of a member, one at a time: (line number, exact text, parsed object). The member is
        read in 1 MiB chunks, hashed as it is read and refused at the end if it is not what the signed manifest
        says (the file changed since it was opened). Each line is at most MAX_RECORD_BYTES and nested at most
        MAX_JSON_DEPTH levels. ``packed``, when given, receives the member's bytes as one zlib stream as they are
        read (to keep a batch verbatim)."""
        expected = self.files[member]
        limit = MAX_RECORD_BYTES if member.startswith("batches/") or member == "revocations.jsonl" else \
            MAX_PLAN_BYTES
        digest, size, number = hashlib.sha256(), 0, 0
        chunks = self._member_chunks(member, packed)
        try:
            rest = b""
            while True:
                chunk = next(chunks, b"")
                if chunk:
                    digest.update(chunk)
                    size += len(chunk)
                    if size > expected["size"]:
                        raise self.refuse(f"member {member}: longer than the manifest says",
                                          code="package.altered", member=member)
                    pieces = (rest + chunk).split(b"\n")
                    rest = pieces.pop()
                else:
                    pieces, rest = ([rest] if rest else []), b""
                for data in pieces:
                    number += 1
                    if len(data) > limit:
                        raise self.refuse(f"member {member}, line {number}: longer than {limit} bytes",
                                          code="package.line_too_long", member=member, line=number, limit=limit)
                    # the common line, an object nested at most MAX_JSON_DEPTH deep whose text is all JSON, parsed
                    # here (what _parsed gives for it, without three calls per line); any other through _parsed
                    if data[:1] == b"{" and data.count(b"{") + data.count(b"[") <= MAX_JSON_DEPTH:
                        try:
                            decoded = data.decode("utf-8")
                            value, end = _SCAN(decoded, 0)
                        except (StopIteration, ValueError):
                            pass
                        else:
                            if end == len(decoded) and type(value) is dict:
                                yield number, decoded, value
                                continue
                    if data.strip():
                        yield number, *self._parsed(member, number, data)
                if len(rest) > limit:
                    raise self.refuse(f"member {member}, line {number + 1}: longer than {limit} bytes",
                                      code="package.line_too_long", member=member, line=number + 1, limit=limit)
                if not chunk:
                    break
        except (zipfile.BadZipFile, zlib.error) as exc:
            raise self.refuse(f"it is truncated or damaged, not a complete zip file ({exc})",
                              code="package.damaged") from None
        except OSError as exc:
            raise self.refuse(f"it cannot be read ({exc})", code="package.unreadable") from None
        finally:
            chunks.close()
        if digest.hexdigest() != expected["sha256"] or size != expected["size"]:
            raise self.refuse(f"member {member}: hash mismatch (the file was altered or damaged)",
                              code="package.altered", member=member)

    def _parsed(self, member: str, number: int, data: bytes) -> tuple[str, dict[str, Any]]:
        try:
            decoded = data.decode("utf-8")
        except UnicodeDecodeError:
            raise self.refuse(f"member {member}, line {number}: not UTF-8", code="package.not_utf8",
                              member=member, line=number) from None
        try:
            body = loads_bounded(decoded)
        except ValueError as exc:
            msg = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
            raise self.refuse(f"member {member}, line {number}: malformed JSON ({msg})",
                              code="package.malformed_json", member=member, line=number) from None
        if not isinstance(body, dict):
            raise self.refuse(f"member {member}, line {number}: a line must be a JSON object",
                              code="package.malformed_json", member=member, line=number)
        return decoded, body

    def evidence_chunks(self, sha256: str) -> Iterator[bytes]:
        """An evidence file's bytes, streamed; refused at the end if they do not hash to their name."""
        digest = hashlib.sha256()
        try:
            with self._open().open(f"evidence/{sha256}") as fh:
                while chunk := fh.read(CHUNK):
                    digest.update(chunk)
                    yield chunk
        except (zipfile.BadZipFile, OSError) as exc:
            raise self.refuse(f"it cannot be read ({exc})", code="package.unreadable") from None
        if digest.hexdigest() != sha256:
            raise self.refuse(f"member evidence/{sha256}: its content does not match its name",
                              code="package.altered", member=f"evidence/{sha256}")


def _check_names(name: str, infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_MEMBERS:
        raise PackageRefused(name, f"it holds {len(infos)} files, more than the limit of {MAX_MEMBERS} "
                                   "(a zip bomb or not a Kepatuhan package)", code="package.too_many_members",
                             limit=MAX_MEMBERS)
    total = 0
    seen = set()
    for info in infos:
        member = info.filename
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise PackageRefused(name, f"member {member!r} is a symbolic link", code="package.unsafe_member",
                                 member=member)
        parts = member.replace("\\", "/").split("/")
        if member.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", member) or ".." in parts:
            raise PackageRefused(name, f"member {member!r} points outside the package", code="package.unsafe_member",
                                 member=member)
        if not any(p.fullmatch(member) for p in MEMBER_PATTERNS):
            raise PackageRefused(name, f"unexpected member {member!r} (not part of the package format)",
                                 code="package.unexpected_member", member=member)
        if member in seen:
            raise PackageRefused(name, f"member {member!r} appears twice", code="package.duplicate_member",
                                 member=member)
        seen.add(member)
        limit = min(member_limit(member), MAX_MEMBER_BYTES)
        if info.file_size > limit:
            raise PackageRefused(name, f"member {member!r} would unpack to {info.file_size} bytes, more than the "
                                       f"limit of {limit}", code="package.member_too_big", member=member, limit=limit)
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise PackageRefused(name, f"member {member!r} is compressed {info.file_size // max(info.compress_size, 1)}"
                                       f" times, more than the limit of {MAX_RATIO} (a zip bomb)",
                                 code="package.zip_bomb", member=member)
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise PackageRefused(name, f"it would unpack to {total} bytes, more than the limit of {MAX_TOTAL_BYTES}",
                             code="package.too_big", limit=MAX_TOTAL_BYTES)


def _read_small(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    with zf.open(info) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise zipfile.BadZipFile(f"{info.filename} is longer than its limit")
    return data


def _hash_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with zf.open(info) as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            if size > info.file_size:
                raise zipfile.BadZipFile(f"{info.filename} is longer than declared")
    return digest.hexdigest(), size


def _known_key(db: Database, fingerprint: str) -> tuple[str, bytes, bool] | None:
    """(name, public key, revoked?) of a key this database knows (its own or a trusted one)."""
    row = db.execute("SELECT name, public_key FROM signing_keys WHERE fingerprint = ?", [fingerprint]).fetchone()
    if row is not None:
        return row[0], bytes(row[1]), False
    row = db.execute("SELECT name, public_key, revoked_at FROM trusted_keys WHERE fingerprint = ?",
                     [fingerprint]).fetchone()
    return None if row is None else (row[0], bytes(row[1]), row[2] is not None)


def _author_revoked(db: Database, fingerprint: str) -> str | None:
    row = db.execute("SELECT name FROM trusted_keys WHERE fingerprint = ? AND revoked_at IS NOT NULL",
                     [fingerprint]).fetchone()
    return None if row is None else str(row[0])


def _verify_manifest(db: Database, name: str, manifest_bytes: bytes, signature: bytes) -> tuple[str, str]:
    """Check the manifest's signature before parsing it: against the key this database holds for the sender the
    manifest names. Returns (fingerprint, the name this database knows the sender by)."""
    match = _SENDER_RE.search(manifest_bytes)
    if match is None:
        raise PackageRefused(name, "manifest.json does not name its sender (not a Kepatuhan package, or damaged)",
                             code="package.no_sender")
    fingerprint = match.group(1).decode("ascii")
    known = _known_key(db, fingerprint)
    if known is None or known[2]:
        claimed = _SENDER_NAME_RE.search(manifest_bytes)
        signer = claimed.group(1).decode("utf-8", "replace") if claimed else ""
        if known is not None:
            signer = known[0]
        kind = "plan" if re.search(rb'"kind"\s*:\s*"plan"', manifest_bytes) else "results"
        state = "has been revoked" if known is not None else "is not trusted by this database"
        what = "plan package from an untrusted coordinator" if kind == "plan" else "unknown signer"
        raise PackageRefused(name, f"{what}: it is signed by {signer} ({fingerprint}), whose key {state}",
                             code="package.signer_revoked" if known is not None else "package.untrusted_signer",
                             package_kind=kind, signer=signer, fingerprint=fingerprint)
    if len(signature) != SIGNATURE_BYTES or not verify_signature(known[1], manifest_bytes, signature):
        raise PackageRefused(name, "the signature does not match the manifest (the package was altered after it "
                                   "was signed, or the signature belongs to another file)",
                             code="package.bad_signature")
    return fingerprint, known[0]


def open_package(db: Database, path: str | Path, *,
                 signed: Callable[[dict[str, Any]], None] | None = None) -> OpenPackage:
    """Open and verify a package (see the module docstring). Reads the database only. ``signed`` is given the
    manifest once its signature is checked, before the members are hashed (the longest part of opening a
    large package): the caller may prepare for it meanwhile."""
    path = Path(path)
    name = str(path)
    if not path.is_file():
        raise PackageRefused(name, "no such file", code="package.missing")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            _check_names(name, infos)
            by_name = {i.filename: i for i in infos}
            if "manifest.json" not in by_name:
                raise PackageRefused(name, "it has no manifest.json (not a Kepatuhan package, or damaged)",
                                     code="package.no_manifest")
            if "manifest.sig" not in by_name:
                raise PackageRefused(name, "it has no manifest.sig: the package is not signed", code="package.unsigned")
            manifest_bytes = _read_small(zf, by_name["manifest.json"], MAX_MANIFEST_BYTES)
            signature = _read_small(zf, by_name["manifest.sig"], SIGNATURE_BYTES)
            sender_fp, sender_known_name = _verify_manifest(db, name, manifest_bytes, signature)
            manifest = _parse_manifest(name, manifest_bytes)
            sender_name = str(manifest["sender"].get("name", "")) or sender_known_name
            if manifest["sender"].get("fingerprint") != sender_fp:
                raise PackageRefused(name, "the sender's key does not match its fingerprint (the manifest was altered)",
                                     code="package.bad_signature")
            kind = PackageKind(manifest["kind"])
            year = manifest["year"]
            role = signer_role(db, sender_fp) or Role.INSPECTOR
            if kind is PackageKind.PLAN and role is not Role.COORDINATOR:
                raise PackageRefused(name, f"a plan package signed by {sender_known_name} ({sender_fp}), whose key is "
                                           "trusted here as an inspector's: only a coordinator's key may send a plan",
                                     code="package.not_coordinator", signer=sender_known_name,
                                     fingerprint=sender_fp)
            created_at = parse_time(manifest.get("created_at"))
            now = _dt.datetime.now(_dt.UTC)
            if created_at is None or created_at > latest_acceptable(now):
                raise PackageRefused(name, f"its creation time {str(manifest.get('created_at'))[:40]} is not a time "
                                           "up to now (is the sender's clock right?)", code="package.bad_time",
                                     created_at=str(manifest.get("created_at"))[:40])
            files = manifest["files"]
            if signed is not None:
                signed(manifest)
            members = {m for m in by_name if m not in ("manifest.json", "manifest.sig")}
            missing = sorted(set(files) - members)
            if missing:
                raise PackageRefused(name, f"member {missing[0]} is listed in the manifest but missing",
                                     code="package.missing_member", member=missing[0])
            extra = sorted(members - set(files))
            if extra:
                raise PackageRefused(name, f"member {extra[0]} is not listed in the signed manifest",
                                     code="package.unlisted_member", member=extra[0])
            evidence: dict[str, int] = {}
            for member in sorted(files):
                entry = files[member]
                if not isinstance(entry, dict):
                    raise PackageRefused(name, f"manifest.json: the entry of {member} is not an object",
                                         code="package.bad_manifest")
                digest, size = _hash_member(zf, by_name[member])
                if member.startswith("evidence/"):
                    if digest != member.split("/", 1)[1]:
                        raise PackageRefused(name, f"member {member}: its content does not match its name",
                                             code="package.altered", member=member)
                    evidence[digest] = size
                if digest != entry.get("sha256") or size != entry.get("size"):
                    raise PackageRefused(name, f"member {member}: hash mismatch (the file was altered or damaged)",
                                         code="package.altered", member=member)
    except zipfile.BadZipFile as exc:
        raise PackageRefused(name, f"it is truncated or damaged, not a complete zip file ({exc})",
                             code="package.damaged") from None
    except (OSError, EOFError, zipfile.LargeZipFile) as exc:
        raise PackageRefused(name, f"it cannot be read ({exc})", code="package.unreadable") from None

    if kind is PackageKind.PLAN and "plan.jsonl" not in files:
        raise PackageRefused(name, "a plan package without plan.jsonl", code="package.bad_manifest")
    batches = _batches(db, name, manifest, files, year)
    unlisted = sorted(m for m in files if m.startswith("batches/") and m not in {b.file for b in batches})
    if unlisted:
        raise PackageRefused(name, f"member {unlisted[0]} is not a signed batch", code="package.unsigned_batch",
                             member=unlisted[0])
    return OpenPackage(path, name, manifest, hashlib.sha256(manifest_bytes).hexdigest(), sender_fp, sender_name,
                       role, kind, year, created_at, batches, evidence, files)


def _parse_manifest(name: str, data: bytes) -> dict[str, Any]:
    try:
        manifest = loads_bounded(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        line = getattr(exc, "lineno", None)
        raise PackageRefused(name, "member manifest.json" + (f", line {line}" if line else "") + ": malformed JSON",
                             code="package.malformed_json", member=MANIFEST) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise PackageRefused(name, "manifest.json does not describe a Kepatuhan package", code="package.bad_manifest")
    version = manifest.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION or version < 1:
        raise PackageRefused(name, f"package format version {version} is not supported by this version of Kepatuhan "
                                   f"Desktop (it reads version {FORMAT_VERSION}); update the application",
                             code="package.format_version", version=str(version)[:20])
    sender = manifest.get("sender")
    year = manifest.get("year")
    if (not isinstance(sender, dict) or not isinstance(manifest.get("files"), dict)
            or not isinstance(manifest.get("batches", []), list) or not isinstance(year, int)
            or isinstance(year, bool) or not 2000 <= year <= 2200):
        raise PackageRefused(name, "manifest.json lacks required fields", code="package.bad_manifest")
    if manifest.get("kind") not in tuple(PackageKind):
        raise PackageRefused(name, f"unknown package kind {str(manifest.get('kind'))[:20]!r}",
                             code="package.bad_manifest")
    return manifest


def _batches(db: Database, name: str, manifest: dict[str, Any], files: dict[str, Any], year: int) -> list[BatchMeta]:
    out: list[BatchMeta] = []
    listed: set[str] = set()
    for meta in manifest.get("batches") or []:
        try:
            member, sha = meta["file"], meta["sha256"]
            author, public_key, sig = meta["author"], unb64(meta["public_key"]), unb64(meta["signature"])
            b_year = meta["year"]
            records = meta.get("records", 0)
            if not (isinstance(member, str) and isinstance(sha, str) and isinstance(author, str)
                    and isinstance(b_year, int) and isinstance(records, int)):
                raise TypeError
        except (KeyError, TypeError, ValueError):
            raise PackageRefused(name, "manifest.json: a batch entry lacks required fields",
                                 code="package.bad_manifest") from None
        if member not in files or member != f"batches/{sha}.jsonl" or member in listed:
            raise PackageRefused(name, f"batch {str(member)[:90]} is not in the package", code="package.missing_member",
                                 member=str(member)[:90])
        listed.add(member)
        if files[member].get("sha256") != sha:
            raise PackageRefused(name, f"member {member}: hash mismatch", code="package.altered", member=member)
        if b_year != year:
            raise PackageRefused(name, f"batch {member} is of another year than the package", code="package.bad_manifest")
        if len(public_key) != 32 or fingerprint_of(public_key) != author:
            raise PackageRefused(name, f"batch {member}: the author's key does not match the fingerprint {author}",
                                 code="package.bad_batch_signature", member=member)
        if not verify_signature(public_key, batch_message(sha), sig):
            raise PackageRefused(name, f"batch {member}: the author's signature does not match (signature "
                                       f"mismatch for {str(meta.get('author_name', ''))[:100]} {author})",
                                 code="package.bad_batch_signature", member=member)
        revoked = _author_revoked(db, author)
        if revoked is not None:
            raise PackageRefused(name, f"batch {member} is signed by {revoked} ({author}), whose key has been revoked",
                                 code="package.author_revoked", member=member, signer=revoked, fingerprint=author)
        role = meta.get("role", "")
        out.append(BatchMeta(member, sha, b_year, str(meta.get("institution", ""))[:64], author,
                             str(meta.get("author_name", ""))[:300], public_key, sig, records,
                             role if role in tuple(Role) else ""))
    return out
