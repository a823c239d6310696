#!/usr/bin/env python3
"""Source review: read the tool's source marks on news by eye, and score the judgements.

PolNeAR is US campaign politics of 2016, and every source rule was tuned on
it. This review measures the source marks (quote, named, anonymous, vague, and
each quote's speaker) on other news, judged by hand per the guideline.

Two commands:

``show [--n N] [--seed S] [--tsv OUT] FILE...``
    Draws a seeded sample of N of the files (all of them without ``--n``)
    and prints each text with the tool's source marks inline, as
    ``[[Q3: ...]]`` (Q quote, N named, A anonymous, V vague; the number is the
    mark's id), and after each paragraph one line per mark with its rule and,
    for a quote, its speaker. With ``--tsv OUT`` it also writes a judgement
    template: one row per mark, the ``judgement`` column empty.

``score JUDGED.tsv [--errors]``
    Re-runs the tool on the judged files and prints precision per kind,
    speaker accuracy and misses. A judged row says what the mark it was
    written for *should* be, so a later binary is scored against the same
    reading: a current mark takes the row it overlaps (the row with its exact
    span first, then one whose gold kind is the mark's kind); marks that
    overlap no row are listed as unjudged (judge them and add rows) and left
    out. Recall per kind is the share of gold sources of that kind that a
    current mark of that kind overlaps; a ``m:`` row that no mark of its kind
    overlaps is a miss (one under a mark of another kind is counted as that
    mark's wrong kind, not again as a miss).

Judgement file (TSV, ``#`` lines are comments)::

    file  start  end  kind  rule  speaker  judgement  note  context

``start``/``end`` are UTF-8 byte offsets, ``kind``/``rule``/``speaker`` the
tool's at the time the row was written (``-`` for no speaker). ``judgement``
is one of:

- ``y``: right (for a quote, the speaker too);
- ``k:KIND``: a source, but of kind KIND (``k:vague`` for an anonymous mark
  on "critics");
- ``n``: not a source (a group that is merely mentioned, a title in quotation
  marks, a verb that is an action);
- ``s:WHO``: a quote whose speaker should be WHO (``s:-`` when the article
  names nobody); the mark itself is right;
- ``m:KIND`` or ``m:quote:WHO``: a MISSED source, written by hand for a span
  the tool did not mark (``kind`` column ``-``);
- ``?`` or empty: not judged, left out.

``note`` is a free error class (``vague-as-anonymous``, ``speaker-pronoun``...),
counted by ``score``; ``context`` is the mark's letter and id as ``show`` printed them and a few
words of the text (corpus text:
keep judgement files outside the repository). A line ``#judged<TAB>file``
lists a judged text, so that a new tool mark in it is reported. Speakers
compare case-insensitively, and one may end the other at a word boundary
("Rep. Jane Cox" names "Jane Cox", and so does "Cox"; "Tom Cox" does not);
``WHO`` may list alternatives with ``|``.
Standard library only.
"""

import argparse
import collections
import json
import os
import random
import subprocess
import sys

KINDS = ("quote", "named", "anonymous", "vague")
LETTER = {"quote": "Q", "named": "N", "anonymous": "A", "vague": "V"}


def run_cli(cli, paths):
    """Source marks per path: {path: [mark dict]} (UTF-8 byte offsets)."""
    out = subprocess.run([cli, "--format", "json", "--only", ",".join(KINDS)] + list(paths),
                         check=True, capture_output=True, text=True).stdout
    lines = [l for l in out.splitlines() if l.strip()]
    return {p: json.loads(l)["marks"] for p, l in zip(paths, lines)}


def read_bytes(path):
    with open(path, "rb") as fh:
        b = fh.read()
    return b[3:] if b.startswith(b"\xef\xbb\xbf") else b


def speaker_of(m):
    """A quote's speaker as text ("-" for none); other marks have none."""
    sp = m.get("speaker")
    if isinstance(sp, dict):
        sp = sp.get("text")
    return sp or "-"


def one_line(s):
    return " ".join(s.split())


