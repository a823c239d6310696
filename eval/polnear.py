#!/usr/bin/env python3
"""Score Sourcelight against PolNeAR attributions (train and dev splits).

PolNeAR (Political News Attribution Relations corpus,
https://github.com/networkdynamics/PolNeAR) annotates attributions in US
election news of 2015-16: a Source span, a Cue span and a Content span, tied
by a brat event line.  It does not annotate Sourcelight's marks directly, so
this harness converts its attributions into the guideline's terms.  Every
conversion below is a choice; the choices are written down here so that a
figure can be read with its definition.

Input
-----
A split directory (``data/dev`` or ``data/train`` of a PolNeAR checkout)
holding ``text/*.txt`` and ``attributions/*.ann`` (brat standoff).  Offsets
in the .ann files are Unicode character offsets into the .txt file (checked:
every single-fragment T span's text equals ``text[start:end]`` in characters,
not in bytes).  Sourcelight's JSON gives UTF-8 byte offsets; they are
converted to characters here.  Discontinuous T spans (``s e;s e``) are kept as
fragments.  A few articles were annotated by several annotators (several
``<article>_<annotator>.ann`` files); the alphabetically first file is used,
so each article counts once.  Discuss/Discard spans and annotator notes are
ignored.  Attributions come from the E lines: roles Source, Cue, Content
(and Content2, a second content piece).

Sourcelight is run once for all texts of a split (``--format json`` with
several files gives JSON Lines, one document per line, in order).

a. Direct quotes
----------------
Quotation spans are found in the text by a simple scanner: within a
paragraph (text between blank lines, or line breaks), an opening “ or " opens
a quotation and the next ” or " closes it, marks included.  An opening mark
without a close runs to the end of the paragraph (the multi-paragraph
convention).  A “ inside an open quotation restarts it.  Only double marks
are used as outer marks, with one exception: PolNeAR is US news, where
single marks are nested quotes or headline quotes, so a single-mark quotation
(‘ ’ or straight ') outside any double one is scanned too — headlines and
subheads ("Flynn says Trump 'absolutely right'", "'Coal Isn't the
Villain.'"; until round 5 the scanner saw only curly singles, and such a
mark counted as an error although 7 of dev's 11 lie in a gold Content); a
single-mark quote inside a double one is part of the double one (maximal
spans).  Gold quotes are the scanned quotations that
lie mostly (at least half of their characters) inside the Content span(s) of
one attribution; that attribution gives the gold speaker.  Quotations outside
every Content span are scare quotes, titles, slogans and quotes PolNeAR left
unannotated; the guideline still calls scare quotes quotes (rule
``quote/scare``, no speaker), so they are not gold but are not errors either.

* recall: gold quotes overlapped by at least one Sourcelight quote mark.
* precision (attributed): Sourcelight quote marks that overlap a gold quote.
* precision (any quotation): quote marks that overlap any scanned quotation
  (gold or not).  The gap between the two is quote marks on scare quotes,
  titles and unannotated quotes, which the guideline allows; a quote mark
  that overlaps no quotation at all is a plain error (apostrophes, single
  marks).  Which of the two precisions is "fair" depends on whether one
  counts scare quotes as quotes; both are printed.
* precision, quotes given as someone's words: as "attributed", over the
  quote marks that are not ``quote/scare``.  This is the figure the
  guideline's split asks for: a scare-quote mark tells the reader the
  article does not present the words as anyone's, so it claims no speaker
  and is not an error on an unattributed quotation.  Printed beside it:
  the share of quote marks that are scare quotes, and how many of those
  lie on a gold quotation (a real quote the tool called a scare quote:
  that cost shows up there, and in the speaker figures).

b. Speakers
-----------
For each gold quote that Sourcelight marks (the overlapping quote mark with
the largest overlap) and whose attribution has a Source: the predicted
speaker is right when the last word of its text (the surname, or the head of
"a senior official"), lower-cased and without a possessive (on either
side), occurs as a word in the gold Source text.  No speaker counts as
wrong.  A quote credited only to a vague group ("“…,” critics said") has
the group's words as its speaker text and the kind "unknown" (nobody in
particular can be asked); it is scored by its text like any other, since
the tool does say whom the article credits.  When the
gold Source is only a pronoun (PolNeAR marks "he" in "he said"), the surname
test cannot apply; those quotes are reported apart, with an approximate
check: the pronoun is resolved to the nearest preceding gold Source in the
article that contains a capitalised word, and the same surname test is made
against it.  That resolution is a harness heuristic, not gold.

PolNeAR annotates only the outermost attribution of a span, so in "“…,”
Sanders said, according to CNN" the gold Source is CNN, while the
guideline's speaker is the person quoted.  A predicted speaker that is
credited with the quote by an attribution right beside it inside the gold
Content (see ``nested_speaker``) counts as right; how many are printed,
and ``--examples`` lists them under an audit cause.

c. Sources of saying verbs
--------------------------
Gold: attributions with a Source whose Cue contains a verb of saying, i.e. a
word whose lemma is the lemma of an entry in ``eval/saying_verbs.txt`` (a
frozen copy of Sourcelight's own ``src/lexicon/reporting_verbs.txt`` as of
commit 5965e84, so the yardstick does not move when the tool's list grows;
inflections generated by suffix rules
and a few irregular forms: said, told, wrote, spoke), a multi-word entry
("according to", "pointed out") or "according to".  Predicted: Sourcelight
marks of kind named, anonymous or vague (the span covers source and verb).

* recall: gold Sources (saying cues) overlapped by a predicted mark.  A
  Source whose cue is a question or a negation (ask, wonder; not, n't,
  never: "lawmakers asked", "did not respond", "has never said") is left
  out: the guideline marks no source there ("officials have not
  commented"); its recall is printed apart, as the class "not a source of
  a claim".
* precision: predicted marks that overlap some gold Source span of any
  attribution, whatever its cue (PolNeAR also marks belief, intention and
  other cues; the guideline's vague kind includes "some believe").
  PolNeAR's attributions are univocal: an attribution inside another's
  Content (a nested "he said" inside a reported speech) is not annotated, so
  a predicted mark inside a gold Content span is counted wrong but reported
  as its own cause.
* also printed: recall over all gold Sources whatever the cue, split by
  whether the cue is a saying verb in the list.

d. Unnamed-person sources
-------------------------
Gold Sources of saying verbs are put into classes by a heuristic that reads
the Source text only:

* pronoun: the Source is a personal pronoun.
* poll share: a share of poll respondents ("46 percent of voters", "about
  four in 10", "nearly half"); the poll is the source, and the guideline has
  no unnamed person here to mark anonymous.  Scored for recall only.
* named: it has a capitalised word that is not the first word of a sentence
  (so "Republican officials" counts as named: a known weakness).
* institution: its head word (the last word before who/that/familiar/close/
  with/of/for/from/in/at/on/to/a comma) is an entry of
  ``eval/institutions.txt`` (a frozen copy of Sourcelight's
  ``src/lexicon/institutions.txt`` as of commit 5965e84) or of a short extra list of document and
  organisation words (poll, memo, email, letter, book, article, ...).
* vague group: it starts with, or its head is, a word the guideline gives as
  vague (some, many, other, others, most, critics, analysts, experts,
  observers, ...) or a group of opinion or expertise like them (scientists,
  economists, specialists, forecasters, opponents, supporters, companies,
  ...): the guideline's "experts warn" is vague, its "officials warn"
  anonymous.
* not a source of a claim: kin ("his wife warned him"), people asking
  questions ("a reporter asked if", "callers asked", and any source whose
  cue is ask or wonder), negations ("nobody", "neither side", and any cue
  with not, n't or never: "lawmakers have not said") and things that are not documents ("a sign saying",
  "stories have emerged"): the guideline marks none of them.  Recall only.
* unnamed person: a phrase with a noun for people before its first
  who/that/of/… ("a senior official", "two people familiar with",
  "officials", "sources", "demonstrators"): a word of
  ``eval/person_nouns.txt``, a frozen list of 235 nouns for people written
  from general English (roles, occupations, participants, relations), or its
  plural.
* other: everything else (things and events the annotators gave as sources,
  "a raft of new emissions rules that promise", "Her submission to the court
  noted"; surnames the vocabulary test takes for common words, "Small said";
  markup left in the text, ``author="…"``; debris). Until round 5 these were
  part of "unnamed person"; that catch-all figure is still printed, as
  "unnamed person or other", so the rounds stay comparable.

Score: of the unnamed-person Sources, the fraction whose overlapping
predicted mark is of kind anonymous (also printed: vague, named, none); of
the vague-group Sources, the fraction marked vague.  The heuristic is crude;
``--class-samples`` prints sampled gold items of each class so a person can
check it.

e. Hedges
---------
PolNeAR has no hedge (or factuality) labels; hedges are not scored.

Usage::

    python3 eval/polnear.py [--cli target/release/sourcelight] SPLIT_DIR...
        [--json OUT.json] [--examples N] [--class-samples N]

``SPLIT_DIR`` defaults to ``$POLNEAR_DIR/data/dev``.  Examples are printed to
the terminal only; they quote corpus text, which must not be committed.
"""

