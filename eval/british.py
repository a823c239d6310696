#!/usr/bin/env python3
"""British-style quote marks on real news: does a quote survive the swap?

British papers put quotes in single marks (‘We will not sign,’ the minister
said), and telling a closing single mark from an apostrophe is the hard part
of finding them (guideline, "Direct quotes"). PolNeAR is US news, so its
quotes are in double marks. This check turns PolNeAR articles into British
style and asks Sourcelight to find the same quotes in both versions:

1. From the given split directories (``data/dev``, ``data/train``; never the
   held-out test split), take every text whose only quote marks are curly
   double ones: it holds “ and no ‘, no straight ", and no doubled
   apostrophes ('' as a quote mark). The curly single ’ such a text holds is
   an apostrophe.
2. Swap every “ for ‘ and every ” for ’, which changes no offset (the marks
   are all three bytes in UTF-8). The swapped copies go to a temporary
   directory that is deleted afterwards; nothing is written elsewhere.
3. Run the CLI (``--format json``) on both versions and compare the quote
   marks: the same span in both is a quote kept; a span only in the
   original is a quote lost to the swap (a closing mark read as an
   apostrophe, or an apostrophe read as a closing mark, so that the quote
   ends elsewhere); a span only in the swapped text is a wrong one. For
   quotes kept, the speakers are compared too.

The original's marks are the reference, not gold: the figure says how much
of the tool's US-style quote finding carries over to single marks, with the
same words, the same apostrophes and the same sentences.

Usage::

    cargo build --release
    python3 eval/british.py /somewhere/PolNeAR/data/dev /somewhere/PolNeAR/data/train
    python3 eval/british.py DIR... --examples   # print every difference

Options: ``--cli PATH`` (default ``target/release/sourcelight``),
``--examples`` (each lost, wrong and re-credited quote with some context,
printed to the terminal only: corpus text is never to be committed).
Python 3.11, standard library only.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile


def eligible(text: str) -> bool:
    """Only curly double marks open quotes in `text` (see the module doc)."""
    return "“" in text and "‘" not in text and '"' not in text and "''" not in text


def british(text: str) -> str:
    """The curly double marks of `text` swapped for curly single ones."""
    return text.replace("“", "‘").replace("”", "’")


def quotes(cli: str, paths: list[str]) -> list[dict]:
    """Per path, its quote marks keyed by (start, end) in UTF-8 bytes."""
    out = subprocess.run(
        [cli, "--format", "json", *paths], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    if len(out) != len(paths):
        sys.exit(f"expected {len(paths)} JSON lines from {cli}, got {len(out)}")
    return [
        {(m["start"], m["end"]): m for m in json.loads(line)["marks"] if m["kind"] == "quote"}
        for line in out
    ]


def speaker(mark: dict) -> str:
    return (mark.get("speaker") or {}).get("text") or ""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("splits", nargs="+", help="PolNeAR split directories (dev, train)")
    ap.add_argument("--cli", default="target/release/sourcelight")
    ap.add_argument("--examples", action="store_true")
    args = ap.parse_args()
    if any(os.path.basename(os.path.normpath(s)) == "test" for s in args.splits):
        sys.exit("the test split is held out: use dev and train only")

    originals = []
    for split in args.splits:
        folder = os.path.join(split, "text")
        for name in sorted(os.listdir(folder)):
            if name.endswith(".txt"):
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8") as f:
                    if eligible(f.read()):
                        originals.append(path)
    if not originals:
        sys.exit("no text with curly double marks only")

    with tempfile.TemporaryDirectory() as tmp:
        swapped = []
        for i, path in enumerate(originals):
            with open(path, encoding="utf-8") as f:
                text = british(f.read())
            copy = os.path.join(tmp, f"{i:05}-{os.path.basename(path)}")
            with open(copy, "w", encoding="utf-8") as f:
                f.write(text)
            swapped.append(copy)
        before = quotes(args.cli, originals)
        after = quotes(args.cli, swapped)
        texts = []
        for copy in swapped:
            with open(copy, "rb") as f:
                texts.append(f.read())

    total = kept = same_speaker = 0
    lost, wrong, recredited = [], [], []
    for path, text, a, b in zip(originals, texts, before, after):
        def context(span):
            s, e = span
            return text[max(0, s - 60) : e + 30].decode("utf-8", "replace").replace("\n", " ⏎ ")

        for span, mark in a.items():
            total += 1
            if span in b:
                kept += 1
                if speaker(mark) == speaker(b[span]):
                    same_speaker += 1
                else:
                    recredited.append((path, speaker(mark), speaker(b[span]), context(span)))
            else:
                lost.append((path, context(span)))
        wrong.extend((path, context(span)) for span in b if span not in a)

    print(f"| British-style swap of {len(originals)} texts | count | share |")
    print("|---|---|---|")
    print(f"| quotes in the originals | {total} | |")
    print(f"| found at the same place after the swap | {kept} | {kept / total:.3f} |")
    print(f"|   with the same speaker | {same_speaker} | {same_speaker / total:.3f} |")
    print(f"| lost to the swap | {len(lost)} | {len(lost) / total:.3f} |")
    print(f"| spans found only after the swap | {len(wrong)} | |")
    if args.examples:
        for path, ctx in lost:
            print(f"LOST  {os.path.basename(path)[:40]}  …{ctx}…")
        for path, ctx in wrong:
            print(f"WRONG {os.path.basename(path)[:40]}  …{ctx}…")
        for path, s1, s2, ctx in recredited:
            print(f"SPEAKER {os.path.basename(path)[:40]}  {s1!r} -> {s2!r}  …{ctx}…")


if __name__ == "__main__":
    main()