def show_text(path, marks):
    """The text, paragraph by paragraph, with marks inline and listed."""
    b = read_bytes(path)
    opens, closes = collections.defaultdict(list), collections.defaultdict(list)
    for m in marks:
        opens[m["start"]].append(m)
        closes[m["end"]].append(m)
    print("=" * 70)
    print("=== %s" % path)
    pos = 0
    for para in b.split(b"\n"):
        s, e = pos, pos + len(para)
        pos = e + 1
        if not para.strip():
            continue
        out, inside = [], []
        for i in range(s, e + 1):
            for m in closes.get(i, []):
                out.append(b"]]")
            # wider marks open first, so that nesting reads right
            for m in sorted(opens.get(i, []), key=lambda m: -m["end"]):
                out.append(("[[%s%d: " % (LETTER[m["kind"]], m["id"])).encode())
                inside.append(m)
            if i < e:
                out.append(b[i:i + 1])
        print(b"".join(out).decode("utf-8", "replace"))
        for m in inside:
            sp = ""
            if m["kind"] == "quote":
                sp = "  speaker=%s" % speaker_of(m)
            print("    %s%d %s%s" % (LETTER[m["kind"]], m["id"], m["rule"], sp))
        print()


def cmd_show(args):
    files = list(args.files)
    if args.n and args.n < len(files):
        files = sorted(random.Random(args.seed).sample(files, args.n))
    marks = run_cli(args.cli, files)
    tsv = open(args.tsv, "w", encoding="utf-8") if args.tsv else None
    if tsv:
        tsv.write("# file\tstart\tend\tkind\trule\tspeaker\tjudgement\tnote\tcontext\n")
    for path in files:
        show_text(path, marks[path])
        if not tsv:
            continue
        tsv.write("#judged\t%s\n" % path)
        b = read_bytes(path)
        for m in marks[path]:
            ctx = one_line(b[max(0, m["start"] - 40):m["end"] + 40].decode("utf-8", "replace"))
            tsv.write("%s\t%d\t%d\t%s\t%s\t%s\t\t\t%s\n" % (
                path, m["start"], m["end"], m["kind"], m["rule"], speaker_of(m),
                "%s%d %s" % (LETTER[m["kind"]], m["id"], ctx.replace("\t", " "))))
    print("%d files, %d marks" % (len(files), sum(len(marks[p]) for p in files)),
          file=sys.stderr)


def load_judged(path):
    """Rows with their gold kind (None: not a source) and gold speaker."""
    rows, files = [], []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.startswith("#judged\t"):
                files.append(line.rstrip("\n").split("\t")[1])
                continue
            if line.startswith("#") or not line.strip():
                continue
            f = line.rstrip("\n").split("\t")
            f += [""] * (9 - len(f))
            j = f[6].strip()
            row = {"file": f[0], "start": int(f[1]), "end": int(f[2]), "kind": f[3],
                   "speaker": f[5], "j": j, "note": f[7].strip(), "ctx": f[8], "line": n}
            if not j or j == "?":
                continue
            if j == "y":
                row["gold"], row["gold_speaker"] = f[3], f[5]
            elif j == "n":
                row["gold"], row["gold_speaker"] = None, "-"
            elif j.startswith("k:"):
                row["gold"], row["gold_speaker"] = j[2:], "-"
            elif j.startswith("s:"):
                row["gold"], row["gold_speaker"] = "quote", j[2:]
            elif j.startswith("m:"):
                parts = j[2:].split(":", 1)
                row["gold"] = parts[0]
                row["gold_speaker"] = parts[1] if len(parts) > 1 else "-"
            else:
                sys.exit("%s:%d: unknown judgement %r" % (path, n, j))
            if row["gold"] is not None and row["gold"] not in KINDS:
                sys.exit("%s:%d: unknown kind %r" % (path, n, row["gold"]))
            rows.append(row)
            if f[0] not in files:
                files.append(f[0])
    return rows, files


def same_person(tool, gold):
    """The tool's speaker names the gold one: equal, or one ends the other
    at a word boundary ("Rep. Jane Cox" and "Jane Cox"; "Cox" and "Jane Cox";
    not "Jane Cox" and "Tom Cox")."""
    t, g = " ".join(tool.lower().split()), " ".join(gold.lower().split())
    return t == g or (t != "-" and g != "-" and (t.endswith(" " + g) or g.endswith(" " + t)))


def speaker_ok(tool, row):
    """Right unless the row was judged ``s:`` for this very speaker; else
    compared with the gold speaker (``|`` separates alternatives)."""
    if row["j"].startswith("s:") and tool == row["speaker"] and not same_person(tool, row["gold_speaker"]):
        return False
    return any(same_person(tool, g) for g in row["gold_speaker"].split("|"))


def overlaps(a, m):
    return a["start"] < m["end"] and m["start"] < a["end"]


