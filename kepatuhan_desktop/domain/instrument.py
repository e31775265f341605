"""The instrument (form) model and its schema check.

An instrument is data: it is read from a YAML/JSON document (see ``forms/README.md``) by
:func:`instrument_from_dict`, which checks every field and raises :class:`InstrumentError` naming the file and
the field path when something is wrong. Nothing here reads files: the caller passes the parsed document and
its name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from functools import cached_property, partial
from math import lcm
from typing import Any, TypeVar

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


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an instrument document: where (a field path such as
    ``dimensions[1].variables[0].indicators[3].weight.value``), what (``code``) and the values the wording
    needs (``params``). :data:`MESSAGES` holds the English wording of each code; the GUI translates it."""

    path: str
    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    @property
    def message(self) -> str:
        return MESSAGES[self.code].format_map(_Keep(self.params))

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class InstrumentError(ValueError):
    """An instrument document that does not follow the schema: every problem found, not just the first.
    ``str()`` names the source and, one per line, the field path and what is wrong."""

    def __init__(self, source: str, problems: Sequence[Problem]) -> None:
        self.source = source
        self.problems: tuple[Problem, ...] = tuple(problems)
        first = self.problems[0] if self.problems else Problem("", "form.invalid", {})
        self.path = first.path
        self.message = first.message
        super().__init__("\n".join(f"{source}: {p}" for p in self.problems) or source)


