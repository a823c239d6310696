#!/usr/bin/env python3
"""Plain news text from two tagged corpora that NLTK distributes, for
hedge audits on articles PolNeAR does not hold.

PolNeAR's train and dev articles have all been drawn for the hedge audit
(see eval/README.md), and its test split is held out, so a later audit
needs other news. Two tagged corpora in NLTK's data collection hold news
under terms that allow research and development:

- MASC (``masc_tagged.zip``, the American National Corpus): its
  ``newspaper`` category, Wall Street Journal, New York Times and
  Associated Press stories from 1989 to 2002, one ``word_TAG`` token
  stream per file;
- the Brown Corpus (``brown.zip``): its ``news`` (press reportage) and
  ``editorial`` categories, American newspapers of 1961, ``word/tag``
  tokens.

Both are tokenised, so the text is put back together here: a space
between tokens except before closing punctuation and clitics ("n't",
"'s") and after opening brackets; straight double quotes (MASC) and
Brown's ```` `` ```` / ``''`` become curly quotes, opening and closing in
turn within a paragraph; a lone hyphen between two words joins them
("year - end" → "year-end"); Brown's doubled "??", "!!", ";;" and
"::" are single again. The result reads as ordinary prose. It is
not the original typography, which is why it serves hedge audits only
(hedges are words; quote and speaker marks are scored on PolNeAR).

Usage::

    python3 eval/nltk_news.py MASC_ZIP BROWN_ZIP OUT_DIR

writes ``masc-<name>.txt`` and ``brown-<name>.txt`` into OUT_DIR. The
corpora's text is not part of this repository: keep OUT_DIR outside it.
Standard library only.
"""

import os
import re
import sys
import zipfile

NO_SPACE_BEFORE = {",", ".", ";", ":", "?", "!", ")", "]", "}", "%", "...",
                   "n't", "'s", "'re", "'ve", "'ll", "'d", "'m", "'"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "#"}


def join(tokens):
    """Tokens of one paragraph back into text ("``"/"''"/'"' are quote
    marks, opening and closing in turn)."""
    out = []
    glue = True  # no space before the next token
    open_quote = False
    for k, tok in enumerate(tokens):
        # Brown doubles sentence-final "?", "!", ";" and ":" ("?/. ?/.");
        # an abbreviation's full stop also ends its sentence ("Jr. .").
        if tok in ("?", "!", ";", ":") and k and tokens[k - 1] == tok \
                or tok == "." and out and out[-1].endswith("."):
            continue
        if tok in ("``", "''", '"'):
            if tok == "``" or (tok == '"' and not open_quote):
                if not glue:
                    out.append(" ")
                out.append("\u201c")
                open_quote, glue = True, True
            else:
                out.append("\u201d")
                open_quote, glue = False, False
            continue
        if tok == "-" and out and k + 1 < len(tokens) \
                and re.match(r"\w", tokens[k + 1]) and re.search(r"\w$", out[-1]):
            out.append("-")
            glue = True
            continue
        if not glue and tok not in NO_SPACE_BEFORE:
            out.append(" ")
        out.append(tok)
        glue = tok in NO_SPACE_AFTER
    return "".join(out)


def masc(zf):
    cats = zf.read("masc_tagged/categories.txt").decode("utf-8")
    for line in cats.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[1] == "newspaper":
            raw = zf.read("masc_tagged/" + parts[0]).decode("utf-8", "replace")
            paragraphs = []
            for para in re.split(r"\n\s*\n", raw):
                toks = [t.rsplit("_", 1)[0] for t in para.split() if "_" in t]
                if toks:
                    paragraphs.append(join(toks))
            name = os.path.splitext(os.path.basename(parts[0]))[0]
            yield "masc-" + name, "\n\n".join(paragraphs) + "\n"


def brown(zf):
    cats = zf.read("brown/cats.txt").decode("utf-8")
    for line in cats.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[1] in ("news", "editorial"):
            raw = zf.read("brown/" + parts[0]).decode("latin-1")
            paragraphs = []
            for para in re.split(r"\n\s*\n", raw):
                toks = [t.rsplit("/", 1)[0] for t in para.split() if "/" in t]
                if toks:
                    paragraphs.append(join(toks))
            yield "brown-" + parts[0], "\n\n".join(paragraphs) + "\n"


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: nltk_news.py MASC_ZIP BROWN_ZIP OUT_DIR")
    out = sys.argv[3]
    os.makedirs(out, exist_ok=True)
    n = 0
    with zipfile.ZipFile(sys.argv[1]) as zm, zipfile.ZipFile(sys.argv[2]) as zb:
        for name, text in list(masc(zm)) + list(brown(zb)):
            with open(os.path.join(out, name + ".txt"), "w", encoding="utf-8") as f:
                f.write(text)
            n += 1
    print(f"{n} texts written to {out}")


if __name__ == "__main__":
    main()
