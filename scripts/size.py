#!/usr/bin/env python3
"""What a student's browser downloads, gzipped, against the budget.

Follows the page the way a browser does: index.html, the stylesheets and
scripts it links, and every module those scripts import. Prints each file's
raw and gzipped size, the total against `size_budget_gzip_bytes` in
wasm-pack.toml, and the same for dist/sourcelight.html when it exists.
Exits 1 when either is over budget.
"""

from __future__ import annotations

import gzip
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the checkout
import webconfig
from webconfig import DIST, WWW, rel

IMPORT_RE = re.compile(r"""^\s*(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"]+)['"]"""
                       r"""|^\s*import\s*['"]([^'"]+)['"]""", re.M)


class Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "script" and a.get("src"):
            self.refs.append(a["src"])
        elif tag == "link" and a.get("href") and not a["href"].startswith("data:"):
            if (a.get("rel") or "") in ("stylesheet", "modulepreload", "icon", "preload"):
                self.refs.append(a["href"])


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def page_files(index: Path) -> list[Path]:
    parser = Refs()
    parser.feed(index.read_text(encoding="utf-8"))
    seen: list[Path] = [index]
    todo = [(index.parent / r).resolve() for r in parser.refs]
    while todo:
        path = todo.pop(0)
        if path in seen:
            continue
        if not path.is_file():
            sys.exit(f"error: {rel(path)} (needed by the page) is missing; run `make web`")
        seen.append(path)
        if path.suffix in (".js", ".mjs"):
            for m in IMPORT_RE.finditer(path.read_text(encoding="utf-8")):
                spec = m.group(1) or m.group(2)
                if spec.startswith("."):
                    todo.append((path.parent / spec).resolve())
    return seen


def main() -> None:
    cfg = webconfig.load()
    budget = cfg.size_budget_gzip_bytes
    ok = True

    files = page_files(WWW / "index.html")
    width = max(len(rel(f)) for f in files)
    print(f"{'served page (www/)':<{width}}  {'bytes':>9}  {'gzip':>9}")
    total = 0
    for f in files:
        data = f.read_bytes()
        total += gz(data)
        print(f"{rel(f):<{width}}  {len(data):>9,}  {gz(data):>9,}")
    verdict = "ok" if total <= budget else "OVER BUDGET"
    print(f"{'total':<{width}}  {'':>9}  {total:>9,}  of {budget:,} budget "
          f"({100 * total / budget:.0f}%): {verdict}")
    ok &= total <= budget

    wasm = cfg.out_dir / f"{cfg.out_name}_bg.wasm"
    if wasm.is_file():
        data = wasm.read_bytes()
        print(f"(for reference, not downloaded: {rel(wasm)} {len(data):,} bytes, "
              f"{gz(data):,} gzipped; the page gets it once, deflated and base64-encoded inside the "
              "analysis worker's source, pkg/worker-source.js)")

    dist = DIST / "sourcelight.html"
    if dist.is_file():
        data = dist.read_bytes()
        size = gz(data)
        verdict = "ok" if size <= budget else "OVER BUDGET"
        print(f"{rel(dist)}: {len(data):,} bytes, {size:,} gzipped, of {budget:,} budget "
              f"({100 * size / budget:.0f}%): {verdict}")
        ok &= size <= budget
    else:
        print(f"({rel(dist)} not built; `make dist` writes it)")

    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