import argparse
import bisect
import collections
import json
import os
import random
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)

# --------------------------------------------------------------------------
# Corpus reading


def read_split(split_dir):
    """Return a list of documents: dict(name, path, text, attrs)."""
    text_dir = os.path.join(split_dir, "text")
    ann_dir = os.path.join(split_dir, "attributions")
    anns = collections.defaultdict(list)
    for f in sorted(os.listdir(ann_dir)):
        m = re.match(r"(.*)_[0-9a-f]+\.ann$", f)
        if m:
            anns[m.group(1)].append(f)
    docs = []
    for f in sorted(os.listdir(text_dir)):
        if not f.endswith(".txt"):
            continue
        name = f[:-4]
        path = os.path.join(text_dir, f)
        with open(path, encoding="utf-8", newline="") as fh:
            text = fh.read()
        attrs = []
        if anns.get(name):
            attrs = parse_ann(os.path.join(ann_dir, sorted(anns[name])[0]), text)
        docs.append({"name": name, "path": path, "text": text, "attrs": attrs})
    return docs


def parse_ann(path, text):
    spans = {}
    events = []
    with open(path, encoding="utf-8", newline="") as fh:
        for line in fh:
            line = line.rstrip("\r\n")
            m = re.match(r"(T\d+)\t(\S+) ([\d; ]+)\t", line)
            if m:
                frags = []
                for part in m.group(3).split(";"):
                    s, e = map(int, part.split())
                    frags.append((s, e))
                spans[m.group(1)] = (m.group(2), frags)
                continue
            m = re.match(r"(E\d+)\t(.*)", line)
            if m:
                events.append(m.group(2).split())
    attrs = []
    for ev in events:
        roles = collections.defaultdict(list)
        for arg in ev:
            if ":" not in arg:
                continue
            role, tid = arg.split(":", 1)
            if tid not in spans:
                continue
            base = re.sub(r"\d+$", "", role)
            if base.startswith("Attribution"):
                continue
            roles[base].extend(spans[tid][1])
        if not roles:
            continue
        a = {k: sorted(v) for k, v in roles.items()}
        for k in ("Source", "Cue", "Content"):
            a.setdefault(k, [])
        a["source_text"] = " ".join(text[s:e] for s, e in a["Source"])
        a["cue_text"] = " ".join(text[s:e] for s, e in a["Cue"])
        attrs.append(a)
    return attrs


# --------------------------------------------------------------------------
# Running Sourcelight


