#!/usr/bin/env python3
"""Ratios and a chart from HotPathBenchmark's JMH JSON output. Python 3 standard library only.

    python3 petition-benchmarks/chart.py results/hotpath-t1.json results/hotpath-t2.json \
        --svg results/hotpath.svg --title "HotPathBenchmark, full run" --markdown

Reads any number of JMH result files (-rf json), groups results by thread count, and
  * prints (with --markdown) a table of the issue's ratios against their targets, and the scores,
  * writes (with --svg) an SVG: time per operation of the six methods at each size (log scale), and the
    ratios against their targets, one row of panels per thread count.

Scores are ns/op (confirm and confirmFloor are timed batches that JMH already divides per confirmation).
Bytes per operation are the benchmark's own counters allocBytes / allocCalls: what the benchmark threads
allocated in their calls only. -prof gc's gc.alloc.rate.norm is shown beside them; it also counts the
iteration's setup and teardown (the pending signatures prepared for confirm, the purge after sign), so it
reads high for confirm.
"""

import argparse
import json
import math
import sys
from collections import defaultdict
from xml.sax.saxutils import escape

METHODS = ["sign", "signFloor", "signFloorS7", "confirm", "confirmFloor", "signWithPhone", "phoneFloor"]
COLOURS = {
    "sign": "#1f77b4", "signFloor": "#aec7e8", "signFloorS7": "#c5b0d5",
    "confirm": "#d62728", "confirmFloor": "#ff9896",
    "signWithPhone": "#2ca02c", "phoneFloor": "#98df8a",
}
# The targets: (label, limit).
TARGETS = {
    "sign / signFloor": 1.5,
    "confirm / confirmFloor": 1.5,
    "signWithPhone / (sign + phoneFloor)": 1.1,
    "sign @ largest / sign @ smallest": 1.2,
}
BYTES_TARGET = 1024


def to_ns(score, unit):
    scale = {"ns/op": 1.0, "us/op": 1e3, "ms/op": 1e6, "s/op": 1e9}
    if unit not in scale:
        raise SystemExit(f"unsupported unit {unit!r}: run in AverageTime/SingleShotTime modes")
    return score * scale[unit]


def load(paths):
    """{threads: {method: {size: {"ns": float, "err": float, "bytes": float|None}}}}; phoneFloor under size None."""
    data = defaultdict(lambda: defaultdict(dict))
    for path in paths:
        with open(path, encoding="utf-8") as f:
            results = json.load(f)
        for r in results:
            method = r["benchmark"].rsplit(".", 1)[-1]
            if method not in METHODS:
                continue
            size = r.get("params", {}).get("size")
            size = int(size) if size is not None else None
            pm = r["primaryMetric"]
            err = pm.get("scoreError")
            err = to_ns(err, pm["scoreUnit"]) if isinstance(err, (int, float)) and not math.isnan(err) else None
            secondary = r.get("secondaryMetrics", {})
            norm = secondary.get("gc.alloc.rate.norm")
            data[r["threads"]][method][size] = {
                "ns": to_ns(pm["score"], pm["scoreUnit"]),
                "err": err,
                "bytes": measured_bytes(secondary),
                "gc_norm": norm["score"] if norm else None,
            }
    return data


def measured_bytes(secondary):
    """Bytes per call the benchmark threads allocated in their measured calls (allocBytes / allocCalls)."""
    if "allocBytes" not in secondary or "allocCalls" not in secondary:
        return None

    def total(metric):
        raw = metric.get("rawData")
        return sum(sum(fork) for fork in raw) if raw else metric["score"]

    calls = total(secondary["allocCalls"])
    return total(secondary["allocBytes"]) / calls if calls else None


def ratios(methods, with_bytes=False):
    """[(label, size or None, value, limit)] for one thread count; with_bytes adds bytes per sign / 1 KiB."""
    out = []
    sizes = sorted(s for s in methods.get("sign", {}) if s is not None)
    phone = methods.get("phoneFloor", {}).get(None)
    for size in sizes:
        sign = methods["sign"][size]["ns"]
        if size in methods.get("signFloor", {}):
            out.append(("sign / signFloor", size, sign / methods["signFloor"][size]["ns"], 1.5))
        # The floor as it was in session 7 (before the skeleton and the names' word-list match joined it):
        # reported beside, so the change of floor is never silent.
        if size in methods.get("signFloorS7", {}):
            out.append(("sign / signFloorS7 (session 7's floor)", size,
                        sign / methods["signFloorS7"][size]["ns"], 1.5))
        if size in methods.get("confirm", {}) and size in methods.get("confirmFloor", {}):
            out.append(("confirm / confirmFloor", size,
                        methods["confirm"][size]["ns"] / methods["confirmFloor"][size]["ns"], 1.5))
        if size in methods.get("signWithPhone", {}) and phone:
            out.append(("signWithPhone / (sign + phoneFloor)", size,
                        methods["signWithPhone"][size]["ns"] / (sign + phone["ns"]), 1.1))
    if len(sizes) >= 2:
        out.append(("sign @ largest / sign @ smallest", None,
                    methods["sign"][sizes[-1]]["ns"] / methods["sign"][sizes[0]]["ns"], 1.2))
    if with_bytes:
        for size in sizes:
            b = methods["sign"][size]["bytes"]
            if b is not None:
                out.append(("bytes per sign / 1 KiB", size, b / BYTES_TARGET, 1.0))
    return out