class _Keep(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


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

    @cached_property
    def required_counts(self) -> tuple[int, int]:
        """How many unit-level and product-level indicators are required (progress counts required slots)."""
        return (sum(1 for ind in self.unit_indicators if ind.required),
                sum(1 for ind in self.product_indicators if ind.required))

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

#: The English wording of every problem code (``{field}`` is the field's name as a spreadsheet column names it:
#: ``weight``, ``text.id``; ``{value}`` the offending value). The GUI words them in the user's language from
#: ``ui/errors.py``; ``tests/unit/test_instrument_checks.py`` keeps both tables in step.
MESSAGES: dict[str, str] = {
    "form.invalid": "the instrument is not valid",
    "form.not_mapping": "{field} must be a mapping (key: value), not {got}",
    "form.not_list": "{field} must be a list, not {got}",
    "form.empty_list": "{field} needs at least one entry",
    "form.unknown_field": "unknown field '{field}' (allowed: {allowed})",
    "form.required": "{field} is required",
    "form.bad_id": "{field} '{value}' is not a lower-case id (letters, digits, '.', '_', '-')",
    "form.bad_text": "{field} must be a text, or a text in Indonesian (id) and in English (en)",
    "form.empty_text": "{field} must not be empty",
    "form.bad_choice": "{field} '{value}' is not one of {options}",
    "form.bad_bool": "{field} '{value}' is not true or false",
    "form.bad_whole": "{field} '{value}' is not a whole number of at least 1",
    "form.not_number": "{field} '{value}' is not a number",
    "form.negative": "{field} '{value}' is below 0",
    "form.not_positive": "{field} '{value}' must be greater than 0",
    "form.over_100": "{field} '{value}' is above 100",
    "form.bad_version": "version '{value}' must be a text or a whole number",
    "form.bad_year": "year '{value}' is not a year between 2000 and 2100",
    "form.source_required": "{field} is required when the confidence is 'sourced'",
    "form.duplicate_dimension": "dimension '{id}' appears twice (first at {first})",
    "form.duplicate_variable": "variable '{id}' appears twice in dimension '{dimension}' (first at {first})",
    "form.duplicate_indicator": "indicator '{id}' appears twice (first at {first})",
    "form.duplicate_band": "band '{id}' appears twice (first at {first})",
    "form.duplicate_band_min": "two bands start at {value} (first at {first})",
    "form.rubric_key": "rubric value '{value}' is not a whole number",
    "form.rubric_range": "rubric value {value} is outside 0..{max}",
    "form.rubric_missing": "the rubric of '{indicator}' has no text for {missing} (it needs one for every value "
                           "0..{max})",
    "form.no_zero_band": "no band starts at 0, so a low score would have no band",
    "form.bad_award_from": "award_from '{value}' is not the code of one of the bands ({codes})",
    "form.bands_order": "band '{band}' starts at {value}, not below the band before it ('{previous}' at "
                        "{previous_min}): list the bands from the highest min to the lowest",
    "form.zone_order": "band '{band}' is below band '{previous}' but in a better zone ({zone}, not {previous_zone})",
    "form.zero_weights": "every indicator of dimension '{dimension}' has weight 0, so the dimension could never "
                         "be scored",
    # spreadsheet views (storage/form_workbook.py): the same checks, plus what only a table can get wrong
    "form.unknown_dimension": "dimension '{value}' is not on the dimensions sheet",
    "form.unknown_indicator": "indicator '{value}' is not on the indicators sheet",
    "form.duplicate_rubric": "indicator '{indicator}' has two texts for value {value} (first at {first})",
    "form.variable_differs": "{field} of variable '{variable}' is '{value}' here but '{other}' at {first}",
    "form.formula": "{field} holds a formula ({value}); type the value itself",
    "form.no_sheet": "the workbook has no sheet '{sheet}'",
    "form.no_column": "required column '{header}' is missing",
    "form.duplicate_column": "column '{header}' appears twice",
    "form.no_header": "this cell has a value but its column has no header",
    "form.duplicate_field": "field '{field}' appears twice (first at {first})",
    "form.bad_field": "'{field}' is not a field name (write names such as title.id or sources[0])",
    "form.too_large": "the workbook is too large to be an instrument ({what})",
    "form.unreadable": "the file is not a readable XLSX workbook ({detail})",
    # installing (storage/forms.py)
    "form.version_differs": "{key} is already installed with different content here; a version never changes: "
                            "give the corrected instrument a new version",
}

#: Params that hold a field path; a spreadsheet view replaces them with the cell of that field.
PATH_PARAMS = ("first",)

#: Top-level fields, in the order files and spreadsheets list them. A new top-level field is added here (and
#: to TOP_TEXTS when it is a Text); the spreadsheet and JSON views carry it without further code.
_TOP = (
    "id", "version", "title", "description", "years", "method", "aggregation", "provisional", "qualifier",
    "programme", "colour_zones", "award_from", "legal_basis", "sources", "notes", "dimensions", "bands",
)
#: Top-level fields that are Texts (a plain string, or ``{id: ..., en: ...}``).
TOP_TEXTS = ("title", "description", "qualifier", "programme")
_DIM = ("id", "label", "weight", "variables", "notes")
_VAR = ("id", "label", "indicators", "notes")
_IND = (
    "id", "text", "rubric", "max", "weight", "level", "collection", "input", "required", "confidence", "source",
    "respondents", "na_allowed", "notes",
)
_BAND = ("code", "min", "label", "zone", "predikat")
_WEIGHT = ("value", "confidence", "source")
_ZONE_RANK = {zone: rank for rank, zone in enumerate(ZONES)}  # hijau best


_T = TypeVar("_T")


def field_order() -> dict[str, tuple[str, ...]]:
    """The fields of each object of a document, in the order files and spreadsheets list them."""
    return {"top": _TOP, "dimension": _DIM, "variable": _VAR, "indicator": _IND, "band": _BAND,
            "weight": _WEIGHT, "text": LANGUAGES}


def ordered_document(document: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of a (valid) document with the fields of each object in :func:`field_order` (unknown and ``x-``
    fields after them, as they were): documents read back from the database have their keys sorted."""
    order = field_order()

    def sort(obj: Any, kind: str) -> Any:
        if not isinstance(obj, Mapping):
            return obj
        known = order.get(kind, ())
        keys = [k for k in known if k in obj] + [k for k in obj if k not in known]
        return {k: _child(k, obj[k], kind) for k in keys}

    def _child(key: str, value: Any, kind: str) -> Any:
        if kind == "top" and key == "dimensions" and isinstance(value, list):
            return [sort(d, "dimension") for d in value]
        if kind == "top" and key == "bands" and isinstance(value, list):
            return [sort(b, "band") for b in value]
        if kind == "dimension" and key == "variables" and isinstance(value, list):
            return [sort(v, "variable") for v in value]
        if kind == "variable" and key == "indicators" and isinstance(value, list):
            return [sort(i, "indicator") for i in value]
        if key == "weight":
            return sort(value, "weight")
        if kind == "indicator" and key == "rubric" and isinstance(value, Mapping):
            def number(k: Any) -> tuple[int, str]:
                text = str(k)
                return (int(text), "") if text.isdigit() else (10**9, text)
            return {k: sort(value[k], "text") for k in sorted(value, key=number)}
        if isinstance(value, Mapping) and set(value) <= {"id", "en"} | {k for k in value if str(k).startswith("x-")}:
            return sort(value, "text")
        return value

    return sort(document, "top")


class _Invalid(Exception):
    """Stops reading one field; the problem is already recorded."""


def _show(value: Any) -> str:
    """A value as a short text for a message."""
    if isinstance(value, str):
        text = value
    elif isinstance(value, bool):
        text = "true" if value else "false"
    elif value is None:
        text = "null"
    elif isinstance(value, Mapping):
        text = "{…}"
    elif isinstance(value, list):
        text = "[…]"
    else:
        text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def field_name(path: str) -> str:
    """The name a spreadsheet column gives the field at ``path``: ``…indicators[3].weight.value`` -> ``weight``,
    ``…indicators[3].text.id`` -> ``text.id``, ``years[2]`` -> ``years``."""
    tail = path.rsplit("]", 1)[-1].lstrip(".") if "]" in path else path
    if not tail:
        tail = path.rsplit("[", 1)[0].rsplit("]", 1)[-1].lstrip(".")
    if tail == "weight.value" or tail.endswith(".weight.value"):
        tail = tail[: -len(".value")]
    return tail


def _type_name(value: Any) -> str:
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a text"
    if isinstance(value, bool):
        return "true/false"
    if value is None:
        return "nothing"
    return "a number"


class _Reader:
    """Walks a parsed document and records every problem with its field path."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []

    def add(self, path: str, code: str, /, **params: Any) -> None:
        params.setdefault("field", field_name(path))
        self.problems.append(Problem(path, code, params))

    def fail(self, path: str, code: str, /, **params: Any) -> _Invalid:
        self.add(path, code, **params)
        return _Invalid()

    def mapping(self, value: Any, path: str, allowed: Sequence[str], required: Sequence[str]) -> Mapping[str, Any]:
        """``value`` as a mapping; unknown and missing keys are recorded (all of them), the rest is read."""
        if not isinstance(value, Mapping):
            raise self.fail(path, "form.not_mapping", got=_type_name(value))
        for key in value:
            if not isinstance(key, str) or (key not in allowed and not key.startswith("x-")):
                self.add(_join(path, str(key)), "form.unknown_field", field=str(key), allowed=", ".join(allowed))
        for key in required:
            if key not in value:
                self.add(_join(path, key), "form.required")
        return value

    def sequence(self, value: Any, path: str) -> Sequence[Any]:
        if not isinstance(value, list):
            raise self.fail(path, "form.not_list", got=_type_name(value))
        if not value:
            raise self.fail(path, "form.empty_list")
        return value

    def ident(self, value: Any, path: str) -> str:
        if not isinstance(value, str) or not _ID_RE.match(value):
            raise self.fail(path, "form.bad_id", value=_show(value))
        return value

    def text(self, value: Any, path: str) -> Text:
        if isinstance(value, str):
            if not value.strip():
                raise self.fail(path, "form.empty_text")
            return Text(value, value)
        if isinstance(value, Mapping):
            self.mapping(value, path, LANGUAGES, LANGUAGES)
            parts = []
            bad = False
            for lang in LANGUAGES:
                part = value.get(lang)
                if lang not in value:
                    bad = True
                elif not isinstance(part, str) or not part.strip():
                    self.add(_join(path, lang), "form.empty_text")
                    bad = True
                else:
                    parts.append(part.strip())
            if bad:
                raise _Invalid()
            return Text(*parts)
        raise self.fail(path, "form.bad_text")

    def choice(self, value: Any, path: str, options: Sequence[str]) -> str:
        if not isinstance(value, str) or value not in options:
            raise self.fail(path, "form.bad_choice", value=_show(value), options=", ".join(options))
        return value

    def boolean(self, value: Any, path: str) -> bool:
        if not isinstance(value, bool):
            raise self.fail(path, "form.bad_bool", value=_show(value))
        return value

    def positive_int(self, value: Any, path: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise self.fail(path, "form.bad_whole", value=_show(value))
        return value

    def number(self, value: Any, path: str, positive: bool = False) -> Fraction:
        try:
            num = to_fraction(value)
        except ValueError:
            raise self.fail(path, "form.not_number", value=_show(value)) from None
        if num < 0:
            raise self.fail(path, "form.negative", value=_show(value))
        if positive and num == 0:
            raise self.fail(path, "form.not_positive", value=_show(value))
        return num

    def optional_str(self, value: Any, path: str) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.fail(path, "form.bad_text")
        return value

    def confidence(self, data: Mapping[str, Any], path: str, conf_key: str, source_key: str
                   ) -> tuple[str, str | None]:
        conf = self.choice(data.get(conf_key), _join(path, conf_key), CONFIDENCES) if conf_key in data else None
        source = self.optional_str(data.get(source_key), _join(path, source_key))
        if conf == "sourced" and not (source and source.strip()):
            raise self.fail(_join(path, source_key), "form.source_required")
        if conf is None:
            raise _Invalid()   # missing: recorded by mapping()
        return conf, source

    def weight(self, value: Any, path: str, positive: bool) -> Weight:
        data = self.mapping(value, path, _WEIGHT, ("value", "confidence"))
        num = self.get(lambda: self.number(data["value"], _join(path, "value"), positive)) if "value" in data \
            else None
        conf = self.get(lambda: self.confidence(data, path, "confidence", "source"))
        if num is None or conf is None:
            raise _Invalid()
        return Weight(num, conf[0], conf[1])

    def get(self, read: Callable[[], _T]) -> _T | None:
        """``read()``, or None when it found a problem (recorded): reading goes on with the next field."""
        try:
            return read()
        except _Invalid:
            return None

    def field(self, data: Mapping[str, Any], key: str, path: str, read: Callable[[Any, str], _T]) -> _T | None:
        """``read(data[key], path.key)``; None when the key is missing (mapping() recorded that) or wrong."""
        if key not in data:
            return None
        return self.get(lambda: read(data[key], _join(path, key)))



def _join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def instrument_from_dict(data: Any, source: str = "<instrument>") -> Instrument:
    """Check a parsed instrument document and build the model. Raises :class:`InstrumentError` listing every
    problem found, each with its field path."""
    r = _Reader(source)
    instrument = r.get(lambda: _read_instrument(r, data))
    if r.problems or instrument is None:
        raise InstrumentError(source, r.problems or [Problem("", "form.invalid", {})])
    return instrument


def _read_instrument(r: _Reader, data: Any) -> Instrument:
    doc = r.mapping(data, "", _TOP, ("id", "version", "title", "years", "method", "aggregation", "dimensions",
                                     "bands"))
    form_id = r.field(doc, "id", "", r.ident)
    version = doc.get("version")
    if "version" in doc and (isinstance(version, bool) or not isinstance(version, (str, int))
                             or not str(version).strip()):
        r.add("version", "form.bad_version", value=_show(version))
    years: list[int] = []
    years_raw = r.field(doc, "years", "", r.sequence) or ()
    for i, year in enumerate(years_raw):
        if isinstance(year, bool) or not isinstance(year, int) or not 2000 <= year <= 2100:
            r.add(f"years[{i}]", "form.bad_year", value=_show(year))
        else:
            years.append(year)
    method = r.field(doc, "method", "", lambda v, p: r.choice(v, p, METHODS))
    aggregation = r.field(doc, "aggregation", "", lambda v, p: r.choice(v, p, AGGREGATIONS))
    provisional = r.get(lambda: r.boolean(doc.get("provisional", False), "provisional"))
    qualifier = r.field(doc, "qualifier", "", r.text) if doc.get("qualifier") is not None else None
    description = r.field(doc, "description", "", r.text) if doc.get("description") is not None else None
    title = r.field(doc, "title", "", r.text)
    programme = r.field(doc, "programme", "", r.text) if doc.get("programme") is not None else None
    colour_zones = r.get(lambda: r.boolean(doc.get("colour_zones", True), "colour_zones"))
    for key in TOP_TEXTS:
        if key not in ("title", "qualifier", "description", "programme") and doc.get(key) is not None:
            r.field(doc, key, "", r.text)

    dim_paths: dict[str, str] = {}
    raw_dims = doc.get("dimensions")
    for di, raw in enumerate(raw_dims if isinstance(raw_dims, list) else []):
        dim_id = raw.get("id") if isinstance(raw, Mapping) else None
        if isinstance(dim_id, str):
            if dim_id in dim_paths:
                r.add(f"dimensions[{di}].id", "form.duplicate_dimension", id=dim_id, first=dim_paths[dim_id])
            else:
                dim_paths[dim_id] = f"dimensions[{di}].id"
    seen: dict[str, str] = {}
    dimensions = [dim for di, raw in enumerate(r.field(doc, "dimensions", "", r.sequence) or ())
                  if (dim := r.get(partial(_dimension, r, raw, f"dimensions[{di}]", seen)))
                  is not None]

    bands = _bands(r, doc)
    award_from = doc.get("award_from")
    if award_from is not None and award_from not in {b.code for b in bands}:
        r.add("award_from", "form.bad_award_from", value=_show(award_from),
              codes=", ".join(b.code for b in bands))
    if r.problems:
        raise _Invalid()
    return Instrument(
        id=form_id,  # type: ignore[arg-type]  # not None: no problem was recorded
        version=str(version).strip(),
        title=title,  # type: ignore[arg-type]
        years=tuple(years),
        method=method,  # type: ignore[arg-type]
        aggregation=aggregation,  # type: ignore[arg-type]
        provisional=bool(provisional),
        dimensions=tuple(dimensions),
        bands=tuple(sorted(bands, key=lambda b: b.min, reverse=True)),
        qualifier=qualifier,
        description=description,
        document=data,
        programme=programme,
        colour_zones=colour_zones is not False,
        award_from=award_from if isinstance(award_from, str) else None,
    )


def _dimension(r: _Reader, raw: Any, path: str, seen: dict[str, str]) -> Dimension:
    dim = r.mapping(raw, path, _DIM, ("id", "label", "weight", "variables"))
    dim_id = r.field(dim, "id", path, r.ident)
    label = r.field(dim, "label", path, r.text)
    weight = r.field(dim, "weight", path, lambda v, p: r.weight(v, p, positive=True))
    variables: list[Variable] = []
    var_paths: dict[str, str] = {}
    for vi, var_raw in enumerate(r.field(dim, "variables", path, r.sequence) or ()):
        vpath = f"{path}.variables[{vi}]"
        var = r.get(partial(_variable, r, var_raw, vpath, dim_id or "", seen))
        if var is None:
            continue
        if var.id in var_paths:
            r.add(_join(vpath, "id"), "form.duplicate_variable", id=var.id, dimension=dim_id or "",
                  first=var_paths[var.id])
        var_paths[var.id] = _join(vpath, "id")
        variables.append(var)
    indicators = [ind for var in variables for ind in var.indicators]
    if indicators and all(ind.weight.value == 0 for ind in indicators):
        r.add(_join(path, "id"), "form.zero_weights", dimension=dim_id or "")
    if dim_id is None or label is None or weight is None:
        raise _Invalid()
    return Dimension(dim_id, label, weight, tuple(variables))


def _variable(r: _Reader, raw: Any, path: str, dim_id: str, seen: dict[str, str]) -> Variable:
    var = r.mapping(raw, path, _VAR, ("id", "label", "indicators"))
    var_id = r.field(var, "id", path, r.ident)
    label = r.field(var, "label", path, r.text)
    indicators = [ind for ii, ind_raw in enumerate(r.field(var, "indicators", path, r.sequence) or ())
                  if (ind := r.get(partial(_indicator, r, ind_raw, f"{path}.indicators[{ii}]", dim_id, var_id or "",
                                             seen))) is not None]
    if var_id is None or label is None:
        raise _Invalid()
    return Variable(var_id, label, tuple(indicators))


def _bands(r: _Reader, doc: Mapping[str, Any]) -> list[Band]:
    bands: list[Band] = []
    codes: dict[str, str] = {}
    mins: dict[Fraction, str] = {}
    previous: tuple[str, Fraction, str, str] | None = None   # code, min, zone, its min's text
    for bi, band_raw in enumerate(r.field(doc, "bands", "", r.sequence) or ()):
        bpath = f"bands[{bi}]"
        band = r.get(partial(r.mapping, band_raw, bpath, _BAND, ("code", "min", "label", "zone")))
        if band is None:
            continue
        code = band.get("code")
        if "code" in band and (not isinstance(code, str) or not code.strip()):
            r.add(_join(bpath, "code"), "form.empty_text")
            code = None
        elif isinstance(code, str):
            if code in codes:
                r.add(_join(bpath, "code"), "form.duplicate_band", id=code, first=codes[code])
            else:
                codes[code] = _join(bpath, "code")
        low = r.field(band, "min", bpath, r.number)
        if low is not None and low > 100:
            r.add(_join(bpath, "min"), "form.over_100", value=_show(band["min"]))
            low = None
        if low is not None:
            if low in mins:
                r.add(_join(bpath, "min"), "form.duplicate_band_min", value=_show(band["min"]), first=mins[low])
            else:
                mins[low] = _join(bpath, "min")
        label = r.field(band, "label", bpath, r.text)
        zone = r.field(band, "zone", bpath, lambda v, p: r.choice(v, p, ZONES))
        predikat = r.field(band, "predikat", bpath, r.text) if "predikat" in band else label
        if low is not None and zone is not None and isinstance(code, str):
            if previous is not None:
                p_code, p_min, p_zone, p_text = previous
                if low >= p_min:
                    r.add(_join(bpath, "min"), "form.bands_order", band=code, value=_show(band["min"]),
                          previous=p_code, previous_min=p_text)
                elif _ZONE_RANK[zone] < _ZONE_RANK[p_zone]:
                    r.add(_join(bpath, "zone"), "form.zone_order", band=code, zone=zone, previous=p_code,
                          previous_zone=p_zone)
            previous = (code, low, zone, _show(band["min"]))
        if low is not None and label is not None and zone is not None and predikat is not None \
                and isinstance(code, str):
            bands.append(Band(code, round2(low), label, zone, predikat))
    if isinstance(doc.get("bands"), list) and doc["bands"] and 0 not in mins \
            and not any(p.path.startswith("bands[") and p.path.endswith(".min") for p in r.problems):
        r.add("bands", "form.no_zero_band")
    return bands


def _indicator(r: _Reader, raw: Any, path: str, dim_id: str, var_id: str, seen: dict[str, str]) -> Indicator:
    ind = r.mapping(raw, path, _IND, ("id", "text", "max", "weight", "level", "collection", "confidence"))
    ind_id = r.field(ind, "id", path, r.ident)
    if ind_id is not None:
        if ind_id in seen:
            r.add(_join(path, "id"), "form.duplicate_indicator", id=ind_id, first=seen[ind_id])
        else:
            seen[ind_id] = _join(path, "id")
    max_value = r.field(ind, "max", path, r.positive_int)
    collection = r.field(ind, "collection", path, lambda v, p: r.choice(v, p, COLLECTIONS))
    default_input = "survey" if collection == "survey" else "choice"
    input_kind = r.get(lambda: r.choice(ind.get("input", default_input), _join(path, "input"), INPUTS))
    rubric: dict[int, Text] = {}
    rubric_raw = ind.get("rubric")
    rubric_ok = True
    if rubric_raw is not None:
        if not isinstance(rubric_raw, Mapping):
            r.add(_join(path, "rubric"), "form.not_mapping", got=_type_name(rubric_raw))
            rubric_ok = False
        else:
            for key, text in rubric_raw.items():
                kpath = _join(path, f"rubric.{key}")
                try:
                    value = int(key)
                    if isinstance(key, str) and str(value) != key.strip():
                        raise ValueError(key)
                except (TypeError, ValueError):
                    r.add(kpath, "form.rubric_key", value=_show(key))
                    rubric_ok = False
                    continue
                if max_value is not None and not 0 <= value <= max_value:
                    r.add(kpath, "form.rubric_range", value=value, max=max_value)
                    rubric_ok = False
                    continue
                got = r.get(partial(r.text, text, kpath))
                if got is not None:
                    rubric[value] = got
                else:
                    rubric_ok = False
    if input_kind in ("choice", "survey") and max_value is not None and rubric_ok:
        missing = [v for v in range(max_value + 1) if v not in rubric]
        if missing:
            r.add(_join(path, "rubric"), "form.rubric_missing", indicator=ind_id or "",
                  missing=", ".join(map(str, missing)), max=max_value)
    respondents = r.field(ind, "respondents", path, r.positive_int) if "respondents" in ind else None
    conf = r.get(lambda: r.confidence(ind, path, "confidence", "source"))
    text = r.field(ind, "text", path, r.text)
    weight = r.field(ind, "weight", path, lambda v, p: r.weight(v, p, positive=False))
    level = r.field(ind, "level", path, lambda v, p: r.choice(v, p, LEVELS))
    required = r.get(lambda: r.boolean(ind.get("required", True), _join(path, "required")))
    na_allowed = r.get(lambda: r.boolean(ind.get("na_allowed", True), _join(path, "na_allowed")))
    if None in (ind_id, max_value, collection, input_kind, conf, text, weight, level, required, na_allowed):
        raise _Invalid()
    assert conf is not None
    return Indicator(
        id=ind_id,  # type: ignore[arg-type]
        dimension=dim_id,
        variable=var_id,
        text=text,  # type: ignore[arg-type]
        rubric=dict(sorted(rubric.items())),
        max=max_value,  # type: ignore[arg-type]
        weight=weight,  # type: ignore[arg-type]
        level=level,  # type: ignore[arg-type]
        collection=collection,  # type: ignore[arg-type]
        input=input_kind,  # type: ignore[arg-type]
        required=bool(required),
        confidence=conf[0],
        source=conf[1],
        respondents=respondents,
        na_allowed=bool(na_allowed),
    )


def iter_rubric(indicator: Indicator, lang: str = "id") -> Iterator[tuple[int, str]]:
    for value, text in indicator.rubric.items():
        yield value, text.get(lang)
