#!/usr/bin/env python3
"""Do hard-wrapped copies of articles get the marks of the unwrapped article?

    python3 eval/wrap_invariance.py --cli BIN DIR... [--widths 60,72,80] [--show N]

Each DIR holds articles as .txt files (or a text/ subfolder of them) whose
paragraphs are separated by blank lines. Each paragraph is put on one line
(its ASCII white space collapsed), which is the unwrapped article; then
every paragraph is hard-wrapped with Python's textwrap at each width (greedy
fill, as mail clients and wire copy do). All copies are analysed with the
CLI, and each wrapped copy's marks (kind, rule, speaker and text with white
space collapsed) are compared with the unwrapped one's. Prints how many articles differ at any width, and the first few
differences. Nothing is written outside a temporary folder.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import textwrap


def files_in(d):
    if os.path.isdir(os.path.join(d, "text")):
        d = os.path.join(d, "text")
    return sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith(".txt"))


def paragraphs(text):
    """The article's paragraphs (split at blank lines), each on one line."""
    paras = re.split(r"\n[ \t\r]*\n", text)
    return [re.sub(r"[ \t\n\r\x0b\x0c]+", " ", p).strip() for p in paras]


def wrap(text, width):
    if not width:
        return "\n\n".join(paragraphs(text))
    return "\n\n".join(
        textwrap.fill(p, width=width, break_long_words=False, break_on_hyphens=False)
        for p in paragraphs(text)
    )


def marks(doc):
    return sorted(
        (
            m["kind"],
            m["rule"],
            " ".join((m.get("speaker") or {}).get("text", "").split()),
            " ".join(m["text"].split()),
        )
        for m in doc["marks"]
    )


def run(cli, paths):
    out = subprocess.run(
        [cli, "--format", "json", *paths], capture_output=True, text=True, check=True
    ).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--widths", default="60,72,80")
    ap.add_argument("--show", type=int, default=5)
    ap.add_argument("dirs", nargs="+")
    a = ap.parse_args()
    widths = [int(w) for w in a.widths.split(",")]
    paths = [p for d in a.dirs for p in files_in(d)]
    differ = {}
    with tempfile.TemporaryDirectory() as tmp:
        base = None
        for w in [0, *widths]:
            wrapped = []
            for i, p in enumerate(paths):
                with open(p, encoding="utf-8") as f:
                    text = f.read()
                q = os.path.join(tmp, f"{i}-{w}.txt")
                with open(q, "w", encoding="utf-8") as f:
                    f.write(wrap(text, w))
                wrapped.append(q)
            if base is None:
                base = run(a.cli, wrapped)
                continue
            for p, b, d in zip(paths, base, run(a.cli, wrapped)):
                mb, md = marks(b), marks(d)
                if mb != md:
                    only_b = [m for m in mb if m not in md]
                    only_d = [m for m in md if m not in mb]
                    differ.setdefault(p, []).append((w, only_b, only_d))
    print(f"{len(differ)} of {len(paths)} articles differ at some width ({a.widths})")
    for p, ds in list(differ.items())[: a.show]:
        print(os.path.basename(p))
        for w, ob, od in ds:
            for m in ob[:3]:
                print(f"  {w}: - {m}")
            for m in od[:3]:
                print(f"  {w}: + {m}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
