"""One PDF written page by page from several PDFs, in bounded memory: the combined print file of a certificate
batch.

reportlab keeps a whole document in memory until it is saved (every page's content, then the entire file as
one byte string), so a print file of a thousand certificates drawn on one canvas grows with the batch. Here
the pages are drawn in small parts of a few dozen pages (each an ordinary reportlab PDF in a temporary file)
and :class:`PdfJoiner` copies each part's objects to the output as it comes, keeping only the position of
every object written (for the cross-reference table) and the page numbers (for the page tree). The fonts of
each part are its own subsets, so the joined file holds one copy per part rather than one in all: a little
larger than a single canvas would make, in exchange for memory that stays flat.

The output is deterministic (the same parts and info give the same bytes), PDF 1.4 with a classic
cross-reference table, as reportlab writes.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import IO, Any

from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NumberObject,
    create_string_object,
)

_CATALOG, _PAGES, _INFO = 1, 2, 3
_HEADER = b"%PDF-1.4\n%\x93\x8c\x8b\x9e Kepatuhan Desktop\n"
#: reportlab's fixed dates in invariant mode, so a reprint is byte-identical
_INVARIANT_DATE = "D:20000101000000+00'00'"


class PdfJoiner:
    """Append the pages of PDF files to ``out`` (an open binary file) one file at a time; :meth:`close` writes
    the page tree, the document info and the cross-reference table."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out
        self.offsets: dict[int, int] = {}
        self.pages: list[int] = []
        self.next_id = _INFO + 1
        self.out.write(_HEADER)
        self.digest = hashlib.md5(usedforsecurity=False)

    @property
    def position(self) -> int:
        return self.out.tell()

    def append(self, path: str | Path) -> int:
        """Copy every page of the PDF at ``path`` (and what its pages use) to the output; returns the number of
        pages added. The part is read lazily, one object at a time."""
        with open(path, "rb") as fh:
            reader = PdfReader(fh)
            page_refs = _page_refs(reader)
            pages_set = set(page_refs)
            # every object the pages use, found before any is rewritten (the parent page tree is replaced)
            order: list[int] = []
            new_ids: dict[int, int] = {}
            pending = list(page_refs)
            while pending:
                ref = pending.pop()
                if ref in new_ids:
                    continue
                new_ids[ref] = self.next_id
                self.next_id += 1
                order.append(ref)
                pending.extend(_references(reader.get_object(ref), skip_parent=ref in pages_set))
            for ref in sorted(order, key=new_ids.__getitem__):
                obj: Any = reader.get_object(ref)
                _remap(obj, new_ids)
                if ref in pages_set:  # after the remapping: the part's own page tree is not copied
                    dict.__setitem__(obj, NameObject("/Parent"), IndirectObject(_PAGES, 0, None))
                self._write_object(new_ids[ref], obj)
            self.pages += [new_ids[ref] for ref in page_refs]
        return len(page_refs)

    def _write_object(self, number: int, obj: Any) -> None:
        self.offsets[number] = self.position
        self.out.write(f"{number} 0 obj\n".encode("ascii"))
        obj.write_to_stream(self.out)
        self.out.write(b"\nendobj\n")

    def close(self, info: dict[str, str]) -> None:
        """Write the catalogue, the page tree, the document info (``/Title`` etc., as text) and the trailer."""
        pages = DictionaryObject()
        pages[NameObject("/Type")] = NameObject("/Pages")
        pages[NameObject("/Count")] = NumberObject(len(self.pages))
        pages[NameObject("/Kids")] = ArrayObject(IndirectObject(n, 0, None) for n in self.pages)
        catalog = DictionaryObject()
        catalog[NameObject("/Type")] = NameObject("/Catalog")
        catalog[NameObject("/Pages")] = IndirectObject(_PAGES, 0, None)
        meta = DictionaryObject()
        for key, value in {"/CreationDate": _INVARIANT_DATE, "/ModDate": _INVARIANT_DATE, **info}.items():
            meta[NameObject(key)] = create_string_object(value)
            self.digest.update(f"{key}={value}\n".encode())
        self._write_object(_CATALOG, catalog)
        self._write_object(_PAGES, pages)
        self._write_object(_INFO, meta)
        xref = self.position
        size = self.next_id
        lines = [f"xref\n0 {size}\n".encode("ascii"), b"0000000000 65535 f \n"]
        for number in range(1, size):
            # an object number taken but never written (none today) is listed as free
            lines.append(f"{self.offsets[number]:010d} 00000 n \n".encode("ascii") if number in self.offsets
                         else b"0000000000 00000 f \n")
        self.out.write(b"".join(lines))
        self.digest.update(f"{len(self.pages)}:{xref}".encode())
        ident = self.digest.hexdigest()
        self.out.write(f"trailer\n<< /ID [<{ident}> <{ident}>] /Info {_INFO} 0 R /Root {_CATALOG} 0 R /Size {size} >>\n"
                       f"startxref\n{xref}\n%%EOF\n".encode("ascii"))


def _page_refs(reader: PdfReader) -> list[int]:
    """The object numbers of the pages, in order."""
    out = []
    for page in reader.pages:
        ref = page.indirect_reference
        if ref is None:  # pragma: no cover - reportlab's pages are always indirect objects
            raise ValueError("a page without an object number")
        out.append(ref.idnum)
    return out


def _references(obj: Any, *, skip_parent: bool = False) -> list[int]:
    """The object numbers ``obj`` refers to (directly or in nested arrays and dictionaries)."""
    found: list[int] = []
    stack = [obj]
    top = True
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            found.append(item.idnum)
        elif isinstance(item, DictionaryObject):
            for key, value in dict.items(item):
                if not (top and skip_parent and key == "/Parent"):
                    stack.append(value)
        elif isinstance(item, ArrayObject):
            stack.extend(list.__iter__(item))
        top = False
    return found


def _remap(obj: Any, new_ids: dict[int, int]) -> None:
    """Rewrite the references inside ``obj`` (in place) to the output's object numbers."""
    stack = [obj]
    while stack:
        item = stack.pop()
        if isinstance(item, DictionaryObject):
            for key, value in list(dict.items(item)):
                if isinstance(value, IndirectObject):
                    if value.idnum in new_ids:
                        dict.__setitem__(item, key, IndirectObject(new_ids[value.idnum], 0, None))
                else:
                    stack.append(value)
        elif isinstance(item, ArrayObject):
            for i, value in enumerate(list.__iter__(item)):
                if isinstance(value, IndirectObject):
                    list.__setitem__(item, i, IndirectObject(new_ids[value.idnum], 0, None))
                else:
                    stack.append(value)
