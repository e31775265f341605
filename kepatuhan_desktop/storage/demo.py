"""Demo data: a small realistic set (the regencies of the seed articles and a few others) and a synthetic
national year for benchmarks. Everything it creates is marked ``is_demo``.

Answers are drawn from a seeded random generator around a per-institution "quality" so the zones spread;
the same seed always gives the same database content.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

from sqlite_utils import Database

from ..domain.answers import value_text
from ..domain.instrument import Indicator
from ..domain.scoring import NA, Value
from .answers import answer_uuid
from .db import audit, now_iso, stable_uuid
from .identity import current_actor
from .plan import ImportSummary, PlanModel, apply_plan, ensure_period

PEMDA_UNITS = (
    ("dpmptsp", "DPMPTSP", (("nib", "Nomor Induk Berusaha (NIB)"), ("pbg", "Persetujuan Bangunan Gedung"))),
    ("dukcapil", "Disdukcapil", (("ktp-el", "KTP-el"), ("akta-lahir", "Akta Kelahiran"))),
    ("dinkes", "Dinas Kesehatan", (("sip", "Surat Izin Praktik Tenaga Kesehatan"),
                                   ("pirt", "Sertifikat Produksi Pangan Industri Rumah Tangga"))),
    ("disdik", "Dinas Pendidikan", (("legalisir", "Legalisir Ijazah"), ("mutasi", "Mutasi Peserta Didik"))),
    ("dinsos", "Dinas Sosial", (("dtks", "Pendaftaran DTKS"), ("sktm", "Surat Keterangan Tidak Mampu"))),
    ("pkm-1", "Puskesmas Kota", (("rawat-jalan", "Pelayanan Rawat Jalan"), ("imunisasi", "Imunisasi"))),
    ("pkm-2", "Puskesmas Desa", (("rawat-jalan", "Pelayanan Rawat Jalan"), ("kia", "Kesehatan Ibu dan Anak"))),
)

KL_UNITS = (
    ("ptsp", "Pelayanan Terpadu Satu Pintu", (("izin", "Perizinan"), ("informasi", "Layanan Informasi"))),
    ("pengaduan", "Unit Pengaduan Masyarakat", (("aduan", "Penanganan Pengaduan"),
                                                ("konsultasi", "Konsultasi Publik"))),
    ("sertifikasi", "Layanan Sertifikasi", (("sertifikat", "Penerbitan Sertifikat"),
                                            ("perpanjangan", "Perpanjangan Sertifikat"))),
    ("data", "Layanan Data dan Informasi", (("permintaan-data", "Permintaan Data"),
                                            ("rekomendasi", "Surat Rekomendasi"))),
    ("perwakilan-1", "Kantor Wilayah I", (("legalisasi", "Legalisasi Dokumen"), ("izin-wil", "Izin Wilayah"))),
    ("perwakilan-2", "Kantor Wilayah II", (("legalisasi", "Legalisasi Dokumen"), ("izin-wil", "Izin Wilayah"))),
    ("upt", "Unit Pelaksana Teknis", (("uji", "Layanan Pengujian"), ("kalibrasi", "Layanan Kalibrasi"))),
)

# code, name, kind, province, quality in 2021, quality in 2023 (0..1; the regencies of the seed articles first)
SMALL_SET = (
    ("kab-bengkalis", "Kab. Bengkalis", "kabupaten", "Riau", 0.83, 0.91),
    ("kab-lebong", "Kab. Lebong", "kabupaten", "Bengkulu", 0.97, 0.93),
    ("kab-pasaman", "Kab. Pasaman", "kabupaten", "Sumatera Barat", 0.62, 0.84),
    ("kab-tabanan", "Kab. Tabanan", "kabupaten", "Bali", 0.86, 0.9),
    ("kab-klungkung", "Kab. Klungkung", "kabupaten", "Bali", 0.84, 0.8),
    ("kab-badung", "Kab. Badung", "kabupaten", "Bali", 0.9, 0.96),
    ("kab-tambrauw", "Kab. Tambrauw", "kabupaten", "Papua Barat Daya", 0.2, 0.55),
    ("kab-maybrat", "Kab. Maybrat", "kabupaten", "Papua Barat Daya", 0.35, 0.3),
    ("kota-payakumbuh", "Kota Payakumbuh", "kota", "Sumatera Barat", 0.85, 0.88),
    ("kota-sorong", "Kota Sorong", "kota", "Papua Barat Daya", 0.8, 0.89),
    ("kota-sibolga", "Kota Sibolga", "kota", "Sumatera Utara", 0.55, 0.5),
    ("prov-sumbar", "Prov. Sumatera Barat", "provinsi", "Sumatera Barat", 0.68, 0.82),
    ("prov-bali", "Prov. Bali", "provinsi", "Bali", 0.9, 0.93),
    ("kemlu", "Kementerian Luar Negeri", "kementerian", "", 0.92, 0.95),
    ("bpom", "Badan Pengawas Obat dan Makanan", "lembaga", "", 0.9, 0.94),
)

NATIONAL_KINDS = (("kementerian", 24), ("lembaga", 15), ("provinsi", 34), ("kota", 98), ("kabupaten", 416))
PROVINCES = ("Aceh", "Sumatera Utara", "Sumatera Barat", "Riau", "Jambi", "Sumatera Selatan", "Bengkulu",
             "Lampung", "Kep. Bangka Belitung", "Kep. Riau", "DKI Jakarta", "Jawa Barat", "Jawa Tengah",
             "DI Yogyakarta", "Jawa Timur", "Banten", "Bali", "Nusa Tenggara Barat", "Nusa Tenggara Timur",
             "Kalimantan Barat", "Kalimantan Tengah", "Kalimantan Selatan", "Kalimantan Timur",
             "Kalimantan Utara", "Sulawesi Utara", "Sulawesi Tengah", "Sulawesi Selatan", "Sulawesi Tenggara",
             "Gorontalo", "Sulawesi Barat", "Maluku", "Maluku Utara", "Papua", "Papua Barat")


@dataclass
class DemoInstitution:
    code: str
    name: str
    kind: str
    province: str
    quality: float


UnitSpec = tuple[str, str, tuple[tuple[str, str], ...]]


def _units_for(kind: str) -> tuple[UnitSpec, ...]:
    return KL_UNITS if kind in ("kementerian", "lembaga") else PEMDA_UNITS


def _draw(rng: random.Random, ind: Indicator, quality: float) -> tuple[Value, list[int] | None]:
    """One answer around ``quality``; survey indicators also return the respondents' answers."""
    if ind.input == "number":
        return Fraction(round(min(1.0, max(0.0, rng.gauss(quality, 0.08))) * ind.max * 100), 100), None
    if ind.input == "survey":
        n = ind.respondents or 30
        answers = [min(ind.max, max(0, round(rng.gauss(quality * ind.max, 0.9)))) for _ in range(n)]
        return Fraction(sum(answers), n), answers
    if ind.level == "unit" and ind.collection == "observation" and rng.random() < 0.03:
        return NA, None
    if ind.max == 1:
        return Fraction(1 if rng.random() < quality else 0), None
    value = round(rng.gauss(quality * ind.max, 0.6))
    return Fraction(min(ind.max, max(0, value))), None