def fmt_size(size):
    if size is None:
        return "any"
    for factor, suffix in ((1_000_000, "M"), (1_000, "k")):
        if size >= factor and size % factor == 0:
            return f"{size // factor}{suffix}"
    return str(size)


def markdown(data):
    lines = []
    for threads in sorted(data):
        methods = data[threads]
        lines.append(f"**{threads} thread{'s' if threads > 1 else ''}**")
        lines.append("")
        lines.append("| ratio | size | value | target | met |")
        lines.append("|---|---|---|---|---|")
        for label, size, value, limit in ratios(methods):
            shown = label
            if label.startswith("sign @"):
                sizes = sorted(s for s in methods["sign"] if s is not None)
                shown = f"sign @ {fmt_size(sizes[-1])} / sign @ {fmt_size(sizes[0])}"
            lines.append(f"| {shown} | {fmt_size(size) if size else '-'} | {value:.2f} | ≤ {limit} | "
                         f"{'yes' if value <= limit else 'no'} |")
        for size, row in sorted((s, r) for s, r in methods.get("sign", {}).items() if s is not None):
            if row["bytes"] is not None:
                lines.append(f"| bytes allocated per sign | {fmt_size(size)} | {row['bytes']:.0f} | "
                             f"≤ {BYTES_TARGET} | {'yes' if row['bytes'] <= BYTES_TARGET else 'no'} |")
        lines.append("")
        lines.append("| method | size | ns/op | ± (99.9%) | B/op (measured calls) | gc.alloc.rate.norm |")
        lines.append("|---|---|---|---|---|---|")
        for method in METHODS:
            for size, row in sorted(methods.get(method, {}).items(), key=lambda kv: (kv[0] is not None, kv[0] or 0)):
                err = f"{row['err']:,.0f}" if row["err"] is not None else "n/a"
                b = f"{row['bytes']:,.0f}" if row["bytes"] is not None else "n/a"
                g = f"{row['gc_norm']:,.0f}" if row["gc_norm"] is not None else "n/a"
                lines.append(f"| {method} | {fmt_size(size)} | {row['ns']:,.0f} | {err} | {b} | {g} |")
        lines.append("")
    return "\n".join(lines)


class Svg:
    def __init__(self, width, height):
        self.width, self.height, self.parts = width, height, []

    def add(self, element):
        self.parts.append(element)

    def text(self, x, y, s, size=12, anchor="start", weight="normal", fill="#222", rotate=None):
        transform = f' transform="rotate({rotate} {x:.1f} {y:.1f})"' if rotate is not None else ""
        self.add(f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
                 f'font-weight="{weight}" fill="{fill}"{transform}>{escape(s)}</text>')

    def line(self, x1, y1, x2, y2, stroke="#999", width=1, dash=None):
        d = f' stroke-dasharray="{dash}"' if dash else ""
        self.add(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{stroke}" '
                 f'stroke-width="{width}"{d}/>')

    def rect(self, x, y, w, h, fill, title=None):
        t = f"<title>{escape(title)}</title>" if title else ""
        self.add(f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(w, 0):.1f}" height="{max(h, 0):.1f}" '
                 f'fill="{fill}">{t}</rect>')

    def render(self):
        return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{self.width}" height="{self.height}" '
                f'viewBox="0 0 {self.width} {self.height}" font-family="sans-serif">\n'
                f'<rect width="100%" height="100%" fill="white"/>\n' + "\n".join(self.parts) + "\n</svg>\n")


def fmt_ns(ns):
    if ns >= 1e6:
        return f"{ns / 1e6:.3g} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.3g} µs"
    return f"{ns:.3g} ns"


