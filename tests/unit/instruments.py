"""Small instruments built in code for the scoring tests (the shipped ones are tested separately)."""

from __future__ import annotations

from kepatuhan_desktop.domain.instrument import instrument_from_dict

BANDS_A = [
    {"code": "tinggi", "min": 81.0, "label": {"id": "Kepatuhan Tinggi", "en": "High"}, "zone": "hijau"},
    {"code": "sedang", "min": 51.0, "label": {"id": "Kepatuhan Sedang", "en": "Medium"}, "zone": "kuning"},
    {"code": "rendah", "min": 0, "label": {"id": "Kepatuhan Rendah", "en": "Low"}, "zone": "merah"},
]
BANDS_B = [
    {"code": "A", "min": "88.00", "label": "Kualitas Tertinggi", "zone": "hijau"},
    {"code": "B", "min": "78.00", "label": "Kualitas Tinggi", "zone": "hijau"},
    {"code": "C", "min": "54.00", "label": "Kualitas Sedang", "zone": "kuning"},
    {"code": "D", "min": "32.00", "label": "Kualitas Rendah", "zone": "merah"},
    {"code": "E", "min": 0, "label": "Kualitas Terendah", "zone": "merah"},
]


def _w(value, conf="assumed"):
    return {"value": value, "confidence": conf} if conf == "assumed" else {"value": value, "confidence": conf,
                                                                            "source": "test"}


def indicator(ind_id, max_=3, weight=1, level="unit", required=True, collection="observation", **extra):
    data = {
        "id": ind_id, "text": ind_id, "max": max_, "weight": _w(weight), "level": level, "collection": collection,
        "confidence": "assumed", "required": required,
    }
    if collection != "survey" and extra.get("input", "choice") == "choice":
        data["rubric"] = {v: f"level {v}" for v in range(max_ + 1)}
    if collection == "survey":
        data["rubric"] = {v: f"answer {v}" for v in range(max_ + 1)}
    data.update(extra)
    return data


def method_b(dims=None):
    """Method B shape: input/proses/output/pengaduan with the sourced weights; a product-level proses."""
    dims = dims or {
        "input": ("21.85", [indicator("in1", weight="12.22"), indicator("in2", weight="6.27"),
                            indicator("in3", weight="6.27")]),
        "proses": ("32.37", [indicator("pr1", level="product"), indicator("pr2", level="product")]),
        "output": ("24.24", [indicator("out1", collection="survey"), indicator("out2", collection="survey")]),
        "pengaduan": ("21.54", [indicator("pg1"), indicator("pg2", required=False)]),
    }
    return instrument_from_dict({
        "id": "test-b", "version": 1, "title": "Test B", "years": [2023], "method": "B", "aggregation": "units",
        "dimensions": [
            {"id": d, "label": d, "weight": _w(w, "sourced"),
             "variables": [{"id": f"{d}-v", "label": d, "indicators": inds}]}
            for d, (w, inds) in dims.items()
        ],
        "bands": BANDS_B,
    }, "test-b")


def method_a():
    """Method A shape: one dimension, yes/no indicators, per-product standar pelayanan."""
    return instrument_from_dict({
        "id": "test-a", "version": 1, "title": "Test A", "years": [2021], "method": "A",
        "aggregation": "products",
        "dimensions": [{"id": "kepatuhan", "label": "Kepatuhan", "weight": _w(100, "sourced"), "variables": [
            {"id": "sp", "label": "Standar pelayanan", "indicators": [
                indicator("persyaratan", max_=1, level="product"),
                indicator("biaya", max_=1, level="product"),
            ]},
            {"id": "lain", "label": "Lain", "indicators": [
                indicator("maklumat", max_=1), indicator("ramp", max_=1),
            ]},
        ]}],
        "bands": BANDS_A,
    }, "test-a")