def run_cli(cli, docs):
    out = subprocess.run(
        [cli, "--format", "json"] + [d["path"] for d in docs],
        check=True, capture_output=True, text=True, encoding="utf-8",
    ).stdout
    lines = [l for l in out.splitlines() if l.strip()]
    if len(lines) != len(docs):
        sys.exit(f"expected {len(docs)} JSON lines, got {len(lines)}")
    for d, line in zip(docs, lines):
        j = json.loads(line)
        text = d["text"]
        # byte offset -> char offset
        starts = []
        pos = 0
        for ch in text:
            starts.append(pos)
            pos += len(ch.encode("utf-8"))
        starts.append(pos)

        def c(b):
            return bisect.bisect_left(starts, b)

        marks = []
        for m in j["marks"]:
            mk = {"kind": m["kind"], "start": c(m["start"]), "end": c(m["end"]),
                  "rule": m.get("rule", ""), "text": m.get("text", "")}
            sp = m.get("speaker")
            if sp:
                mk["speaker"] = {"text": sp.get("text") or "", "kind": sp.get("kind") or "unknown"}
            else:
                mk["speaker"] = None
            marks.append(mk)
        d["marks"] = marks


# --------------------------------------------------------------------------
# Helpers

DOUBLE = re.compile(r"''|[“”\"‘’']")


def scan_quotes(text):
    """Maximal quotations as (start, end), marks included: see the module
    docstring.  Double marks are “ ” " and '' (two apostrophes, the New York
    Times files' encoding of a double mark); ‘ ’ and straight ' are outer
    marks only when no double quotation is open, open only after a
    non-letter and close only after a non-space and before a non-letter
    (so "don't", "the '90s" and "students' desks" open or close nothing)."""
    out = []
    for pm in re.finditer(r"[^\n]+", text):
        para, base = pm.group(0), pm.start()
        start, single = None, False
        for m in DOUBLE.finditer(para):
            mk, i = m.group(0), m.start()
            nxt = para[m.end():m.end() + 1]
            prev = para[i - 1:i] if i else ""
            if start is None:
                if mk in ("“", '"', "''"):
                    start, single = i, False
                elif mk in ("‘", "'") and not prev.isalnum():
                    start, single = i, True
            elif single:
                if mk in ("’", "'") and not nxt.isalnum() and not prev.isspace():
                    out.append((base + start, base + m.end()))
                    start = None
                elif mk in ("“", '"', "''"):
                    start, single = i, False
            else:
                if mk in ("”", '"', "''"):
                    out.append((base + start, base + m.end()))
                    start = None
                elif mk == "“":
                    out.append((base + start, base + i))
                    start = i
        if start is not None and not single:
            end = len(para.rstrip())
            if end > start + 2:
                out.append((base + start, base + end))
    return out


def full_quote(text, q):
    """A quote that is a sentence of its own ("“We will not sign,” she said"
    or "She said: “We will not sign.”"), as opposed to words woven into a
    sentence (she called the plan “reckless”)."""
    inner = text[q[0] + 1:q[1]].lstrip()
    if not inner or not inner[0].isupper():
        return False
    i = q[0] - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in "\n.:,!?—–-(”\""


def speaker_right(pred, gold):
    """The predicted speaker's last word occurs in the gold Source, or the
    gold Source is the start of the predicted speaker ("one former
    executive" / "one former executive who requested anonymity").  A
    possessive on a gold word is dropped: gold "Clinton’s" (in "Clinton’s
    response was: “…”") is the speaker Clinton."""
    g = " ".join(re.sub(r"(['’]s|['’])$", "", w) for w in words(gold))
    return surname(pred) in g.split() or (g != "" and " ".join(words(pred)).startswith(g))


def nested_speaker(text, a, q, predicted, verbs):
    """Whether the predicted speaker is credited with the quote by an
    attribution right beside it, inside the gold attribution's Content
    ("“…,” Sanders said, according to CNN"; "said Kristen Day, …, reports
    USA Today"): the nested attribution PolNeAR leaves unannotated.  The
    surname must be capitalised, within 80 characters of the quote, with a
    saying verb directly before it or at most two words after it."""
    name = surname(predicted)
    if not name:
        return False
    for s0, e0 in a["Content"]:
        for lo, hi in ((max(s0, q[0] - 80), min(e0, q[0])), (max(s0, q[1]), min(e0, q[1] + 80))):
            if hi <= lo:
                continue
            toks = WORD.findall(text[lo:hi])
            ws = [w.strip(".'’-").lower() for w in toks]
            for i, w in enumerate(ws):
                if w != name or not toks[i][:1].isupper():
                    continue
                near = ws[max(0, i - 1):i] + ws[i + 1:i + 3]
                if any(verbs.classify(v) for v in near):
                    return True
    return False


def has_name(src):
    """Whether a gold Source text contains a capitalised word other than a
    sentence-initial determiner ("The former first lady" has none)."""
    toks = [t.strip("“\"‘'(,.:;") for t in src.split()]
    toks = [t for t in toks if t]
    if toks and toks[0].lower() in {"the", "a", "an", "his", "her", "their",
                                     "its", "this", "that", "one", "another"}:
        toks = toks[1:]
    return any(t[0].isupper() for t in toks)


def ov(a, b):
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def ov_frags(span, frags):
    return sum(ov(span, f) for f in frags)


def context(text, s, e, n=100):
    pre = text[max(0, s - n):s].replace("\n", " ⏎ ")
    mid = text[s:e].replace("\n", " ⏎ ")
    post = text[e:e + n].replace("\n", " ⏎ ")
    return f"…{pre}⟦{mid}⟧{post}…"


PRONOUNS = {"he", "she", "they", "i", "we", "it", "you", "him", "her", "them",
            "us", "me", "his", "their", "its", "our", "my", "who", "whom", "which", "this", "that", "both", "one"}
WORD = re.compile(r"[A-Za-z][A-Za-z'’.\-]*")


def words(s):
    return [w.strip(".'’-").lower() for w in WORD.findall(s)]