def times_panel(svg, x0, y0, w, h, methods, threads):
    """Bars of ns/op, log scale: one group per size, one bar per method (phoneFloor in its own group)."""
    groups = sorted({s for m in METHODS for s in methods.get(m, {}) if s is not None})
    group_keys = [(s, [m for m in METHODS if m != "phoneFloor" and s in methods.get(m, {})]) for s in groups]
    if None in methods.get("phoneFloor", {}):
        group_keys.append((None, ["phoneFloor"]))
    values = [methods[m][s]["ns"] for s, ms in group_keys for m in ms]
    if not values:
        return
    lo = 10 ** math.floor(math.log10(min(values)))
    hi = 10 ** math.ceil(math.log10(max(values)))
    if hi <= lo:
        hi = lo * 10
    left, bottom, top = x0 + 60, y0 + h - 40, y0 + 30

    def y_of(v):
        return bottom - (math.log10(v) - math.log10(lo)) / (math.log10(hi) - math.log10(lo)) * (bottom - top)

    svg.text(x0 + w / 2, y0 + 16, f"time per operation, {threads} thread{'s' if threads > 1 else ''} "
             "(log scale; lower is better)", size=13, anchor="middle", weight="bold")
    decade = lo
    while decade <= hi * 1.0001:
        y = y_of(decade)
        svg.line(left, y, x0 + w - 10, y, stroke="#ddd")
        svg.text(left - 6, y + 4, fmt_ns(decade), size=10, anchor="end")
        decade *= 10
    svg.line(left, top, left, bottom, stroke="#444")
    svg.line(left, bottom, x0 + w - 10, bottom, stroke="#444")
    slots = sum(len(ms) for _, ms in group_keys) + len(group_keys)
    slot = (x0 + w - 10 - left) / max(slots, 1)
    x = left + slot / 2
    for size, ms in group_keys:
        start = x
        for m in ms:
            row = methods[m][size]
            y = y_of(row["ns"])
            svg.rect(x, y, slot * 0.9, bottom - y, COLOURS[m], f"{m} @ {fmt_size(size)}: {fmt_ns(row['ns'])}")
            svg.text(x + slot * 0.45, y - 3, fmt_ns(row["ns"]), size=8, anchor="middle")
            x += slot
        svg.text((start + x) / 2 - slot * 0.05, bottom + 16,
                 f"size {fmt_size(size)}" if size is not None else "phone (no size)", size=11, anchor="middle")
        x += slot
    lx = left
    for m in METHODS:
        svg.rect(lx, y0 + h - 14, 10, 10, COLOURS[m])
        svg.text(lx + 14, y0 + h - 5, m, size=10)
        lx += 14 + 7 * len(m) + 14


def ratios_panel(svg, x0, y0, w, h, methods, threads):
    """Horizontal bars of each ratio against its target (dashed line)."""
    rows = ratios(methods, with_bytes=True)
    svg.text(x0 + w / 2, y0 + 16, f"ratios against the issue's targets, {threads} thread{'s' if threads > 1 else ''}",
             size=13, anchor="middle", weight="bold")
    if not rows:
        return
    left, right, top = x0 + 250, x0 + w - 20, y0 + 30
    vmax = max(max(v for _, _, v, _ in rows), max(l for _, _, _, l in rows)) * 1.1
    bar_h = min(22, (h - 50) / len(rows))

    def x_of(v):
        return left + v / vmax * (right - left)

    for i, (label, size, value, limit) in enumerate(rows):
        y = top + i * bar_h
        name = label if size is None else f"{label} @ {fmt_size(size)}"
        svg.text(left - 6, y + bar_h * 0.65, name, size=10, anchor="end")
        colour = "#4c9a2a" if value <= limit else "#c0392b"
        svg.rect(left, y + 2, x_of(value) - left, bar_h - 4, colour, f"{name}: {value:.2f} (target ≤ {limit})")
        svg.text(x_of(value) + 4, y + bar_h * 0.65, f"{value:.2f}", size=10)
        svg.line(x_of(limit), y, x_of(limit), y + bar_h, stroke="#000", width=2, dash="4,2")
    svg.line(left, top, left, top + len(rows) * bar_h, stroke="#444")
    svg.text(left, top + len(rows) * bar_h + 14, "dashed: target (≤); green: met, red: not met", size=10)


def chart(data, title):
    panel_w, panel_h = 640, 360
    width = 2 * panel_w
    height = 50 + panel_h * len(data)
    svg = Svg(width, height)
    svg.text(width / 2, 28, title, size=16, anchor="middle", weight="bold")
    for row, threads in enumerate(sorted(data)):
        y = 50 + row * panel_h
        times_panel(svg, 0, y, panel_w, panel_h - 10, data[threads], threads)
        ratios_panel(svg, panel_w, y, panel_w, panel_h - 10, data[threads], threads)
    return svg.render()


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("json", nargs="+", help="JMH JSON result files (-rf json -rff FILE)")
    parser.add_argument("--svg", help="write the chart here")
    parser.add_argument("--title", default="HotPathBenchmark", help="chart title")
    parser.add_argument("--markdown", action="store_true", help="print the ratio and score tables")
    args = parser.parse_args(argv)
    data = load(args.json)
    if not data:
        raise SystemExit("no HotPathBenchmark results in " + ", ".join(args.json))
    if args.markdown:
        print(markdown(data))
    if args.svg:
        with open(args.svg, "w", encoding="utf-8") as f:
            f.write(chart(data, args.title))
        print(f"wrote {args.svg}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
