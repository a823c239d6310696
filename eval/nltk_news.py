#!/usr/bin/env python3
"""Plain news text from corpora that NLTK distributes, for hedge audits on
articles PolNeAR does not hold.

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

- the NIST 1999 IE-ER sample (``ieer.zip``): New York Times and
  Associated Press newswire of March and April 1998 (94 stories), raw
  text with entity tags, which are stripped; lines are joined within a
  paragraph and ```` `` ````/``''`` become curly quotes;
- the Penn Treebank sample (``treebank.zip``): 199 Wall Street Journal
  stories of 1989 as raw text (``treebank/raw``). 34 of them are also in
  MASC's newspaper category and were drawn with it, so later audits leave
  those out when sampling;
- the Australian Broadcasting Commission's 2006 news (``abc.zip``): rural
  and science news as plain text, one line per paragraph, stories
  separated by a blank line and a headline. Science stories are written
  one to a file; rural stories are short (about 700 bytes), so four
  consecutive blocks go to a file. A block that is a story's second
  section (under a sub-heading) is simply the next block.

MASC and Brown are tokenised, so their text is put back together here: a space
between tokens except before closing punctuation and clitics ("n't",
"'s") and after opening brackets; straight double quotes (MASC) and
Brown's ```` `` ```` / ``''`` become curly quotes, opening and closing in
turn within a paragraph; a lone hyphen between two words joins them
("year - end" → "year-end"); Brown's doubled "??", "!!", ";;" and
"::" are single again. The result reads as ordinary prose. It is
not the original typography, which is why it serves hedge audits only
(hedges are words; quote and speaker marks are scored on PolNeAR).

Usage::

    python3 eval/nltk_news.py ZIP... OUT_DIR

Each zip is recognised by its top folder (``masc_tagged``, ``brown``,
``ieer``, ``abc``, ``treebank``) and writes ``masc-<name>.txt``,
``brown-<name>.txt``, ``ieer-<docno>.txt``, ``abc-science-NNNN.txt``,
``abc-rural-NNNN.txt`` and ``treebank-wsj_NNNN.txt`` into OUT_DIR. The
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


def untag(text):
    """IE-ER's entity, time and number tags out (``<b_enamex type="PERSON">``,
    ``<e_enamex>``), their words kept; the editors' notes out whole
    (``<ANNOTATION> (STORY CAN END HERE …) </ANNOTATION>``)."""
    text = re.sub(r"<ANNOTATION>.*?</ANNOTATION>", "\n\t", text, flags=re.S)
    return re.sub(r"<[be]_\w+(?: [^>]*)?>", "", text)


def ieer(zf):
    for member in sorted(zf.namelist()):
        if not re.match(r"ieer/(APW|NYT)_\d+$", member):
            continue
        raw = zf.read(member).decode("utf-8", "replace")
        for doc in re.findall(r"<DOC>(.*?)</DOC>", raw, re.S):
            docno = re.search(r"<DOCNO>\s*(\S+)\s*</DOCNO>", doc).group(1)
            body = re.search(r"<TEXT>(.*?)</TEXT>", doc, re.S)
            if not body:
                continue
            head = re.search(r"<HEADLINE>(.*?)</HEADLINE>", doc, re.S)
            text = untag(body.group(1))
            # A paragraph starts with a tab; lines inside one are joined.
            paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\t", "\n" + text)]
            if head and head.group(1).strip():
                paragraphs.insert(0, " ".join(untag(head.group(1)).split()).capitalize())
            joined = "\n\n".join(p for p in paragraphs if p)
            joined = joined.replace("``", "\u201c").replace("''", "\u201d")
            yield "ieer-" + docno, joined + "\n"


def abc(zf):
    for part, per_file in (("science", 1), ("rural", 4)):
        raw = zf.read(f"abc/{part}.txt").decode("latin-1").replace("\r\n", "\n")
        blocks = [b.strip() for b in re.split(r"\n\s*\n", raw) if b.strip()]
        for k in range(0, len(blocks), per_file):
            yield f"abc-{part}-{k // per_file:04d}", "\n\n".join(blocks[k:k + per_file]) + "\n"


def treebank(zf):
    """The Penn Treebank sample's raw Wall Street Journal text: one file a
    story, a ``.START`` line first, paragraphs apart by a blank line and one
    sentence a line within them (joined here). Its straight quote marks are
    kept as they are."""
    for member in sorted(zf.namelist()):
        if not re.match(r"treebank/raw/wsj_\d+$", member):
            continue
        raw = zf.read(member).decode("latin-1").replace(".START", "", 1)
        paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", raw)]
        name = "treebank-" + member.rsplit("/", 1)[1]
        yield name, "\n\n".join(p for p in paragraphs if p) + "\n"


READERS = {"masc_tagged": masc, "brown": brown, "ieer": ieer, "abc": abc,
           "treebank": treebank}


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: nltk_news.py ZIP... OUT_DIR (zips: masc_tagged, brown, ieer, abc, treebank)")
    out = sys.argv[-1]
    os.makedirs(out, exist_ok=True)
    n = 0
    for path in sys.argv[1:-1]:
        with zipfile.ZipFile(path) as zf:
            top = zf.namelist()[0].split("/")[0]
            if top not in READERS:
                sys.exit(f"{path}: not one of the known corpora ({', '.join(READERS)})")
            for name, text in READERS[top](zf):
                with open(os.path.join(out, name + ".txt"), "w", encoding="utf-8") as f:
                    f.write(text)
                n += 1
    print(f"{n} texts written to {out}")


if __name__ == "__main__":
    main()
