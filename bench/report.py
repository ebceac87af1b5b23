#!/usr/bin/env python3
"""Turns bench/run.sh's measurements into the Markdown section of docs/benchmarks.md.

report.py --out DIR --machine TEXT --commit TEXT --seconds N --baseline 1 --target 100  > report.md
report.py --splice docs/benchmarks.md report.md   (replaces the section between the markers)
"""
import argparse
import csv
import os
import sys
from collections import defaultdict

START = "<!-- bench/run.sh results: start -->"
END = "<!-- bench/run.sh results: end -->"

# The targets, on a 2-core machine at scale 100.
RATIO_TARGET = 1.3           # one-connection median, scale 100 over scale 1
P95_TARGET_MS = 50           # at 32 connections
LIST_SHARE_TARGET = 0.50     # a list page's throughput as a share of the bare page's, 32 connections
MEMORY_TARGET_MB = 400
PDF_P95_TARGET_MS = 250      # one connection, warm browser
EXPORT_TARGET_MS = 2000

BARE = "Bare page (accessibility statement)"
LIST_PAGES = ("Projects list", "Manage activities", "Roster", "Roster, filtered", "Open activities", "Finance queue",
              "Making payment batches")


def special(name):
    """The PDF and the export have targets of their own, not the page targets."""
    return name.startswith("Easy-read PDF") or name.startswith("Export of")


def read_tsv(path):
    if not os.path.exists(path):
        return []
    with open(path, newline="") as f:
        return [row for row in csv.reader(f, delimiter="\t")]


def parse_result(text):
    fields = {}
    for part in text.split()[1:]:
        key, _, value = part.partition("=")
        fields[key] = float(value) if value else 0.0
    return fields


def ms(microseconds):
    value = microseconds / 1000
    return f"{value:,.0f} ms" if value >= 10 else f"{value:.1f} ms"


def mb(kb):
    return f"{int(kb) / 1024:,.0f} MB"


def verdict(ok):
    return "met" if ok else "**missed**"