def _plan_model(institutions: list[DemoInstitution]) -> PlanModel:
    model = PlanModel()
    for inst in institutions:
        model.add_institution(inst.code, inst.name, inst.kind, inst.province)
        for unit_code, unit_name, products in _units_for(inst.kind):
            model.add_unit(inst.code, unit_code, unit_name)
            for product_code, product_name in products:
                model.add_product(inst.code, unit_code, product_code, product_name)
    return model


def load_year(db: Database, year: int, institutions: list[DemoInstitution], rng: random.Random, *,
              form_id: str | None = None, completeness: Callable[[int, int], float] | None = None,
              progress: Callable[[int, int], None] | None = None) -> ImportSummary:
    """Plan ``institutions`` for ``year`` and answer them. ``completeness(i_inst, i_unit)`` gives the share of
    indicators answered in a unit (default 1.0: all)."""
    summary = ImportSummary("demo", year)
    stamp = now_iso()
    who = current_actor(db)   # the history names the person who loaded the demo
    with db.atomic():
        instrument = ensure_period(db, year, form_id, is_demo=True)
        apply_plan(db, year, _plan_model(institutions), summary, is_demo=True)
        answer_rows = []
        survey_rows = []
        from .plan import product_uuid, unit_uuid

        for i, inst in enumerate(institutions):
            for j, (unit_code, _name, products) in enumerate(_units_for(inst.kind)):
                uid = unit_uuid(inst.code, unit_code)
                share = completeness(i, j) if completeness else 1.0
                unit_quality = min(1.0, max(0.0, rng.gauss(inst.quality, 0.04)))
                slots: list[tuple[str, Indicator]] = [("", ind) for ind in instrument.unit_indicators]
                for product_code, _pname in products:
                    pid = product_uuid(inst.code, unit_code, product_code)
                    slots += [(pid, ind) for ind in instrument.product_indicators]
                keep = len(slots) if share >= 1 else int(len(slots) * share)
                for pid, ind in slots[:keep]:
                    value, respondents = _draw(rng, ind, unit_quality)
                    answer_rows.append((answer_uuid(year, uid, pid, ind.id), year, uid, pid, ind.id,
                                        None if value is NA else value_text(value), int(value is NA), who, stamp))
                    if respondents is not None:
                        for k, r in enumerate(respondents, start=1):
                            survey_rows.append((stable_uuid("survey", year, uid, ind.id, k), year, uid, ind.id,
                                                k, str(r), stamp))
            if progress is not None:
                progress(i + 1, len(institutions))
        db.conn.executemany(
            "INSERT OR REPLACE INTO answers(uuid, year, unit_uuid, product_uuid, indicator, value, na, "
            "inspector_uuid, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", answer_rows)
        db.conn.executemany(
            "INSERT OR REPLACE INTO survey_responses(uuid, year, unit_uuid, indicator, respondent, value, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", survey_rows)
        audit(db, "demo", "period", str(year), year=year,
              detail={"answers": len(answer_rows), "institutions": len(institutions)})
    summary.count("answers", "new", len(answer_rows))
    return summary