def surname(s):
    ws = [w for w in words(s) if w not in {"jr", "sr", "ii", "iii"}]
    if not ws:
        return ""
    w = ws[-1]
    w = re.sub(r"(['’]s|['’])$", "", w)
    return w


def is_pronoun(s):
    ws = words(s)
    return len(ws) >= 1 and all(w in PRONOUNS for w in ws)


def load_entries(path):
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            out.append(line.split("::")[0].strip().lower())
    return out


IRREGULAR = {"said": "say", "told": "tell", "wrote": "write", "written": "write",
             "spoke": "speak", "spoken": "speak", "says": "say"}


def lemmas(w):
    """Candidate lemmas of an English word form (over-generating on purpose)."""
    w = w.lower()
    out = {w}
    if w in IRREGULAR:
        out.add(IRREGULAR[w])
    for suf in ("ing", "ed", "es", "s", "d"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            st = w[: -len(suf)]
            out.add(st)
            if suf in ("ing", "ed"):
                out.add(st + "e")
                if len(st) > 3 and st[-1] == st[-2]:
                    out.add(st[:-1])
    if w.endswith("ied") or w.endswith("ies"):
        out.add(w[:-3] + "y")
    return out


class Verbs:
    def __init__(self):
        entries = load_entries(os.path.join(REPO, "eval", "saying_verbs.txt"))
        self.forms = set(e for e in entries if " " not in e)
        self.phrases = [e for e in entries if " " in e]
        if "according to" not in self.phrases:
            self.phrases.append("according to")
        self.lemma_set = set()
        for e in self.forms:
            self.lemma_set |= {l for l in lemmas(e) if len(l) >= 3} | {IRREGULAR.get(e, e)}
        self.lemma_set.add("say")
        self.lemma_set -= {"not", "add"} - {IRREGULAR.get(e, e) for e in self.forms}
        self.lemma_set.add("add")

    def classify(self, cue):
        """'' if not a saying cue, else 'listed' (a form in the list) or
        'inflection' (only another inflection of a listed verb)."""
        low = cue.lower()
        for p in self.phrases:
            head, rest = p.split(" ", 1)
            for m in re.finditer(r"\b([a-z]+) " + re.escape(rest) + r"\b", low):
                if m.group(1) == head:
                    return "listed"
                if lemmas(m.group(1)) & lemmas(head) - {"not"}:
                    return "inflection"
        ws = re.findall(r"[a-z]+", low)
        if any(w in self.forms for w in ws):
            return "listed"
        if any(lemmas(w) & self.lemma_set for w in ws if w not in {"not", "is", "was"}):
            return "inflection"
        return ""


EXTRA_INSTITUTIONS = {
    "poll", "polls", "memo", "email", "emails", "letter", "book", "article",
    "analysis", "website", "site", "ad", "ads", "video", "post", "tweet",
    "network", "paper", "times", "organization", "organisation", "foundation",
    "center", "centre", "fund", "page", "story", "platform", "filing", "law",
    "bill", "plan", "polling", "results", "numbers", "research", "account",
    "accounts", "audit", "review", "interview", "speech", "release",
    "documents", "schedule", "book", "station", "outlet", "press", "media",
    "magazine", "journal", "pac", "team", "staff", "lawsuit", "complaint",
    "statistics", "returns", "census", "estimates", "projections", "model",
}
VAGUE_WORDS = {"some", "many", "other", "others", "most", "critics", "analysts",
               "experts", "observers", "commentators", "skeptics", "sceptics",
               "detractors", "few", "several", "numerous", "those",
               # Groups of opinion or expertise, the guideline's "experts
               # warn" (vague), not roles with inside knowledge ("officials
               # warn", anonymous).
               "scientists", "economists", "specialists", "forecasters",
               "opponents", "supporters", "proponents", "pundits", "advocates",
               "academics", "scholars", "conservatives", "liberals",
               "progressives", "evangelicals", "companies", "firms", "groups",
               "organizations", "organisations",
               # A side is vague, like a field (guideline): "both sides".
               "side", "sides"}
# Sources the guideline does not count as sources of a claim at all: kin
# (his wife warned him), people asking questions (a reporter asked if),
# negations (nobody asked, neither side would say) and things that are not
# documents (a sign saying, stories have emerged describing).
NOT_PERSON_SOURCE = {
    "wife", "husband", "mother", "father", "son", "daughter", "brother",
    "sister", "family", "parents", "children", "kids",
    "reporter", "reporters", "caller", "callers", "questioner", "questioners",
    "nobody", "none", "neither", "no",
    "sign", "signs", "stories", "reports", "report", "investigations",
    "investigation", "services", "ones", "slide", "show", "eyes",
    "disclaimers", "calls", "photos", "agenda", "question", "headline",
}
# Cues that give no claim whatever the source: a question ("lawmakers
# asked", "a reader would wonder") or a negation ("have not said", "never
# told"). The guideline marks neither.
NOT_A_CLAIM_CUE = re.compile(r"\b(ask|asks|asked|asking|wonder|wonders|wondered|wondering)\b"
                             r"|\bnot\b|n[’']t\b|\bnever\b", re.I)
HEAD_STOP = {"who", "that", "which", "familiar", "close", "with", "of", "for",
             "from", "in", "at", "on", "to", "whose", "and", "speaking", "said"}
DETERMINERS = {"a", "an", "the", "one", "two", "three", "four", "five", "several"}


def sentence_start(text, pos):
    i = pos - 1
    while i >= 0 and text[i] in " \t“\"‘'(—–-":
        i -= 1
    return i < 0 or text[i] in ".!?\n:;”\"" 


def lowercase_vocabulary(docs):
    """Common words of the split: a capitalised sentence-initial word counts
    as a name unless it occurs in lower case at least as often as it occurs
    capitalised in mid-sentence ("Lawmakers" is common; "Trump" is a name
    even though "trump" is a verb)."""
    lower = collections.Counter()
    mid = collections.Counter()
    for d in docs:
        lower.update(re.findall(r"\b[a-z][a-z'’\-]*\b", d["text"]))
        mid.update(w.lower() for w in re.findall(r"(?<=[a-z,] )[A-Z][a-z'’\-]+", d["text"]))
    return {w for w, n in lower.items() if n > mid[w]}


# A share of poll or survey respondents ("46 percent of voters said", "about
# four in 10", "nearly half", "three-quarters of those asked"): the poll is
# the source, not an unnamed person the article shields.
POLL_SHARE = re.compile(
    r"\d[\d.,]*\s*(%|percent\b|per cent\b)|\b(percent|per cent)\b"
    r"|\b\w+ (out of|in|of) (10|ten|three|four|five)\b|\ball but\b"
    r"|\b(half|third|thirds|quarter|quarters|fourths|fifths|majority|plurality)(\s+of\b|\W*$)",
    re.I)


def source_class(text, frags, institutions, vocab, persons, cue=""):
    src = " ".join(text[s:e] for s, e in frags)
    if not frags:
        return "none"
    if re.search(r'\w="', src):
        # Markup left in the text (an embedded post's author="…"
        # attribute): no words of the article.
        return "other"
    if NOT_A_CLAIM_CUE.search(cue):
        return "not a source of a claim"
    if is_pronoun(src):
        return "pronoun"
    if POLL_SHARE.search(src):
        return "poll share"
    start = frags[0][0]
    for m in re.finditer(r"\S+", src):
        tok = m.group(0).strip("“\"‘'(,.:;")
        if not tok or not tok[0].isupper() or tok in {"I"}:
            continue
        if m.start() == 0 and sentence_start(text, start):
            bare = re.sub(r"(['’]s|['’])$", "", tok)
            if bare.lower() in vocab:
                continue
        return "named"
    ws = words(src)
    # The phrase's words before its first postmodifier (leading stop words
    # skipped); the head is the last of them.
    phrase = []
    for w in ws:
        if w in HEAD_STOP:
            if phrase:
                break
            continue
        phrase.append(w)
    head = phrase[-1] if phrase else ""
    bare = re.sub(r"(['’]s|['’])$", "", head)
    if bare in institutions or bare in EXTRA_INSTITUTIONS:
        return "institution"
    if (ws and ws[0] in NOT_PERSON_SOURCE) or bare in NOT_PERSON_SOURCE:
        return "not a source of a claim"
    if (ws and ws[0] in VAGUE_WORDS) or bare in VAGUE_WORDS:
        return "vague group"
    if ws and ws[0] in ("the", "this", "that") and not bare.endswith("s"):
        return "definite singular"
    if any(is_person_noun(w, persons) for w in phrase):
        return "unnamed person"
    return "other"


def is_person_noun(w, persons):
    """``w`` or its singular is in ``eval/person_nouns.txt``."""
    w = re.sub(r"(['’]s|['’])$", "", w)
    if w in persons:
        return True
    stems = []
    if w.endswith("men"):
        stems.append(w[:-3] + "man")
    if w.endswith("ies"):
        stems.append(w[:-3] + "y")
    if w.endswith("es"):
        stems.append(w[:-2])
    if w.endswith("s"):
        stems.append(w[:-1])
    return any(t in persons for t in stems)


# --------------------------------------------------------------------------
# Scoring


def ratio(a, b):
    return a / b if b else float("nan")


def score(docs, verbs, institutions, persons):
    vocab = lowercase_vocabulary(docs)
    R = collections.Counter()
    err = collections.defaultdict(list)  # class -> [(doc, s, e, note)]
    class_samples = collections.defaultdict(list)

    def add_err(cls, d, s, e, note=""):
        R["cause: " + cls] += 1
        err[cls].append((d, s, e, note))

    for d in docs:
        text, attrs, marks = d["text"], d["attrs"], d["marks"]
        for a in attrs:
            # annotation slip: Source and Cue labels swapped ("said Hester"
            # with Source "said", Cue "Hester")
            first = (re.findall(r"[A-Za-z]+", a["source_text"]) or [""])[0].lower()
            if (a["Source"] and first in verbs.forms
                    and not verbs.classify(a["cue_text"])):
                a["Source"], a["Cue"] = a["Cue"], a["Source"]
                a["source_text"], a["cue_text"] = a["cue_text"], a["source_text"]
                R["gold source/cue swap repaired"] += 1
        quotes_pred = [m for m in marks if m["kind"] == "quote"]
        src_pred = [m for m in marks if m["kind"] in ("named", "anonymous", "vague")]
        scanned = scan_quotes(text)
        gold_quotes = []
        for q in scanned:
            best, best_ov = None, 0
            for a in attrs:
                o = ov_frags(q, a["Content"])
                if o > best_ov:
                    best, best_ov = a, o
            if best is not None and best_ov * 2 >= q[1] - q[0]:
                gold_quotes.append((q, best))
        all_sources = [f for a in attrs for f in a["Source"]]
        all_contents = [f for a in attrs for f in a["Content"]]
        named_sources = [a for a in attrs if a["Source"]
                         and re.search(r"\b[A-Z][a-z]", a["source_text"])
                         and not is_pronoun(a["source_text"])]

        # a. quotes
        for q, a in gold_quotes:
            R["q gold"] += 1
            qt = text[q[0]:q[1]]
            style = ("doubled apostrophes" if qt.startswith("''") else
                     "single outer" if qt.startswith("‘") else
                     "straight double" if qt.startswith('"') else "curly double")
            R["q gold style " + style] += 1
            hits = [(ov(q, (m["start"], m["end"])), m) for m in quotes_pred]
            hits = [h for h in hits if h[0] > 0]
            R["q gold style hit " + style] += bool(hits)
            if not hits:
                qt = text[q[0]:q[1]]
                if qt.startswith("''"):
                    add_err("quote missed: doubled apostrophes ('' as a double mark)", d, *q)
                elif qt.startswith("‘"):
                    add_err("quote missed: single outer marks", d, *q)
                elif qt[-1] not in "”\"'’":
                    add_err("quote missed: unclosed at paragraph end", d, *q)
                elif qt[0] == '"':
                    add_err("quote missed: straight marks", d, *q)
                elif len(words(qt)) <= 3:
                    add_err("quote missed: 1-3 words", d, *q)
                else:
                    add_err("quote missed: other", d, *q)
                continue
            R["q gold hit"] += 1
            m = max(hits, key=lambda h: h[0])[1]
            # b. speakers
            if not a["Source"]:
                R["spk no gold source"] += 1
                continue
            sp = m["speaker"]
            said = sp is not None and sp["text"]
            gold_src = a["source_text"]
            if is_pronoun(gold_src):
                R["spk pronoun"] += 1
                R["spk pronoun said someone" if said else "spk pronoun unknown"] += 1
                if said:
                    prev = [b for b in named_sources if b["Source"][0][0] < a["Source"][0][0]]
                    if prev:
                        ant = max(prev, key=lambda b: b["Source"][0][0])["source_text"]
                        if speaker_right(sp["text"], ant):
                            R["spk pronoun approx right"] += 1
                        else:
                            err["pronoun-gold speaker differs from the heuristic antecedent (audit)"].append(
                                (d, *q, f"predicted {sp['text']!r}, heuristic antecedent {ant!r}"))
                continue
            R["spk"] += 1
            fq = "full" if full_quote(text, q) else "partial"
            R["spk " + fq] += 1
            right = said and speaker_right(sp["text"], gold_src)
            if said and not right and nested_speaker(text, a, q, sp["text"], verbs):
                # "“…,” Sanders said, according to CNN": PolNeAR annotates
                # only the outer attribution (CNN); the guideline's speaker
                # is the person quoted, whose own attribution sits inside
                # the gold Content.
                right = True
                R["spk right via nested attribution"] += 1
                err["speaker credited through a nested attribution (audit, not an error)"].append(
                    (d, *q, f"predicted {sp['text']!r}, gold {gold_src!r}"))
            if right:
                R["spk right " + fq] += 1
            if not said:
                R["spk unknown"] += 1
                kind_q = "full" if full_quote(text, q) else "partial"
                R[f"spk unknown {kind_q}"] += 1
                add_err(f"speaker unknown: {kind_q} quote", d, *q, f"gold source: {gold_src!r}")
                continue
            R["spk said someone"] += 1
            if right:
                R["spk right"] += 1
            else:
                other = any(surname(sp["text"]) in words(b["source_text"]) for b in attrs if b is not a)
                if not has_name(gold_src):
                    cls = "speaker differs: gold source is a description ('the former first lady'), maybe the same person"
                elif other:
                    cls = "speaker wrong: another source of the article"
                else:
                    cls = "speaker wrong: not a gold source"
                add_err(cls, d, *q, f"predicted {sp['text']!r} ({sp['kind']}), gold {gold_src!r}")
        for m in quotes_pred:
            R["q pred"] += 1
            span = (m["start"], m["end"])
            scare = m["rule"] == "quote/scare"
            R["q pred scare" if scare else "q pred words"] += 1
            if any(ov(span, q) for q, _ in gold_quotes):
                R["q pred scare on gold" if scare else "q pred words on gold"] += 1
                if scare:
                    err["scare-quote mark on a gold quotation (audit)"].append((d, *span, m["rule"]))
                R["q pred on gold"] += 1
                R["q pred on quotation"] += 1
            elif any(ov(span, q) for q in scanned):
                R["q pred on quotation"] += 1
                R["q pred on unattributed quotation, rule " + m["rule"]] += 1
                sp = (m.get("speaker") or {}).get("text") or "-"
                err["quote on unattributed quotation (scare/title/unannotated)"].append((d, *span, f"{m['rule']}, speaker {sp!r}"))
            else:
                add_err("quote mark on no double-mark quotation", d, *span, m["rule"])

        # c/d. sources
        for a in attrs:
            if not a["Source"]:
                continue
            kind = verbs.classify(a["cue_text"])
            cls = source_class(text, a["Source"], institutions, vocab, persons, a["cue_text"])
            hits = [m for m in src_pred if any(ov((m["start"], m["end"]), f) for f in a["Source"])]
            R["src any gold"] += 1
            R["src any gold hit"] += bool(hits)
            R[f"src any, cue {'saying' if kind else 'other'}"] += 1
            R[f"src any, cue {'saying' if kind else 'other'} hit"] += bool(hits)
            if not kind:
                if not hits:
                    err["source missed, cue not a saying verb in the list (not in c's gold)"].append(
                        (d, a["Source"][0][0], a["Source"][-1][1], f"cue {a['cue_text']!r}"))
                continue
            if cls == "not a source of a claim" and NOT_A_CLAIM_CUE.search(a["cue_text"]):
                # A question or a negation ("lawmakers asked", "did not
                # respond", "has never said") gives no claim: no source by
                # the guideline, so not in the recall gold (printed apart).
                R["src gold " + cls] += 1
                R["src gold hit " + cls] += bool(hits)
                continue
            R["src gold"] += 1
            R["src gold " + cls] += 1
            s0, s1 = a["Source"][0][0], a["Source"][-1][1]
            if hits:
                R["src gold hit"] += 1
                R["src gold hit " + cls] += 1
                kinds = {m["kind"] for m in hits}
                k = "anonymous" if "anonymous" in kinds else ("vague" if "vague" in kinds else "named")
            else:
                k = "none"
                c0 = a["Cue"][0][0] if a["Cue"] else s1
                gap = text[s1:c0] if c0 >= s1 else text[a["Cue"][-1][1]:s0]
                if re.search(r"(['’]s?|\b(his|her|their|its))$", a["source_text"].strip(), re.I) \
                        and c0 >= s1 and not text[s1:c0].strip():
                    add_err("source missed: possessive source, noun cue ('Trump’s claim')", d, s0, s1, f"cue {a['cue_text']!r}")
                elif cls == "pronoun":
                    add_err("source missed: pronoun source", d, s0, s1, f"cue {a['cue_text']!r}")
                elif kind == "inflection":
                    add_err("source missed: cue form not in the list (inflection)", d, s0, s1, f"cue {a['cue_text']!r}")
                elif len(words(gap)) >= 3:
                    add_err("source missed: 3+ words between source and cue", d, s0, s1, f"cue {a['cue_text']!r}")
                elif len(words(a["source_text"])) >= 6:
                    add_err("source missed: long source (6+ words)", d, s0, s1, f"cue {a['cue_text']!r}")
                else:
                    add_err(f"source missed: other ({cls})", d, s0, s1, f"cue {a['cue_text']!r}")
            class_samples[cls].append((d, s0, s1, f"cue {a['cue_text']!r}, marked {k}"))
            if cls in ("unnamed person", "other"):
                # The catch-all class of rounds 1-4, before the person-noun
                # test split it: kept so figures stay comparable.
                R["d unnamed or other"] += 1
                R["d unnamed or other -> " + k] += 1
            if cls in ("unnamed person", "vague group", "definite singular"):
                R[f"d {cls}"] += 1
                R[f"d {cls} -> {k}"] += 1
                want = {"unnamed person": "anonymous", "vague group": "vague"}.get(cls)
                if want and k != want:
                    add_err(f"{cls} source marked {k}", d, s0, s1, f"cue {a['cue_text']!r}")
        for m in src_pred:
            R["src pred"] += 1
            R["src pred " + m["kind"]] += 1
            span = (m["start"], m["end"])
            if any(ov(span, f) for f in all_sources):
                R["src pred hit"] += 1
                R["src pred hit " + m["kind"]] += 1
            elif any(ov(span, f) for f in all_contents):
                R["src pred nested"] += 1
                add_err(f"{m['kind']} mark inside a gold Content (nested, unannotated)", d, *span, m["rule"])
            else:
                add_err(f"{m['kind']} mark on no gold attribution", d, *span, m["rule"])
    return R, err, class_samples


def summarise(R):
    f = collections.OrderedDict()
    qr = ratio(R["q gold hit"], R["q gold"])
    qp = ratio(R["q pred on gold"], R["q pred"])
    f["quote recall"] = (qr, f'{R["q gold hit"]}/{R["q gold"]}')
    f["quote precision (attributed quotes)"] = (qp, f'{R["q pred on gold"]}/{R["q pred"]}')
    f["quote F1 (attributed)"] = (2 * qp * qr / (qp + qr) if qp + qr else float("nan"), "")
    f["quote precision, quotes given as someone's words"] = (
        ratio(R["q pred words on gold"], R["q pred words"]), f'{R["q pred words on gold"]}/{R["q pred words"]}')
    f["  scare-quote marks (quote/scare)"] = (
        ratio(R["q pred scare"], R["q pred"]), f'{R["q pred scare"]}/{R["q pred"]}')
    f["  of which on a gold quotation"] = (
        ratio(R["q pred scare on gold"], R["q pred scare"]), f'{R["q pred scare on gold"]}/{R["q pred scare"]}')
    for style in ("curly double", "straight double", "doubled apostrophes", "single outer"):
        f[f"  recall, {style} marks"] = (ratio(R["q gold style hit " + style], R["q gold style " + style]),
                                         f'{R["q gold style hit " + style]}/{R["q gold style " + style]}')
    f["quote precision (any quotation)"] = (ratio(R["q pred on quotation"], R["q pred"]),
                                            f'{R["q pred on quotation"]}/{R["q pred"]}')
    f["speaker accuracy (non-pronoun gold)"] = (ratio(R["spk right"], R["spk"]), f'{R["spk right"]}/{R["spk"]}')
    f["  of which tool said someone: accuracy"] = (ratio(R["spk right"], R["spk said someone"]),
                                                   f'{R["spk right"]}/{R["spk said someone"]}')
    f["  right through a nested attribution in the gold Content"] = (
        ratio(R["spk right via nested attribution"], R["spk said someone"]),
        f'{R["spk right via nested attribution"]}/{R["spk said someone"]}')
    f["  tool said unknown (share)"] = (ratio(R["spk unknown"], R["spk"]), f'{R["spk unknown"]}/{R["spk"]}')
    f["  speaker accuracy, full quotes"] = (ratio(R["spk right full"], R["spk full"]), f'{R["spk right full"]}/{R["spk full"]}')
    f["  speaker accuracy, partial quotes"] = (ratio(R["spk right partial"], R["spk partial"]), f'{R["spk right partial"]}/{R["spk partial"]}')
    f["pronoun-gold quotes: tool named someone"] = (ratio(R["spk pronoun said someone"], R["spk pronoun"]),
                                                    f'{R["spk pronoun said someone"]}/{R["spk pronoun"]}')
    f["  approx. right (heuristic antecedent)"] = (ratio(R["spk pronoun approx right"], R["spk pronoun said someone"]),
                                                   f'{R["spk pronoun approx right"]}/{R["spk pronoun said someone"]}')
    sr = ratio(R["src gold hit"], R["src gold"])
    sp = ratio(R["src pred hit"], R["src pred"])
    f["source recall (saying cues)"] = (sr, f'{R["src gold hit"]}/{R["src gold"]}')
    for cls in ("named", "pronoun", "institution", "unnamed person", "vague group", "definite singular",
                "poll share", "not a source of a claim", "other"):
        f[f"  recall, {cls} sources"] = (ratio(R["src gold hit " + cls], R["src gold " + cls]),
                                         f'{R["src gold hit " + cls]}/{R["src gold " + cls]}')
    f["source precision (any gold source)"] = (sp, f'{R["src pred hit"]}/{R["src pred"]}')
    for k in ("named", "anonymous", "vague"):
        f[f"  precision, {k} marks"] = (ratio(R["src pred hit " + k], R["src pred " + k]),
                                        f'{R["src pred hit " + k]}/{R["src pred " + k]}')
    f["source precision, not counting marks nested in a gold Content"] = (
        ratio(R["src pred hit"], R["src pred"] - R["src pred nested"]),
        f'{R["src pred hit"]}/{R["src pred"] - R["src pred nested"]}')
    f["source F1"] = (2 * sp * sr / (sp + sr) if sp + sr else float("nan"), "")
    f["source recall, all cues"] = (ratio(R["src any gold hit"], R["src any gold"]),
                                    f'{R["src any gold hit"]}/{R["src any gold"]}')
    f["  cue not a listed saying verb"] = (ratio(R["src any, cue other hit"], R["src any, cue other"]),
                                           f'{R["src any, cue other hit"]}/{R["src any, cue other"]}')
    for cls, want in (("unnamed person", "anonymous"), ("vague group", "vague")):
        n = R[f"d {cls}"]
        f[f"{cls} sources marked {want}"] = (ratio(R[f"d {cls} -> {want}"], n), f'{R[f"d {cls} -> {want}"]}/{n}')
        for k in ("anonymous", "vague", "named", "none"):
            if k != want:
                f[f"  {cls}: marked {k}"] = (ratio(R[f"d {cls} -> {k}"], n), f'{R[f"d {cls} -> {k}"]}/{n}')
    n = R["d unnamed or other"]
    f["unnamed person or other (the class before the person-noun test) marked anonymous"] = (
        ratio(R["d unnamed or other -> anonymous"], n), f'{R["d unnamed or other -> anonymous"]}/{n}')
    cls = "definite singular"
    n = R[f"d {cls}"]
    for k in ("anonymous", "vague", "named", "none"):
        f[f"{cls} ('the official') marked {k}"] = (ratio(R[f"d {cls} -> {k}"], n), f'{R[f"d {cls} -> {k}"]}/{n}')
    return f


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("splits", nargs="*", help="PolNeAR split directories (data/dev, data/train)")
    ap.add_argument("--cli", default=os.path.join(REPO, "target", "release", "sourcelight"))
    ap.add_argument("--json", help="write the figures as JSON to this file")
    ap.add_argument("--examples", type=int, default=0, help="print N errors per class with context")
    ap.add_argument("--class-samples", type=int, default=0,
                    help="print N sampled gold sources of each class (heuristic check)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    splits = args.splits
    if not splits:
        root = os.environ.get("POLNEAR_DIR")
        if not root:
            ap.error("give split directories or set POLNEAR_DIR")
        splits = [os.path.join(root, "data", "dev")]
    verbs = Verbs()
    institutions = set(load_entries(os.path.join(REPO, "eval", "institutions.txt")))
    persons = set(load_entries(os.path.join(REPO, "eval", "person_nouns.txt")))
    results = {}
    summaries = {}
    for sd in splits:
        name = os.path.basename(os.path.normpath(sd))
        docs = read_split(sd)
        run_cli(args.cli, docs)
        R, err, samples = score(docs, verbs, institutions, persons)
        results[name] = (R, err, samples, len(docs))
        summaries[name] = summarise(R)
    names = list(summaries)
    print("| metric | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))
    print("| articles | " + " | ".join(str(results[n][3]) for n in names) + " |")
    for key in summaries[names[0]]:
        cells = []
        for n in names:
            v, frac = summaries[n][key]
            cells.append(f"{v:.3f} ({frac})" if frac else f"{v:.3f}")
        print(f"| {key} | " + " | ".join(cells) + " |")
    print()
    print("Error causes (counts):")
    causes = collections.Counter()
    for n in names:
        for k, v in results[n][0].items():
            if k.startswith("cause: "):
                causes[(k[7:], n)] = v
    allc = sorted({c for c, _ in causes}, key=lambda c: (-sum(causes[(c, n)] for n in names), c))
    print("| cause | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))
    for c in allc:
        print(f"| {c} | " + " | ".join(str(causes[(c, n)]) for n in names) + " |")
    rules = collections.Counter()
    for n in names:
        for k, v in results[n][0].items():
            if k.startswith("q pred on unattributed quotation, rule "):
                rules[(k.split("rule ")[1], n)] = v
    if rules:
        print()
        print("Quote marks on quotations outside any gold Content, by rule:")
        for r in sorted({r for r, _ in rules}):
            print(f"  {r}: " + ", ".join(f"{n} {rules[(r, n)]}" for n in names))
    rng = random.Random(args.seed)
    for n in names:
        R, err, samples, _ = results[n]
        if args.class_samples:
            for cls in sorted(samples):
                items = samples[cls]
                pick = rng.sample(items, min(args.class_samples, len(items)))
                print(f"\n== [{n}] gold source class '{cls}' ({len(items)} items), {len(pick)} sampled:")
                for d, s, e, note in pick:
                    print(f"  {d['text'][s:e]!r:45} {note}")
        if args.examples:
            for cls in sorted(err):
                items = err[cls]
                pick = rng.sample(items, min(args.examples, len(items)))
                print(f"\n== [{n}] {cls} ({len(items)}), {len(pick)} sampled:")
                for d, s, e, note in pick:
                    print(f"- {d['name']} {note}\n  {context(d['text'], s, e)}")
    if args.json:
        out = {n: {k: v for k, (v, _) in summaries[n].items()} for n in names}
        for n in names:
            out[n]["counts"] = dict(results[n][0])
            out[n]["articles"] = results[n][3]
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(out, fh, indent=1, sort_keys=True, default=str)


if __name__ == "__main__":
    main()