def report(args):
    results = defaultdict(dict)     # (pass, scale, connections) -> name -> fields
    order = []
    paths = {}
    for row in read_tsv(os.path.join(args.out, "results.tsv")):
        run, scale, connections, name, path, text, peak_kb = row
        fields = parse_result(text) if text.startswith("RESULT ") and "failed" not in text else None
        if fields is not None and fields.get("requests", 0) == 0:
            fields = None  # none finished in the time: shown as such, not as 0 ms
        if fields is not None:
            fields["peak_kb"] = float(peak_kb or 0)
        results[(run, scale, connections)][name] = fields
        if name not in order:
            order.append(name)
        paths[name] = path
    memory = {(r[0], r[1]): r[2:] for r in read_tsv(os.path.join(args.out, "memory.tsv"))}
    passes = read_tsv(os.path.join(args.out, "passes.tsv"))
    generation = read_tsv(os.path.join(args.out, "generation.tsv"))
    sizes = read_tsv(os.path.join(args.out, "sizes.tsv"))
    base, top = args.baseline, args.target
    runs = sorted({p[0] for p in passes}, key=int)

    lines = [START, "", "## Results of `bench/run.sh`", ""]
    lines.append(f"**Code:** {args.commit}. **Machine:** {args.machine}. Each page is driven for {args.seconds} s at "
                 f"1 connection and for {args.seconds} s at 32, by wrk on the same machine, after five warm-up requests; "
                 f"the portal is restarted for each pass and each scale. Load average when each part began: "
                 + ", ".join(f"pass {p[0]} scale {p[1]} at {p[3]} UTC: {p[2]}" for p in passes) + ".")
    lines.append("")
    if sizes:
        lines.append("The biggest groups measured: " + "; ".join(f"at {s[0]}x, {s[1]}" for s in sizes) + ".")
        lines.append("")
    if generation:
        lines.append("Data generated for this run: " + "; ".join(
            f"scale {g[0]} in {int(g[1]) // 60} min {int(g[1]) % 60} s, {int(g[2]) / 1024 / 1024:,.0f} MiB"
            + (f" (load average {g[3]} when it ended)" if len(g) > 3 else "") for g in generation) + ".")
        lines.append("")

    for run in runs:
        one_base = results.get((run, base, "1"), {})
        one_top = results.get((run, top, "1"), {})
        many_base = results.get((run, base, "32"), {})
        many_top = results.get((run, top, "32"), {})
        lines += [f"### Pass {run}", "", f"One connection (requests one after another). Target: the scale {top} median within "
                  f"{RATIO_TARGET} times the scale {base} median.", "",
                  f"| Page | Median at {base}x | Median at {top}x | p95 at {top}x | p99 at {top}x | Requests/s at {top}x | {top}x / {base}x |",
                  "|---|---:|---:|---:|---:|---:|---:|"]
        misses = []
        for name in order:
            b, t = one_base.get(name), one_top.get(name)
            if not b or not t:
                lines.append(f"| {name} | {'none finished' if not b else ms(b['p50'])} | {'none finished' if not t else ms(t['p50'])} | | | | |")
                misses.append(f"{name} failed")
                continue
            ratio = t["p50"] / b["p50"] if b["p50"] else float("inf")
            flag = "" if ratio <= RATIO_TARGET else " (over)"
            if ratio > RATIO_TARGET and not special(name):
                misses.append(f"{name} {ratio:.2f}")
            lines.append(f"| {name} | {ms(b['p50'])} | {ms(t['p50'])} | {ms(t['p95'])} | {ms(t['p99'])} | {t['rps']:,.1f} | {ratio:.2f}{flag} |")
        lines += ["", f"32 connections at once. Targets: p95 at most {P95_TARGET_MS} ms; a list page at least "
                  f"{LIST_SHARE_TARGET:.0%} of the bare page's throughput.", "",
                  f"| Page | Requests/s at {base}x | Requests/s at {top}x | Share of bare page | p50 | p95 | p99 | Errors |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|"]
        bare_rps = (many_top.get(BARE) or {}).get("rps", 0)
        p95_misses, share_misses = [], []
        for name in order:
            b, t = many_base.get(name), many_top.get(name)
            if not t:
                lines.append(f"| {name} | | none finished | | | | | |")
                if not special(name):
                    p95_misses.append(f"{name}: none finished")
                continue
            share = t["rps"] / bare_rps if bare_rps else 0
            errors = int(t["errors"] + t["non2xx"])
            if not special(name) and t["p95"] / 1000 > P95_TARGET_MS:
                p95_misses.append(f"{name} {ms(t['p95'])}")
            if name in LIST_PAGES and share < LIST_SHARE_TARGET:
                share_misses.append(f"{name} {share:.0%}")
            lines.append(f"| {name} | {b['rps'] if b else 0:,.1f} | {t['rps']:,.1f} | {share:.0%} | {ms(t['p50'])} | {ms(t['p95'])} | {ms(t['p99'])} | {errors} |")

        mem_base, mem_top = memory.get((run, base)), memory.get((run, top))
        lines += ["", "Memory of the portal's process (resident; the PDF browser is a separate process and not included; "
                  "the peaks are since the first export, measured alone after warming up):", "",
                  "| Scale | After warming up | Peak after one connection | Peak after 32 connections |", "|---|---:|---:|---:|"]
        for scale, m in ((base, mem_base), (top, mem_top)):
            if m:
                lines.append(f"| {scale}x | {mb(m[0])} | {mb(m[1])} | {mb(m[2])} |")

        pdf = next((one_top[n] for n in order if n.startswith("Easy-read PDF") and one_top.get(n)), None)
        export_name = next((n for n in order if n.startswith("Export of")), None)
        export = one_top.get(export_name) if export_name else None
        list_shares = [(n, many_top[n]["rps"] / bare_rps) for n in LIST_PAGES if many_top.get(n) and bare_rps]
        busiest = min(list_shares, key=lambda s: s[1]) if list_shares else None
        peak_top = int(mem_top[2]) / 1024 if mem_top else None
        def first_export(m):
            """The first export's seconds and how far it raised the peak memory (MB), measured alone after warming up."""
            return (float(m[3]), int(m[4]) / 1024) if m and len(m) > 4 else (None, None)
        first_top, export_growth = first_export(mem_top)
        first_base, export_growth_base = first_export(mem_base)
        lines += ["", f"Targets at {top}x, pass {run}:", "", "| Target | Measured | |", "|---|---|---|",
                  f"| One-connection median within {RATIO_TARGET}x of {base}x, every page | "
                  + ("all within" if not misses else "over: " + ", ".join(misses)) + f" | {verdict(not misses)} |",
                  f"| p95 at most {P95_TARGET_MS} ms at 32 connections, every page | "
                  + ("all within" if not p95_misses else "over: " + ", ".join(p95_misses)) + f" | {verdict(not p95_misses)} |",
                  f"| Busiest list page at least {LIST_SHARE_TARGET:.0%} of the bare page's throughput | "
                  + (f"lowest: {busiest[0]} {busiest[1]:.0%}" if busiest else "not measured")
                  + f" | {verdict(busiest is not None and not share_misses)} |",
                  f"| Peak memory under {MEMORY_TARGET_MB} MB | "
                  + (f"{peak_top:,.0f} MB" if peak_top else "not measured")
                  + f" | {verdict(peak_top is not None and peak_top < MEMORY_TARGET_MB)} |",
                  f"| Easy-read PDF p95 at most {PDF_P95_TARGET_MS} ms, warm browser, one at a time | "
                  + (ms(pdf["p95"]) if pdf else "failed") + f" | {verdict(pdf is not None and pdf['p95'] / 1000 <= PDF_P95_TARGET_MS)} |",
                  f"| {export_name or 'Export'} within {EXPORT_TARGET_MS / 1000:.0f} s, the first time (reading the lines, keeping the file) | "
                  + (f"{first_top * 1000:,.0f} ms; downloads after it: p50 {ms(export['p50'])}" if first_top is not None and export else "not measured")
                  + f" | {'not in this run' if first_top is None else verdict(first_top * 1000 <= EXPORT_TARGET_MS)} |",
                  "| ... in memory that does not grow with the batch | "
                  + (f"the first export raised the peak by {export_growth:,.0f} MB at {top}x and {export_growth_base:,.0f} MB at {base}x"
                     if export_growth is not None and export_growth_base is not None else "not measured")
                  + f" | {'not in this run' if export_growth is None or export_growth_base is None else verdict(export_growth <= export_growth_base + 20)} |", ""]
    lines += [END]
    return "\n".join(lines) + "\n"


def splice(target, section_file):
    with open(section_file) as f:
        section = f.read()
    with open(target) as f:
        text = f.read()
    if START in text and END in text:
        before, rest = text.split(START, 1)
        after = rest.split(END, 1)[1]
        text = before + section.rstrip("\n") + after
    else:
        text = text.rstrip("\n") + "\n\n" + section
    with open(target, "w") as f:
        f.write(text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out")
    parser.add_argument("--machine", default="")
    parser.add_argument("--commit", default="")
    parser.add_argument("--seconds", default="")
    parser.add_argument("--baseline", default="1")
    parser.add_argument("--target", default="100")
    parser.add_argument("--splice", nargs=2, metavar=("MARKDOWN", "SECTION"))
    args = parser.parse_args()
    if args.splice:
        splice(*args.splice)
    else:
        sys.stdout.write(report(args))


if __name__ == "__main__":
    main()