def small_set(year_quality_index: int) -> list[DemoInstitution]:
    return [DemoInstitution(c, n, k, p, (q21, q23)[year_quality_index]) for c, n, k, p, q21, q23 in SMALL_SET]


def national_set(rng: random.Random) -> list[DemoInstitution]:
    out = []
    for kind, count in NATIONAL_KINDS:
        for i in range(1, count + 1):
            province = PROVINCES[(i - 1) % len(PROVINCES)]
            prefix = {"kementerian": "Kementerian", "lembaga": "Badan", "provinsi": "Prov.", "kota": "Kota",
                      "kabupaten": "Kab."}[kind]
            name = f"Prov. {PROVINCES[i - 1]}" if kind == "provinsi" else f"{prefix} Contoh {i:03d}"
            quality = min(0.99, max(0.1, rng.betavariate(6, 1.6)))
            out.append(DemoInstitution(f"{kind[:4]}-{i:03d}", name, kind, province, quality))
    return out


#: Issuing settings of the demo periods (the ``documents.*`` settings, see documents/settings.py): ceremony dates
#: and events as in the calendar of the assessment; the decree number only where a public source gives one
#: (Keputusan Ketua Ombudsman RI No. 252/2024). The signatory is a placeholder, not a real official.
DEMO_DOCUMENT_DEFAULTS = {"signatory_name": "Dr. Nama Penandatangan, S.H., M.H."}
DEMO_DOCUMENT_PERIODS: dict[int, dict[str, str]] = {
    2021: {"date": "2022-01-13", "event": "Penyerahan Piagam Penghargaan Kepatuhan terhadap Standar Pelayanan "
                                          "Publik 2021"},
    2023: {"date": "2023-12-14", "event": "Penganugerahan Predikat Kepatuhan Penyelenggaraan Pelayanan Publik "
                                          "2023"},
    2024: {"date": "2024-11-14", "decree": "252 Tahun 2024",
           "event": "Penganugerahan Predikat Kepatuhan Penyelenggaraan Pelayanan Publik 2024"},
    2025: {"date": "2026-01-29", "event": "Penyampaian Opini Ombudsman RI 2025"},
}


def _demo_document_settings(db: Database) -> None:
    from .db import get_setting, set_setting

    for name, value in DEMO_DOCUMENT_DEFAULTS.items():
        if not get_setting(db, f"documents.{name}"):
            set_setting(db, f"documents.{name}", value)
    for year, values in DEMO_DOCUMENT_PERIODS.items():
        current = dict(get_setting(db, f"documents.year.{year}", {}) or {})
        set_setting(db, f"documents.year.{year}", {**values, **current})


def load_demo(db: Database, scale: str = "small", seed: int = 2021,
              progress: Callable[[int, int], None] | None = None) -> list[ImportSummary]:
    """``small``: 2021 (Method A) and 2023 (Method B) complete, 2024 in progress, 2025 (Method C, provisional)
    complete. ``national``: 587 institutions x 7 units, complete answers, for 2024."""
    rng = random.Random(seed)
    if scale == "national":
        return [load_year(db, 2024, national_set(rng), rng, progress=progress)]
    if scale != "small":
        raise ValueError(f"unknown demo scale {scale!r}")
    out = [load_year(db, 2021, small_set(0), rng), load_year(db, 2023, small_set(1), rng)]

    def in_progress(i: int, j: int) -> float:
        return 1.0 if i % 3 == 0 else (0.5 if j < 3 else 0.0)

    out.append(load_year(db, 2024, small_set(1), rng, completeness=in_progress))
    out.append(load_year(db, 2025, small_set(1), rng))
    _demo_document_settings(db)
    # 2025 (Method C): those that followed up the Ombudsman's corrective actions carry "Tanpa Maladministrasi"
    db.execute("UPDATE period_institutions SET followed_up = 1 WHERE year = 2025 AND institution_uuid IN "
               "(SELECT uuid FROM institutions WHERE code IN ('kab-badung', 'kab-lebong', 'kemlu', 'kota-sorong'))")
    return out
