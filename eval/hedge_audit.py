#!/usr/bin/env python3
"""Hedge audit: candidates for judging by eye, and precision/recall from judgements.

PolNeAR has no hedge labels, so hedges are measured against a small set of
judgements made by hand, per the guideline's hedge section, on train texts.

Two commands:

``candidates FILE...``
    Runs Sourcelight on the files and prints every sentence that holds a
    hedge mark of the tool or a candidate epistemic cue from a deliberately
    broad list (modals, likely/possibly/perhaps/..., seem/appear/suggest/
    indicate/expect/estimate/believe/think, rumour, unconfirmed, ...), with
    the tool's hedge marks inline as ``[[hedge: ...]]`` and the other
    candidates as ``{...}``. With ``--tsv OUT`` it also writes a judgement
    template: one row per candidate (see the format below), the ``gold``
    column empty, to be filled by hand. ``--blind`` hides the tool's marks
    (every candidate shown as ``{...}``, the ``tool`` column ``-``), so that
    the judging is done before the tool's answer is seen.

``score JUDGED.tsv``
    Re-runs the tool on the judged files and prints precision and recall of
    its hedge marks against the judgements. A tool mark counts as right when
    it overlaps a row judged ``h``; a ``h`` row is found when a tool mark
    overlaps it. Tool marks overlapping no judged row are listed as
    unjudged (judge them and add rows) and left out of precision.
    ``--errors`` lists every false positive and miss with its context.

Judgement file (TSV, ``#`` lines are comments), one row per candidate::

    file  start  end  cue  tool  gold  note  context

``file`` is the text's path, ``start``/``end`` UTF-8 byte offsets of the cue,
``cue`` its text, ``tool`` 1 if the tool marked it when the template was
written (informative only; ``score`` re-runs the tool), ``gold`` ``h``
(a hedge by the guideline), ``n`` (not a hedge) or ``?``/empty (not
judged: left out), ``note`` a free error class (e.g. ``deontic-should``),
``context`` the sentence (corpus text: keep judgement files outside the
repository). A line ``#judged<TAB>file`` lists a judged text, so that a text
with no candidate still counts (a new tool mark there is then reported). Standard library only.
"""

import argparse
import collections
import json
import os
import re
import subprocess
import sys

# Broad on purpose: every word that may carry epistemic doubt, whether or
# not the guideline calls it a hedge, so that misses can be seen.
CUES = r"""
may|might|could|would|should|must|ought|
may\s+have|might\s+have|could\s+have|would\s+have|must\s+have|should\s+have|
likely|unlikely|likelihood|possibly|possible|possibility|impossible|perhaps|maybe|
probably|probable|apparently|apparent|reportedly|allegedly|alleged|supposedly|
seemingly|arguably|presumably|purportedly|ostensibly|conceivably|conceivable|
potential|potentially|unclear|uncertain|uncertainty|unconfirmed|unverified|
rumou?rs?|rumou?red|speculat\w*|reputed\w*|
seems?|seemed|seeming|appears?|appeared|appearing|
suggests?|suggested|suggesting|indicates?|indicated|indicating|
expects?|expected|expecting|estimates?|estimated|
believes?|believed|thinks?|thought|suspects?|suspected|
doubts?|doubtful|assume[sd]?|presumed|reckons?|guess(?:es|ed)?|
roughly|about|around|nearly|almost|approximately|some|sort\s+of|kind\s+of|
if|whether
"""

# Too common and almost never hedges in news: listed for completeness, but
# rows are made for them only when the tool marks them.
NOISY = {"about", "around", "some", "if", "whether", "nearly", "almost", "would",
         "roughly", "must", "thought"}

CUE_RE = re.compile(
    r"\b(?:" + "|".join(p.strip() for p in CUES.replace("\n", "").split("|") if p.strip())
    + r")\b",
    re.IGNORECASE,
)

SENT_RE = re.compile(r"[^\n]+?(?:[.!?][\"”’']*(?=\s)|\n|$)")


def read_text(path):
    with open(path, encoding="utf-8") as fh:
        t = fh.read()
    return t[1:] if t.startswith("\ufeff") else t


def run_cli(cli, paths):
    """Hedge marks per path: {path: [(start, end, text, rule)]} (byte offsets)."""
    out = subprocess.run([cli, "--format", "json", "--only", "hedge"] + list(paths),
                         check=True, capture_output=True, text=True).stdout
    res = {}
    for path, line in zip(paths, [l for l in out.splitlines() if l.strip()]):
        doc = json.loads(line)
        res[path] = [(m["start"], m["end"], m["text"], m["rule"])
                     for m in doc["marks"] if m["kind"] == "hedge"]
    return res


def sentences(b):
    """(start, end) byte spans of rough sentences in the UTF-8 bytes `b`."""
    text = b.decode("utf-8")
    return [(len(text[:m.start()].encode("utf-8")), len(text[:m.end()].encode("utf-8")))
            for m in SENT_RE.finditer(text)]


def candidates(path, marks):
    """Rows (start, end, cue, tool) for one text, sorted."""
    text = read_text(path)
    b = text.encode("utf-8")
    rows = [(s, e, b[s:e].decode("utf-8"), 1) for s, e, _, _ in marks]
    for m in CUE_RE.finditer(text):
        if m.group(0).lower() in NOISY:
            continue
        s = len(text[:m.start()].encode("utf-8"))
        e = s + len(m.group(0).encode("utf-8"))
        if any(s < me and ms < e for ms, me, _, _ in marks):
            continue
        rows.append((s, e, m.group(0), 0))
    rows.sort()
    return b, rows