def pick_row(m, rows):
    near = [r for r in rows if overlaps(r, m)]
    for test in (lambda r: (r["start"], r["end"]) == (m["start"], m["end"]) and r["j"][:2] != "m:",
                 lambda r: r["gold"] == m["kind"] and r["j"][:2] != "m:",
                 lambda r: r["kind"] == m["kind"],
                 lambda r: r["gold"] == m["kind"]):
        hit = [r for r in near if test(r)]
        if hit:
            return hit[0]
    return None


def cmd_score(args):
    rows, files = load_judged(args.judged)
    marks = run_cli(args.cli, files)
    right, wrong = collections.Counter(), collections.Counter()
    sp_right = sp_all = 0
    classes = collections.Counter()
    unjudged, errors = [], []
    for path in files:
        frows = [r for r in rows if r["file"] == path]
        for m in marks[path]:
            r = pick_row(m, frows)
            if r is None:
                unjudged.append((path, m))
                continue
            if r["gold"] == m["kind"]:
                right[m["kind"]] += 1
                if m["kind"] == "quote" and (r["gold_speaker"] != "-" or speaker_of(m) != "-"):
                    sp_all += 1
                    if speaker_ok(speaker_of(m), r):
                        sp_right += 1
                    else:
                        classes["speaker: " + (r["note"] or "?")] += 1
                        errors.append(("SPEAKER", path, m, r))
            else:
                wrong[m["kind"]] += 1
                what = "not a source" if r["gold"] is None else "should be " + r["gold"]
                classes["%s %s: %s" % (m["kind"], what, r["note"] or "?")] += 1
                errors.append(("WRONG", path, m, r))
        for r in frows:
            if r["gold"] is None:
                continue
            if not any(m["kind"] == r["gold"] and overlaps(r, m) for m in marks[path]):
                # (A mark of another kind there is counted as wrong above.)
                what = "MISSED" if r["j"].startswith("m:") else "KIND"
                if what == "MISSED":
                    classes["missed %s: %s" % (r["gold"], r["note"] or "?")] += 1
                errors.append((what, path, None, r))
    gold_all = collections.Counter(r["gold"] for r in rows if r["gold"])
    missed = collections.Counter(e[3]["gold"] for e in errors if e[0] == "MISSED")
    unfound = collections.Counter(e[3]["gold"] for e in errors if e[0] in ("MISSED", "KIND"))
    print("texts %d  judged rows %d  marks scored %d" % (
        len(files), len(rows), sum(right.values()) + sum(wrong.values())))
    for k in KINDS:
        n = right[k] + wrong[k]
        print("%-9s precision %s  recall %s" % (
            k, "%4d/%-4d %.3f" % (right[k], n, right[k] / n) if n else "   -     ",
            "%4d/%-4d" % (gold_all[k] - unfound[k], gold_all[k]) if gold_all[k] else "-"))
    n = sum(right.values()) + sum(wrong.values())
    print("all       precision %4d/%-4d %.3f" % (sum(right.values()), n,
                                                 sum(right.values()) / n if n else 0))
    print("speakers  %d/%d right (quotes with a speaker in the tool or the text)" % (
        sp_right, sp_all))
    print("missed    %d, no mark at all (%s)" % (sum(missed.values()),
                                 ", ".join("%s %d" % kv for kv in sorted(missed.items()))))
    if unjudged:
        print("unjudged marks: %d" % len(unjudged))
        for path, m in unjudged:
            print("  ? %s %d-%d %s %s %r" % (os.path.basename(path), m["start"], m["end"],
                                             m["kind"], m["rule"], m["text"][:60]))
    print("error classes:")
    for k, v in classes.most_common():
        print("  %3d  %s" % (v, k))
    if args.errors:
        for what, path, m, r in (e for e in errors if e[0] != "KIND"):
            tool = "%s %s speaker=%s" % (m["kind"], m["rule"], speaker_of(m)) if m else "-"
            print("%-7s %s:%d [%s] gold=%s/%s (%s) | %s" % (
                what, os.path.basename(path), r["start"], tool, r["gold"] or "none",
                r["gold_speaker"], r["note"], r["ctx"][:160]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cli", default="target/release/sourcelight")
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("show", help="print texts with their source marks; --tsv writes a template")
    s.add_argument("files", nargs="+")
    s.add_argument("--n", type=int, help="sample N of the files")
    s.add_argument("--seed", type=int, default=35)
    s.add_argument("--tsv")
    c = sub.add_parser("score", help="precision per kind, speakers and misses from a judgement file")
    c.add_argument("judged")
    c.add_argument("--errors", action="store_true")
    args = ap.parse_args()
    {"show": cmd_show, "score": cmd_score}[args.cmd](args)


if __name__ == "__main__":
    main()
