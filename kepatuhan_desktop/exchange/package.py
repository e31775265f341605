"""The ``.kpk`` package file: writing one, and opening one safely.

A package is a zip holding

- ``manifest.json``: format and version, app version, kind (``plan`` | ``results``), year, instruments
  (id@version and document hash), sender (fingerprint, name, public key), recipient, created-at, and for
  every other member its SHA-256 and size; for a results package also the list of *batches* with their
  original author's signature;
- ``manifest.sig``: the sender's detached Ed25519 signature over the exact bytes of ``manifest.json``;
- ``plan.jsonl`` (plan package) or ``batches/<sha256>.jsonl`` (results package): JSON lines;
- ``evidence/<sha256>``: evidence files by content hash.

:func:`open_package` checks everything before anyone touches a database: zip structure, member names (no
``..``, absolute paths or links), zip-bomb limits, the manifest and its signature, the signer's trust, every
member's hash and size, every batch signature, and that every JSON line parses. Any failure raises
:class:`PackageRefused` naming the file, and nothing is changed.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import re
import stat
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from .. import __version__
from ..errors import RefusedError
from ..storage.keys import fingerprint_of, list_keys, sign, verify_signature

FORMAT = "kepatuhan-package"
FORMAT_VERSION = 1
SUFFIX = ".kpk"

#: Zip-bomb limits (module constants so that a test can lower them).
MAX_MEMBERS = 50_000
MAX_TOTAL_BYTES = 4 * 1024**3
MAX_MEMBER_BYTES = 512 * 1024**2
MAX_RATIO = 200  # uncompressed / compressed, checked for members above RATIO_FLOOR bytes
RATIO_FLOOR = 1024 * 1024

MEMBER_PATTERNS = (
    re.compile(r"manifest\.json"),
    re.compile(r"manifest\.sig"),
    re.compile(r"plan\.jsonl"),
    re.compile(r"batches/[0-9a-f]{64}\.jsonl"),
    re.compile(r"evidence/[0-9a-f]{64}"),
)

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


class PackageWriter:
    """Write a package to a temporary file beside the target; :meth:`finish` signs the manifest and moves the
    file into place (an interrupted export leaves no half-written ``.kpk``)."""

    def __init__(self, target: str | Path, kind: str, year: int, instruments: list[dict], *,
                 recipient: str | None = None):
        self.target = Path(target)
        self.target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".kpk-", dir=str(self.target.parent))
        os.close(fd)
        self.tmp = Path(tmp)
        self.zip = zipfile.ZipFile(self.tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6)
        self.files: dict[str, dict[str, Any]] = {}
        self.batches: list[dict[str, Any]] = []
        self.kind, self.year, self.instruments, self.recipient = kind, year, instruments, recipient

    def add_bytes(self, name: str, data: bytes) -> None:
        self.zip.writestr(name, data)
        self.files[name] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}

    def add_stream(self, name: str, chunks: Iterator[bytes], *, compress: bool = False) -> None:
        digest, size = hashlib.sha256(), 0
        info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
        with self.zip.open(info, "w", force_zip64=True) as fh:
            for chunk in chunks:
                digest.update(chunk)
                size += len(chunk)
                fh.write(chunk)
        self.files[name] = {"sha256": digest.hexdigest(), "size": size}

    def add_batch(self, batch: BatchOut) -> None:
        name = f"batches/{batch.sha256}.jsonl"
        self.add_bytes(name, batch.data)
        self.batches.append({"file": name, "sha256": batch.sha256, "year": batch.year,
                             "institution": batch.institution, "author": batch.author,
                             "author_name": batch.author_name, "public_key": b64(batch.public_key),
                             "signature": b64(batch.signature), "records": batch.records})

    def finish(self, db: Database, created_at: str) -> tuple[Path, dict]:
        from ..storage.keys import ensure_key

        key = ensure_key(db)
        manifest = {
            "format": FORMAT, "format_version": FORMAT_VERSION, "app_version": __version__, "kind": self.kind,
            "year": self.year, "instruments": self.instruments, "created_at": created_at,
            "sender": {"fingerprint": key.fingerprint, "name": key.name, "public_key": b64(key.public_key),
                       **({"office": key.office} if key.office else {})},
            "recipient": self.recipient, "files": self.files, "batches": self.batches,
        }
        data = json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")
        _fp, signature = sign(db, data)
        self.zip.writestr("manifest.json", data)
        self.zip.writestr("manifest.sig", signature)
        self.zip.close()
        os.replace(self.tmp, self.target)
        return self.target, manifest

    def abort(self) -> None:
        try:
            self.zip.close()
        finally:
            self.tmp.unlink(missing_ok=True)


# ---- reading ----------------------------------------------------------------------------------------------------


@dataclass
class Batch:
    file: str
    sha256: str
    year: int
    institution: str
    author: str
    author_name: str
    public_key: bytes
    signature: bytes
    data: bytes
    lines: list[tuple[str, dict]] = field(default_factory=list)  # (exact text, parsed body)


@dataclass
class OpenPackage:
    path: Path
    name: str
    manifest: dict
    manifest_sha256: str
    sender: str
    sender_name: str
    kind: str
    year: int
    plan_lines: list[tuple[int, dict]]
    batches: list[Batch]
    evidence: dict[str, int]  # sha256 -> size

    def refuse(self, reason: str, *, code: str | None = None, **params: object) -> PackageRefused:
        return PackageRefused(self.name, reason, code=code, **params)

    def evidence_chunks(self, sha256: str) -> Iterator[bytes]:
        with zipfile.ZipFile(self.path) as zf, zf.open(f"evidence/{sha256}") as fh:
            while chunk := fh.read(CHUNK):
                yield chunk


def _check_names(name: str, infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_MEMBERS:
        raise PackageRefused(name, f"it holds {len(infos)} files, more than the limit of {MAX_MEMBERS} "
                                   "(a zip bomb or not a Kepatuhan package)")
    total = 0
    seen = set()
    for info in infos:
        member = info.filename
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise PackageRefused(name, f"member {member!r} is a symbolic link")
        parts = member.replace("\\", "/").split("/")
        if member.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", member) or ".." in parts:
            raise PackageRefused(name, f"member {member!r} points outside the package")
        if not any(p.fullmatch(member) for p in MEMBER_PATTERNS):
            raise PackageRefused(name, f"unexpected member {member!r} (not part of the package format)")
        if member in seen:
            raise PackageRefused(name, f"member {member!r} appears twice")
        seen.add(member)
        if info.file_size > MAX_MEMBER_BYTES:
            raise PackageRefused(name, f"member {member!r} would unpack to {info.file_size} bytes, more than the "
                                       f"limit of {MAX_MEMBER_BYTES}")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise PackageRefused(name, f"member {member!r} is compressed {info.file_size // max(info.compress_size, 1)}"
                                       f" times, more than the limit of {MAX_RATIO} (a zip bomb)")
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise PackageRefused(name, f"it would unpack to {total} bytes, more than the limit of {MAX_TOTAL_BYTES}")


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    buf = io.BytesIO()
    with zf.open(info) as fh:
        while chunk := fh.read(CHUNK):
            buf.write(chunk)
            if buf.tell() > info.file_size:
                raise zipfile.BadZipFile(f"{info.filename} is longer than declared")
    return buf.getvalue()


def _hash_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with zf.open(info) as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            if size > info.file_size:
                raise zipfile.BadZipFile(f"{info.filename} is longer than declared")
    return digest.hexdigest(), size


def _json_lines(name: str, member: str, data: bytes) -> list[tuple[int, str, dict]]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PackageRefused(name, f"member {member} is not UTF-8 (byte {exc.start})") from None
    out = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            body = json.loads(line)
        except json.JSONDecodeError as exc:
            raise PackageRefused(name, f"member {member}, line {number}: malformed JSON ({exc.msg})") from None
        if not isinstance(body, dict):
            raise PackageRefused(name, f"member {member}, line {number}: a line must be a JSON object")
        out.append((number, line, body))
    return out


def _trusted(db: Database) -> dict[str, object]:
    return {k.fingerprint: k for k in list_keys(db)}


def open_package(db: Database, path: str | Path) -> OpenPackage:
    """Open and fully verify a package (see the module docstring). Reads the database only."""
    path = Path(path)
    name = str(path)
    if not path.is_file():
        raise PackageRefused(name, "no such file")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            _check_names(name, infos)
            by_name = {i.filename: i for i in infos}
            if "manifest.json" not in by_name:
                raise PackageRefused(name, "it has no manifest.json (not a Kepatuhan package, or damaged)")
            if "manifest.sig" not in by_name:
                raise PackageRefused(name, "it has no manifest.sig: the package is not signed")
            manifest_bytes = _read_member(zf, by_name["manifest.json"])
            signature = _read_member(zf, by_name["manifest.sig"])
            try:
                manifest = json.loads(manifest_bytes.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                line = getattr(exc, "lineno", None)
                raise PackageRefused(name, "member manifest.json" + (f", line {line}" if line else "")
                                     + ": malformed JSON") from None
            if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
                raise PackageRefused(name, "manifest.json does not describe a Kepatuhan package")
            version = manifest.get("format_version")
            if not isinstance(version, int) or version > FORMAT_VERSION or version < 1:
                raise PackageRefused(name, f"package format version {version} is not supported by this version "
                                           f"of Kepatuhan Desktop (it reads version {FORMAT_VERSION}); update the "
                                           "application")
            try:
                sender = manifest["sender"]
                sender_key = unb64(sender["public_key"])
                sender_fp, sender_name = sender["fingerprint"], sender.get("name", "")
                kind, year = manifest["kind"], int(manifest["year"])
                files = manifest["files"]
                batches_meta = manifest.get("batches") or []
            except (KeyError, TypeError, ValueError):
                raise PackageRefused(name, "manifest.json lacks required fields") from None
            if kind not in ("plan", "results"):
                raise PackageRefused(name, f"unknown package kind {kind!r}")
            if len(sender_key) != 32 or fingerprint_of(sender_key) != sender_fp:
                raise PackageRefused(name, "the sender's key does not match its fingerprint (the manifest was "
                                           "altered)")
            if not verify_signature(sender_key, manifest_bytes, signature):
                raise PackageRefused(name, "the signature does not match the manifest (the package was altered "
                                           "after it was signed, or the signature belongs to another file)")
            known = _trusted(db)
            key = known.get(sender_fp)
            if key is None or not key.trusted:  # type: ignore[attr-defined]
                state = "has been revoked" if key is not None else "is not trusted by this database"
                what = "plan package from an untrusted coordinator" if kind == "plan" else "unknown signer"
                raise PackageRefused(name, f"{what}: it is signed by {sender_name} ({sender_fp}), whose key "
                                           f"{state}",
                                     code="package.signer_revoked" if key is not None else "package.untrusted_signer",
                                     package_kind=kind, signer=sender_name, fingerprint=sender_fp)
            # every member listed, every listed member present, hashes and sizes
            members = {m for m in by_name if m not in ("manifest.json", "manifest.sig")}
            if not isinstance(files, dict):
                raise PackageRefused(name, "manifest.json: 'files' is not an object")
            missing = sorted(set(files) - members)
            if missing:
                raise PackageRefused(name, f"member {missing[0]} is listed in the manifest but missing")
            extra = sorted(members - set(files))
            if extra:
                raise PackageRefused(name, f"member {extra[0]} is not listed in the signed manifest")
            contents: dict[str, bytes] = {}
            evidence: dict[str, int] = {}
            for member in sorted(files):
                info = by_name[member]
                if member.startswith("evidence/"):
                    digest, size = _hash_member(zf, info)
                    if digest != member.split("/", 1)[1]:
                        raise PackageRefused(name, f"member {member}: its content does not match its name")
                    evidence[digest] = size
                else:
                    data = _read_member(zf, info)
                    contents[member] = data
                    digest, size = hashlib.sha256(data).hexdigest(), len(data)
                if digest != files[member].get("sha256") or size != files[member].get("size"):
                    raise PackageRefused(name, f"member {member}: hash mismatch (the file was altered or damaged)")
    except zipfile.BadZipFile as exc:
        raise PackageRefused(name, f"it is truncated or damaged, not a complete zip file ({exc})") from None
    except (OSError, EOFError, zipfile.LargeZipFile) as exc:
        raise PackageRefused(name, f"it cannot be read ({exc})") from None

    plan_lines: list[tuple[int, dict]] = []
    batches: list[Batch] = []
    if kind == "plan":
        if "plan.jsonl" not in contents:
            raise PackageRefused(name, "a plan package without plan.jsonl")
        plan_lines = [(n, body) for n, _text, body in _json_lines(name, "plan.jsonl", contents["plan.jsonl"])]
    listed = set()
    for meta in batches_meta:
        try:
            member, sha = meta["file"], meta["sha256"]
            author, public_key, sig = meta["author"], unb64(meta["public_key"]), unb64(meta["signature"])
            b_year = int(meta["year"])
        except (KeyError, TypeError, ValueError):
            raise PackageRefused(name, "manifest.json: a batch entry lacks required fields") from None
        if member not in contents or member != f"batches/{sha}.jsonl":
            raise PackageRefused(name, f"batch {member} is not in the package")
        data = contents[member]
        if hashlib.sha256(data).hexdigest() != sha:
            raise PackageRefused(name, f"member {member}: hash mismatch")
        if len(public_key) != 32 or fingerprint_of(public_key) != author:
            raise PackageRefused(name, f"batch {member}: the author's key does not match the fingerprint {author}")
        if not verify_signature(public_key, batch_message(sha), sig):
            raise PackageRefused(name, f"batch {member}: the author's signature does not match (signature "
                                       f"mismatch for {meta.get('author_name', '')} {author})")
        local = known.get(author)
        if local is not None and not local.trusted:  # type: ignore[attr-defined]
            raise PackageRefused(name, f"batch {member} is signed by {local.name} ({author}), "  # type: ignore
                                       "whose key has been revoked")
        batch = Batch(member, sha, b_year, meta.get("institution", ""), author, meta.get("author_name", ""),
                      public_key, sig, data)
        for number, text, body in _json_lines(name, member, data):
            if body.get("author") != author:
                raise PackageRefused(name, f"member {member}, line {number}: a record by {body.get('author')} "
                                           f"inside a batch signed by {author}")
            if body.get("year") != b_year:
                raise PackageRefused(name, f"member {member}, line {number}: a record of another year")
            problem = _check_record(body)
            if problem:
                raise PackageRefused(name, f"member {member}, line {number}: {problem}")
            batch.lines.append((text, body))
        batches.append(batch)
        listed.add(member)
    unlisted = sorted(m for m in contents if m.startswith("batches/") and m not in listed)
    if unlisted:
        raise PackageRefused(name, f"member {unlisted[0]} is not a signed batch")
    return OpenPackage(path, name, manifest, hashlib.sha256(manifest_bytes).hexdigest(), sender_fp, sender_name,
                       kind, year, plan_lines, batches, evidence)


_REQUIRED = {
    "answer": ("unit", "product", "ind", "slot", "na", "at", "lamport", "parents"),
    "survey": ("unit", "ind", "slot", "responses", "at", "lamport"),
    "unit": ("unit", "slot", "state", "basis", "at", "lamport", "parents"),
    "evidence": ("unit", "slot", "sha256", "filename", "at"),
    "audit": ("slot", "action", "entity", "at"),
}


def _check_record(body: dict) -> str | None:
    kind = body.get("t")
    if kind not in _REQUIRED:
        return f"unknown record type {kind!r}"
    missing = [k for k in _REQUIRED[kind] if k not in body]
    if missing:
        return f"a {kind} record without {', '.join(missing)}"
    if kind == "survey" and not isinstance(body["responses"], dict):
        return "'responses' must be an object"
    if kind in ("answer", "unit") and not isinstance(body["parents"], list):
        return "'parents' must be a list"
    if kind == "unit" and body["state"] not in ("final", "open"):
        return f"unknown unit state {body['state']!r}"
    if not isinstance(body.get("lamport", 0), int):
        return "'lamport' must be a whole number"
    return None