def show(b, s, e, rows, blind=False):
    """The sentence b[s:e] with tool marks as [[hedge: ]] and cues as {};
    with `blind`, tool marks look like any other cue ({})."""
    out, pos = [], s
    for rs, re_, cue, tool in rows:
        if rs < s or re_ > e or rs < pos:
            continue
        out.append(b[pos:rs].decode("utf-8", "replace"))
        out.append(("[[hedge: %s]]" if tool and not blind else "{%s}")
                   % b[rs:re_].decode("utf-8", "replace"))
        pos = re_
    out.append(b[pos:e].decode("utf-8", "replace"))
    return "".join(out).strip()


def cmd_candidates(args):
    marks = run_cli(args.cli, args.files)
    tsv = open(args.tsv, "w", encoding="utf-8") if args.tsv else None
    if tsv:
        tsv.write("# file\tstart\tend\tcue\ttool\tgold\tnote\tcontext\n")
        for path in args.files:
            tsv.write("#judged\t%s\n" % path)
    total = 0
    for path in args.files:
        b, rows = candidates(path, marks[path])
        print("=== %s" % os.path.basename(path))
        for s, e in sentences(b):
            inside = [r for r in rows if s <= r[0] < e]
            if not inside:
                continue
            print("  " + show(b, s, e, rows, args.blind))
            for rs, re_, cue, tool in inside:
                total += 1
                if tsv:
                    ctx = show(b, s, e, rows, args.blind).replace("\t", " ").replace("\n", " ")
                    tsv.write("%s\t%d\t%d\t%s\t%s\t\t\t%s\n"
                              % (path, rs, re_, cue, "-" if args.blind else tool, ctx))
    print("%d candidates in %d files" % (total, len(args.files)), file=sys.stderr)


def load_judged(path):
    rows, files = [], set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#judged\t"):
                files.add(line.rstrip("\n").split("\t")[1])
                continue
            if line.startswith("#") or not line.strip():
                continue
            f = line.rstrip("\n").split("\t")
            f += [""] * (8 - len(f))
            rows.append({"file": f[0], "start": int(f[1]), "end": int(f[2]), "cue": f[3],
                         "gold": f[5].strip().lower(), "note": f[6].strip(), "ctx": f[7]})
            files.add(f[0])
    return rows, files


def cmd_score(args):
    rows, files = load_judged(args.judged)
    files = sorted(files)
    marks = run_cli(args.cli, files)
    tp = fp = fn = 0
    unjudged, fps, fns = [], [], []
    classes = collections.Counter()
    for path in files:
        judged = [r for r in rows if r["file"] == path and r["gold"] in ("h", "n")]
        ms = marks[path]
        for ms_, me, text, rule in ms:
            hit = [r for r in judged if r["start"] < me and ms_ < r["end"]]
            if not hit:
                unjudged.append((path, ms_, me, text))
            elif any(r["gold"] == "h" for r in hit):
                tp += 1
            else:
                fp += 1
                fps.append((path, ms_, me, text, hit[0]))
                classes["FP " + (hit[0]["note"] or "?")] += 1
        for r in judged:
            if r["gold"] != "h":
                continue
            if not any(r["start"] < me and ms_ < r["end"] for ms_, me, _, _ in ms):
                fn += 1
                fns.append(r)
                classes["FN " + (r["note"] or "?")] += 1
    gold_h = sum(1 for r in rows if r["gold"] == "h")
    p = tp / (tp + fp) if tp + fp else 0.0
    # recall over gold rows: a row is found when any tool mark overlaps it
    found = gold_h - fn
    r = found / gold_h if gold_h else 0.0
    print("files %d  judged rows %d  gold hedges %d" % (
        len(files), sum(1 for x in rows if x["gold"] in ("h", "n")), gold_h))
    print("tool hedge marks judged %d: right %d, wrong %d" % (tp + fp, tp, fp))
    print("precision %.3f  recall %.3f (%d of %d gold hedges marked)" % (p, r, found, gold_h))
    if unjudged:
        print("unjudged tool marks: %d" % len(unjudged))
        for u in unjudged:
            print("  ? %s %d-%d %s" % (os.path.basename(u[0]), u[1], u[2], u[3]))
    print("error classes:")
    for k, v in classes.most_common():
        print("  %3d  %s" % (v, k))
    if args.errors:
        for path, s, e, text, hit in fps:
            print("FP %-14s %s: %s" % (hit["note"], os.path.basename(path), hit["ctx"]))
        for x in fns:
            print("FN %-14s %s: [%s] %s" % (x["note"], os.path.basename(x["file"]), x["cue"], x["ctx"]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cli", default="target/release/sourcelight")
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("candidates", help="print candidate sentences; --tsv writes a template")
    c.add_argument("files", nargs="+")
    c.add_argument("--tsv")
    c.add_argument("--blind", action="store_true",
                   help="hide the tool's marks: every candidate shown as {...}, tool column '-'"
                   " (judge first, then score)")
    s = sub.add_parser("score", help="precision/recall from a judgement file")
    s.add_argument("judged")
    s.add_argument("--errors", action="store_true")
    args = ap.parse_args()
    {"candidates": cmd_candidates, "score": cmd_score}[args.cmd](args)


if __name__ == "__main__":
    main()
