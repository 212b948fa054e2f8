"""Geometry of the risk map: a severity-by-likelihood grid with each risk before and after its measures.

The template templates/dpia/includes/risk_map.html draws it as inline SVG, so it reads without JavaScript
on the page and in the PDF.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from .choices import Level

CELL = 90
MARGIN_LEFT = 110
MARGIN_TOP = 20
MARGIN_BOTTOM = 70
LEVELS = list(Level)


@dataclass
class Cell:
    x: int
    y: int
    severity: int
    likelihood: int
    zone: str


@dataclass
class Marker:
    code: str
    label: str
    x: float
    y: float
    residual: bool


@dataclass
class Arrow:
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass
class RiskMap:
    width: int
    height: int
    cells: list = field(default_factory=list)
    markers: list = field(default_factory=list)
    arrows: list = field(default_factory=list)
    axis_labels_x: list = field(default_factory=list)
    axis_labels_y: list = field(default_factory=list)
    legend: list = field(default_factory=list)


def zone_for(severity, likelihood):
    """Return the zone of a cell: 'high' when both axes are significant or worse, 'reduce' when one is, else 'low'.

    The CNIL PIA method requires further measures on any risk rated significant or maximum on either axis.
    """
    if severity >= Level.SIGNIFICANT and likelihood >= Level.SIGNIFICANT:
        return "high"
    if severity >= Level.SIGNIFICANT or likelihood >= Level.SIGNIFICANT:
        return "reduce"
    return "low"


def _cell_origin(severity, likelihood):
    x = MARGIN_LEFT + (likelihood - 1) * CELL
    y = MARGIN_TOP + (len(LEVELS) - severity) * CELL
    return x, y


def risk_code(index, risk):
    """Return the short marker code of a risk: R1, R2, R3 for the feared events, C1, C2... for the others."""
    return f"R{index}" if risk.feared_event != "custom" else f"C{index}"


def _slot_offset(slot, count):
    """Return the (x, y) offset inside a cell of marker `slot` among `count` markers sharing the cell."""
    if count == 1:
        return CELL / 2, CELL / 2
    if count == 2:
        return (CELL * 0.3 if slot == 0 else CELL * 0.7), CELL / 2
    # Up to nine markers share a cell on a 3 x 3 raster, so they never hide each other.
    return 18 + (slot % 3) * 27, 18 + (slot // 3 % 3) * 27


def build_risk_map(risks):
    """Return the RiskMap of `risks` (objects with feared_event, label and the four scores)."""
    size = len(LEVELS) * CELL
    risk_map = RiskMap(width=MARGIN_LEFT + size + 20, height=MARGIN_TOP + size + MARGIN_BOTTOM)

    for severity in LEVELS:
        for likelihood in LEVELS:
            x, y = _cell_origin(severity, likelihood)
            risk_map.cells.append(Cell(x, y, severity, likelihood, zone_for(severity, likelihood)))
    for level in LEVELS:
        x, y = _cell_origin(level, level)
        risk_map.axis_labels_x.append((MARGIN_LEFT + (level - 1) * CELL + CELL / 2, level.label))
        risk_map.axis_labels_y.append((y + CELL / 2, level.label))

    # First collect every scored point, so markers sharing a cell can be spread out inside it.
    placements = []  # (code, label, residual, severity, likelihood)
    feared_index = custom_index = 0
    for risk in risks:
        if risk.feared_event == "custom":
            custom_index += 1
            code = risk_code(custom_index, risk)
        else:
            feared_index += 1
            code = risk_code(feared_index, risk)
        risk_map.legend.append((code, risk.label))
        for residual, severity, likelihood in (
            (False, risk.severity_before, risk.likelihood_before),
            (True, risk.severity_after, risk.likelihood_after),
        ):
            if severity is not None and likelihood is not None:
                placements.append((code, risk.label, residual, severity, likelihood))

    per_cell = {}
    for _code, _label, _residual, severity, likelihood in placements:
        per_cell[(severity, likelihood)] = per_cell.get((severity, likelihood), 0) + 1

    occupancy = {}
    positions = {}
    for code, label, residual, severity, likelihood in placements:
        slot = occupancy.get((severity, likelihood), 0)
        occupancy[(severity, likelihood)] = slot + 1
        x, y = _cell_origin(severity, likelihood)
        marker_x, marker_y = _slot_offset(slot, per_cell[(severity, likelihood)])
        risk_map.markers.append(Marker(code, label, x + marker_x, y + marker_y, residual))
        positions.setdefault(code, []).append((x + marker_x, y + marker_y))

    for points in positions.values():
        if len(points) == 2 and points[0] != points[1]:
            risk_map.arrows.append(Arrow(*points[0], *points[1]))
    return risk_map


AXIS_TITLES = {"x": _("Likelihood"), "y": _("Severity")}
