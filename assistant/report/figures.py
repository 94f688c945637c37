"""The report's charts, drawn with matplotlib (Agg: no display) into PNGs embedded as data: URIs,
so the HTML needs nothing from anywhere. Labels come in already in the report's language."""

from __future__ import annotations

import base64
import io
from collections.abc import Sequence
from datetime import date

import matplotlib

matplotlib.use("Agg")

import matplotlib.dates as mdates  # after choosing the backend
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure

BLUE, ORANGE, GREY, GREEN = "#0b4f8a", "#b34700", "#6b6b6b", "#2e7d32"  # WCAG AA on white
WIDE, SQUARE = (9.0, 3.4), (5.0, 3.0)
DPI = 110
MAX_BARS = 62  # up to two months a bar per day; longer periods are drawn as lines


def _png(figure: Figure) -> str:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight", metadata={"Software": None})
    plt.close(figure)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _axes(size: tuple[float, float]) -> tuple[Figure, plt.Axes]:
    figure, axes = plt.subplots(figsize=size)
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(axis="y", color="#dddddd", linewidth=0.8)
    axes.set_axisbelow(True)
    return figure, axes


def _dates(axes: plt.Axes, days: Sequence[date]) -> None:
    """One tick a day, or every few days: at most about ten dates under a chart."""
    if len(days) <= MAX_BARS:
        axes.xaxis.set_major_locator(mdates.DayLocator(interval=max(1, -(-len(days) // 10))))
    else:
        axes.xaxis.set_major_locator(mdates.AutoDateLocator(maxticks=10))
    axes.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    axes.figure.autofmt_xdate()


def per_day(days: Sequence[date], series: dict[str, Sequence[int]], stacked: bool = False) -> str:
    """Counts per day: side by side (or stacked) bars for a short period, lines for a long one."""
    figure, axes = _axes(WIDE)
    colours = [BLUE, ORANGE, GREY, GREEN]
    x = mdates.date2num(list(days))
    if len(days) <= MAX_BARS:
        width = 0.8 / (1 if stacked else len(series))
        bottom = np.zeros(len(days))
        for n, (label, values) in enumerate(series.items()):
            offset = 0 if stacked else (n - (len(series) - 1) / 2) * width
            axes.bar(x + offset, values, width, bottom=bottom if stacked else None, label=label,
                     color=colours[n % len(colours)])
            if stacked:
                bottom += np.asarray(values)
    else:
        for n, (label, values) in enumerate(series.items()):
            axes.plot(x, values, label=label, color=colours[n % len(colours)], linewidth=1.4)
    axes.xaxis_date()
    _dates(axes, days)
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.legend(frameon=False, loc="lower left", bbox_to_anchor=(0, 1.0), ncol=len(series))
    return _png(figure)


def bars(labels: Sequence[str], values: Sequence[int], colour: str = BLUE) -> str:
    """Horizontal bars, the first label on top."""
    figure, axes = _axes((7.0, 0.45 * max(len(labels), 2) + 0.8))
    axes.grid(axis="y", visible=False)
    axes.grid(axis="x", color="#dddddd", linewidth=0.8)
    positions = np.arange(len(labels))[::-1]
    axes.barh(positions, values, color=colour)
    axes.set_yticks(positions, [_short(label) for label in labels])
    axes.xaxis.get_major_locator().set_params(integer=True)
    for y, value in zip(positions, values, strict=True):
        axes.text(value, y, f" {value}", va="center", fontsize=9)
    return _png(figure)


def two(labels: Sequence[str], values: Sequence[int]) -> str:
    """Two (or a few) counts side by side, e.g. helpful and not helpful."""
    figure, axes = _axes(SQUARE)
    axes.bar(range(len(labels)), values, color=[GREEN, ORANGE, GREY, BLUE][:len(labels)])
    axes.set_xticks(range(len(labels)), labels)
    axes.yaxis.get_major_locator().set_params(integer=True)
    for x, value in enumerate(values):
        axes.text(x, value, str(value), ha="center", va="bottom", fontsize=9)
    return _png(figure)


def histogram(seconds: np.ndarray, marks: dict[str, float], unit: str) -> str:
    """How many replies took how long (the slowest half percent drawn at the right edge), with
    lines at `marks` (label → seconds: the median, the 95th percentile)."""
    figure, axes = _axes(WIDE)
    top = float(np.percentile(seconds, 99.5))
    axes.hist(np.clip(seconds, 0, top), bins=60, color=BLUE)
    for (label, value), colour in zip(marks.items(), (ORANGE, GREY), strict=False):
        axes.axvline(value, color=colour, linewidth=2, linestyle="--", label=label)
    axes.set_xlabel(unit)
    axes.legend(frameon=False)
    return _png(figure)


def _short(label: str, width: int = 48) -> str:
    return label if len(label) <= width else label[:width - 1] + "…"
