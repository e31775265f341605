"""The instrument (form) model and its schema check.

An instrument is data: it is read from a YAML/JSON document (see ``forms/README.md``) by
:func:`instrument_from_dict`, which checks every field and raises :class:`InstrumentError` naming the file and
the field path when something is wrong. Nothing here reads files: the caller passes the parsed document and
its name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from functools import cached_property
from math import lcm
from typing import Any

from .numbers import round2, to_fraction

METHODS = ("A", "B", "C")
AGGREGATIONS = ("units", "products")
LEVELS = ("unit", "product")
COLLECTIONS = ("observation", "interview", "document", "survey")
INPUTS = ("choice", "survey", "number")
CONFIDENCES = ("sourced", "assumed")
ZONES = ("hijau", "kuning", "merah")
LANGUAGES = ("id", "en")

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


class InstrumentError(ValueError):
    """An instrument document that does not follow the schema. ``str()`` names the source and the field."""

    def __init__(self, source: str, path: str, message: str):
        self.source = source
        self.path = path
        self.message = message
        where = f"{source}: {path}" if path else source
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class Text:
    """A user-visible text in Bahasa Indonesia and English."""

    id: str
    en: str

    def get(self, lang: str = "id") -> str:
        return self.en if lang == "en" else self.id

    def to_data(self) -> dict[str, str]:
        return {"id": self.id, "en": self.en}


@dataclass(frozen=True)
class Weight:
    value: Fraction
    confidence: str
    source: str | None

    def as_decimal(self) -> Decimal:
        return Decimal(self.value.numerator) / Decimal(self.value.denominator)


@dataclass(frozen=True)
class Indicator:
    id: str
    dimension: str
    variable: str
    text: Text
    rubric: Mapping[int, Text]
    max: int
    weight: Weight
    level: str
    collection: str
    input: str
    required: bool
    confidence: str
    source: str | None
    respondents: int | None = None
    na_allowed: bool = True

    @property
    def accepts_fractions(self) -> bool:
        return self.input in ("survey", "number")


@dataclass(frozen=True)
class Variable:
    id: str
    label: Text
    indicators: tuple[Indicator, ...]


@dataclass(frozen=True)
class Dimension:
    id: str
    label: Text
    weight: Weight
    variables: tuple[Variable, ...]

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        return tuple(ind for var in self.variables for ind in var.indicators)


@dataclass(frozen=True)
class Band:
    code: str
    min: Decimal
    label: Text
    zone: str
    predikat: Text

    def to_export(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "min": float(self.min),
            "label": self.label.id,
            "label_en": self.label.en,
            "zone": self.zone,
            "predikat": self.predikat.id,
            "predikat_en": self.predikat.en,
        }


@dataclass(frozen=True)
class _CompiledDimension:
    """Integer-scaled weights, precomputed once per instrument so that scoring is fast and still exact."""

    id: str
    weight: Fraction
    denominator: int  # common scale L of the indicators' max values
    # indicator id -> (integer weight, L // max)
    factors: Mapping[str, tuple[int, int]]


@dataclass(frozen=True)
class Instrument:
    id: str
    version: str
    title: Text
    years: tuple[int, ...]
    method: str
    aggregation: str
    provisional: bool
    dimensions: tuple[Dimension, ...]
    bands: tuple[Band, ...]
    qualifier: Text | None = None
    description: Text | None = None
    document: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)
    #: The programme title printed on documents ("Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik");
    #: ``None`` in files written before the field existed: documents then print ``title``.
    programme: Text | None = None
    #: Whether documents name colour zones (Method C, 2025: "tidak lagi menghasilkan zona warna").
    colour_zones: bool = True
    #: The code of the lowest band that earns the award (piagam); ``None``: every band of the green zone.
    award_from: str | None = None

    # ---- lookups -------------------------------------------------------------------------------------------
    @cached_property
    def indicators(self) -> tuple[Indicator, ...]:
        return tuple(ind for dim in self.dimensions for ind in dim.indicators)

    @cached_property
    def indicator_map(self) -> dict[str, Indicator]:
        return {ind.id: ind for ind in self.indicators}

    @cached_property
    def unit_indicators(self) -> tuple[Indicator, ...]:
        return tuple(ind for ind in self.indicators if ind.level == "unit")

    @cached_property
    def product_indicators(self) -> tuple[Indicator, ...]:
        return tuple(ind for ind in self.indicators if ind.level == "product")

    def dimension(self, dimension_id: str) -> Dimension:
        for dim in self.dimensions:
            if dim.id == dimension_id:
                return dim
        raise KeyError(dimension_id)

    @property
    def key(self) -> str:
        return f"{self.id}@{self.version}"

    @property
    def programme_title(self) -> Text:
        """The programme as documents print it (the instrument's ``programme``, else its ``title``)."""
        return self.programme if self.programme is not None else self.title

    # ---- awards --------------------------------------------------------------------------------------------
    @cached_property
    def award_min(self) -> Decimal | None:
        """The lowest score that earns the award: the ``min`` of the ``award_from`` band, else of the lowest
        green band (``None`` when no band earns it)."""
        if self.award_from is not None:
            return next(b.min for b in self.bands if b.code == self.award_from)
        green = [b.min for b in self.bands if b.zone == "hijau"]
        return min(green) if green else None

    def is_award_band(self, band: Band) -> bool:
        """Whether a result in ``band`` earns the award (a piagam), by this instrument's rule."""
        return self.award_min is not None and band.min >= self.award_min

    # ---- bands ---------------------------------------------------------------------------------------------
    def band_for(self, score: Decimal) -> Band:
        """The band with the highest ``min`` that is <= the (already rounded) score."""
        best: Band | None = None
        for band in self.bands:
            if band.min <= score and (best is None or band.min > best.min):
                best = band
        if best is None:  # the schema requires a band at 0, so only a negative score gets here
            raise ValueError(f"no band for score {score}")
        return best

    # ---- scoring support -----------------------------------------------------------------------------------
    @cached_property
    def compiled(self) -> tuple[_CompiledDimension, ...]:
        out = []
        for dim in self.dimensions:
            inds = dim.indicators
            weight_den = lcm(*(ind.weight.value.denominator for ind in inds))
            scale = lcm(*(ind.max for ind in inds))
            factors = {
                ind.id: (int(ind.weight.value * weight_den), scale // ind.max) for ind in inds
            }
            out.append(_CompiledDimension(dim.id, dim.weight.value, scale, factors))
        return tuple(out)

    # ---- export --------------------------------------------------------------------------------------------
    def to_export(self) -> dict[str, Any]:
        """The JSON shape of ``kepatuhan forms export`` (a stable contract, see the README)."""
        return {
            "id": self.id,
            "version": self.version,
            "title": self.title.id,
            "title_en": self.title.en,
            "years": list(self.years),
            "method": self.method,
            "aggregation": self.aggregation,
            "provisional": self.provisional,
            "qualifier": self.qualifier.id if self.qualifier else None,
            "programme": self.programme_title.id,
            "programme_en": self.programme_title.en,
            "colour_zones": self.colour_zones,
            "award_from": self.award_from,
            "dimensions": [
                {
                    "id": dim.id,
                    "label": dim.label.id,
                    "label_en": dim.label.en,
                    "weight": float(dim.weight.as_decimal()),
                    "weight_confidence": dim.weight.confidence,
                    "variables": [
                        {"id": var.id, "label": var.label.id, "label_en": var.label.en}
                        for var in dim.variables
                    ],
                    "indicators": [
                        {
                            "id": ind.id,
                            "variable": ind.variable,
                            "text": ind.text.id,
                            "text_en": ind.text.en,
                            "weight": float(ind.weight.as_decimal()),
                            "weight_confidence": ind.weight.confidence,
                            "max": ind.max,
                            "level": ind.level,
                            "collection": ind.collection,
                            "input": ind.input,
                            "required": ind.required,
                            "confidence": ind.confidence,
                            "source": ind.source,
                        }
                        for ind in dim.indicators
                    ],
                }
                for dim in self.dimensions
            ],
            "bands": [band.to_export() for band in self.bands],
        }

    def summary(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "version": self.version,
            "title": self.title.id,
            "years": list(self.years),
            "method": self.method,
            "provisional": self.provisional,
        }


# ---- schema check -----------------------------------------------------------------------------------------


class _Reader:
    """Walks a parsed document and raises InstrumentError with the field path on the first problem."""

    def __init__(self, source: str):
        self.source = source

    def fail(self, path: str, message: str) -> InstrumentError:
        return InstrumentError(self.source, path, message)

    def mapping(self, value: Any, path: str, allowed: Sequence[str], required: Sequence[str]) -> Mapping:
        if not isinstance(value, Mapping):
            raise self.fail(path, f"must be a mapping (key: value), got {type(value).__name__}")
        for key in value:
            if not isinstance(key, str) or (key not in allowed and not key.startswith("x-")):
                near = ", ".join(allowed)
                raise self.fail(_join(path, str(key)), f"unknown field (allowed: {near})")
        for key in required:
            if key not in value:
                raise self.fail(_join(path, key), "is required")
        return value

    def sequence(self, value: Any, path: str, min_len: int = 1) -> Sequence:
        if not isinstance(value, list):
            raise self.fail(path, f"must be a list, got {type(value).__name__}")
        if len(value) < min_len:
            raise self.fail(path, f"must have at least {min_len} item(s)")
        return value

    def ident(self, value: Any, path: str) -> str:
        if not isinstance(value, str) or not _ID_RE.match(value):
            raise self.fail(path, f"must be a lower-case id (letters, digits, '.', '_', '-'), got {value!r}")
        return value

    def text(self, value: Any, path: str) -> Text:
        if isinstance(value, str) and value.strip():
            return Text(value, value)
        if isinstance(value, Mapping):
            self.mapping(value, path, LANGUAGES, LANGUAGES)
            parts = []
            for lang in LANGUAGES:
                part = value[lang]
                if not isinstance(part, str) or not part.strip():
                    raise self.fail(_join(path, lang), "must be a non-empty text")
                parts.append(part.strip())
            return Text(*parts)
        raise self.fail(path, "must be a text or a mapping with 'id' and 'en' texts")

    def choice(self, value: Any, path: str, options: Sequence[str]) -> str:
        if value not in options:
            raise self.fail(path, f"must be one of {', '.join(options)}, got {value!r}")
        return value

    def boolean(self, value: Any, path: str) -> bool:
        if not isinstance(value, bool):
            raise self.fail(path, f"must be true or false, got {value!r}")
        return value

    def positive_int(self, value: Any, path: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise self.fail(path, f"must be a whole number of at least 1, got {value!r}")
        return value

    def number(self, value: Any, path: str, positive: bool = False) -> Fraction:
        try:
            num = to_fraction(value)
        except ValueError:
            raise self.fail(path, f"must be a number, got {value!r}") from None
        if num < 0 or (positive and num == 0):
            raise self.fail(path, f"must be {'greater than' if positive else 'at least'} 0, got {value!r}")
        return num

    def optional_str(self, value: Any, path: str) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.fail(path, f"must be a text, got {value!r}")
        return value

    def confidence(self, data: Mapping, path: str, conf_key: str, source_key: str) -> tuple[str, str | None]:
        conf = self.choice(data.get(conf_key), _join(path, conf_key), CONFIDENCES)
        source = self.optional_str(data.get(source_key), _join(path, source_key))
        if conf == "sourced" and not (source and source.strip()):
            raise self.fail(_join(path, source_key), "is required when the value is 'sourced'")
        return conf, source

    def weight(self, value: Any, path: str) -> Weight:
        self.mapping(value, path, ("value", "confidence", "source"), ("value", "confidence"))
        num = self.number(value["value"], _join(path, "value"), positive=True)
        conf, source = self.confidence(value, path, "confidence", "source")
        return Weight(num, conf, source)


def _join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


_TOP = (
    "id", "version", "title", "description", "years", "method", "aggregation", "provisional", "qualifier",
    "legal_basis", "sources", "notes", "dimensions", "bands", "programme", "colour_zones", "award_from",
)
_DIM = ("id", "label", "weight", "variables", "notes")
_VAR = ("id", "label", "indicators", "notes")
_IND = (
    "id", "text", "rubric", "max", "weight", "level", "collection", "input", "required", "confidence", "source",
    "respondents", "na_allowed", "notes",
)
_BAND = ("code", "min", "label", "zone", "predikat")


def instrument_from_dict(data: Any, source: str = "<instrument>") -> Instrument:
    """Check a parsed instrument document and build the model. Raises InstrumentError naming the field."""
    r = _Reader(source)
    doc = r.mapping(data, "", _TOP, ("id", "version", "title", "years", "method", "aggregation", "dimensions",
                                    "bands"))
    form_id = r.ident(doc["id"], "id")
    version = doc["version"]
    if isinstance(version, bool) or not isinstance(version, (str, int)) or not str(version).strip():
        raise r.fail("version", f"must be a text or a whole number, got {version!r}")
    years_raw = r.sequence(doc["years"], "years")
    years = []
    for i, year in enumerate(years_raw):
        if isinstance(year, bool) or not isinstance(year, int) or not 2000 <= year <= 2100:
            raise r.fail(f"years[{i}]", f"must be a year between 2000 and 2100, got {year!r}")
        years.append(year)
    method = r.choice(doc["method"], "method", METHODS)
    aggregation = r.choice(doc["aggregation"], "aggregation", AGGREGATIONS)
    provisional = r.boolean(doc.get("provisional", False), "provisional")
    qualifier = r.text(doc["qualifier"], "qualifier") if doc.get("qualifier") is not None else None
    description = r.text(doc["description"], "description") if doc.get("description") is not None else None
    programme = r.text(doc["programme"], "programme") if doc.get("programme") is not None else None
    colour_zones = r.boolean(doc.get("colour_zones", True), "colour_zones")

    seen_ids: dict[str, str] = {}
    dimensions = []
    dim_ids: set[str] = set()
    for di, dim_raw in enumerate(r.sequence(doc["dimensions"], "dimensions")):
        dpath = f"dimensions[{di}]"
        dim = r.mapping(dim_raw, dpath, _DIM, ("id", "label", "weight", "variables"))
        dim_id = r.ident(dim["id"], _join(dpath, "id"))
        if dim_id in dim_ids:
            raise r.fail(_join(dpath, "id"), f"dimension {dim_id!r} appears twice")
        dim_ids.add(dim_id)
        variables = []
        for vi, var_raw in enumerate(r.sequence(dim["variables"], _join(dpath, "variables"))):
            vpath = f"{dpath}.variables[{vi}]"
            var = r.mapping(var_raw, vpath, _VAR, ("id", "label", "indicators"))
            var_id = r.ident(var["id"], _join(vpath, "id"))
            indicators = []
            for ii, ind_raw in enumerate(r.sequence(var["indicators"], _join(vpath, "indicators"))):
                ipath = f"{vpath}.indicators[{ii}]"
                indicators.append(_indicator(r, ind_raw, ipath, dim_id, var_id, seen_ids))
            variables.append(Variable(var_id, r.text(var["label"], _join(vpath, "label")), tuple(indicators)))
        dimensions.append(
            Dimension(dim_id, r.text(dim["label"], _join(dpath, "label")), r.weight(dim["weight"],
                      _join(dpath, "weight")), tuple(variables))
        )

    bands = []
    codes: set[str] = set()
    mins: set[Fraction] = set()
    for bi, band_raw in enumerate(r.sequence(doc["bands"], "bands")):
        bpath = f"bands[{bi}]"
        band = r.mapping(band_raw, bpath, _BAND, ("code", "min", "label", "zone"))
        code = band["code"]
        if not isinstance(code, str) or not code.strip():
            raise r.fail(_join(bpath, "code"), "must be a non-empty text")
        if code in codes:
            raise r.fail(_join(bpath, "code"), f"band {code!r} appears twice")
        codes.add(code)
        low = r.number(band["min"], _join(bpath, "min"))
        if low > 100:
            raise r.fail(_join(bpath, "min"), f"must be at most 100, got {band['min']!r}")
        if low in mins:
            raise r.fail(_join(bpath, "min"), f"another band already starts at {band['min']!r}")
        mins.add(low)
        label = r.text(band["label"], _join(bpath, "label"))
        zone = r.choice(band["zone"], _join(bpath, "zone"), ZONES)
        predikat = r.text(band["predikat"], _join(bpath, "predikat")) if "predikat" in band else label
        bands.append(Band(code, round2(low), label, zone, predikat))
    if 0 not in mins:
        raise r.fail("bands", "one band must start at 0 so that every score has a band")
    bands.sort(key=lambda b: b.min, reverse=True)
    award_from = doc.get("award_from")
    if award_from is not None and award_from not in codes:
        raise r.fail("award_from", f"must be the code of one of the bands ({', '.join(sorted(codes))}), "
                                   f"got {award_from!r}")

    return Instrument(
        id=form_id,
        version=str(version).strip(),
        title=r.text(doc["title"], "title"),
        years=tuple(years),
        method=method,
        aggregation=aggregation,
        provisional=provisional,
        dimensions=tuple(dimensions),
        bands=tuple(bands),
        qualifier=qualifier,
        description=description,
        document=data,
        programme=programme,
        colour_zones=colour_zones,
        award_from=award_from,
    )


def _indicator(r: _Reader, raw: Any, path: str, dim_id: str, var_id: str, seen: dict[str, str]) -> Indicator:
    ind = r.mapping(raw, path, _IND, ("id", "text", "max", "weight", "level", "collection", "confidence"))
    ind_id = r.ident(ind["id"], _join(path, "id"))
    if ind_id in seen:
        raise r.fail(_join(path, "id"), f"indicator {ind_id!r} already defined at {seen[ind_id]}")
    seen[ind_id] = path
    max_value = r.positive_int(ind["max"], _join(path, "max"))
    collection = r.choice(ind["collection"], _join(path, "collection"), COLLECTIONS)
    default_input = "survey" if collection == "survey" else "choice"
    input_kind = r.choice(ind.get("input", default_input), _join(path, "input"), INPUTS)
    rubric: dict[int, Text] = {}
    rubric_raw = ind.get("rubric")
    if rubric_raw is not None:
        if not isinstance(rubric_raw, Mapping):
            raise r.fail(_join(path, "rubric"), "must be a mapping from value to text")
        for key, text in rubric_raw.items():
            try:
                value = int(key)
            except (TypeError, ValueError):
                raise r.fail(_join(path, f"rubric.{key}"), "keys must be whole numbers") from None
            if not 0 <= value <= max_value:
                raise r.fail(_join(path, f"rubric.{key}"), f"value must be between 0 and max ({max_value})")
            rubric[value] = r.text(text, _join(path, f"rubric.{key}"))
    if input_kind in ("choice", "survey"):
        missing = [v for v in range(max_value + 1) if v not in rubric]
        if missing:
            raise r.fail(_join(path, "rubric"), f"needs a text for every value 0..{max_value}; missing {missing}")
    respondents = None
    if "respondents" in ind:
        respondents = r.positive_int(ind["respondents"], _join(path, "respondents"))
    conf, source = r.confidence(ind, path, "confidence", "source")
    return Indicator(
        id=ind_id,
        dimension=dim_id,
        variable=var_id,
        text=r.text(ind["text"], _join(path, "text")),
        rubric=dict(sorted(rubric.items())),
        max=max_value,
        weight=r.weight(ind["weight"], _join(path, "weight")),
        level=r.choice(ind["level"], _join(path, "level"), LEVELS),
        collection=collection,
        input=input_kind,
        required=r.boolean(ind.get("required", True), _join(path, "required")),
        confidence=conf,
        source=source,
        respondents=respondents,
        na_allowed=r.boolean(ind.get("na_allowed", True), _join(path, "na_allowed")),
    )


def iter_rubric(indicator: Indicator, lang: str = "id") -> Iterator[tuple[int, str]]:
    for value, text in indicator.rubric.items():
        yield value, text.get(lang)
