#!/usr/bin/env python3
"""Writes dist/sourcelight.html: the whole page in one file.

A teacher can e-mail it, put it on a USB stick or open it from file:// with
no server: the stylesheet becomes a <style>, and app.js with every module it
imports (the sample, and pkg/worker-source.js: the analysis worker with the
wasm inside it, as one string) becomes one inline <script type="module">
(bundled by scripts/bundle.py). Run scripts/build-web.py first.

The page starts the worker from a blob: URL made from that string, exactly
as the served page does, so the wasm is in the file once. The Content
Security Policy keeps forbidding every network request (a blob: worker
inherits it); `worker-src blob:` is what lets the worker start. With no
files left, 'self' is replaced by the sha256 hashes of the one inline script
and the one inline style, so nothing else can run or style the page.
"""

from __future__ import annotations

import base64
import hashlib
import re
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the checkout
import webconfig
from bundle import Bundler, fail
from webconfig import DIST, WWW, rel

ENTRY = WWW / "app.js"
OUT = DIST / "sourcelight.html"


def sha256_source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def replace_once(html: str, old: str, new: str, what: str) -> str:
    if html.count(old) != 1:
        fail(f"www/index.html: expected exactly one {what} ({old!r})")
    return html.replace(old, new)


def main() -> None:
    webconfig.load()  # validates the config; the page paths are fixed
    bundler = Bundler()
    bundler.add(ENTRY)
    script = "\n" + bundler.bundle()
    html = (WWW / "index.html").read_text(encoding="utf-8")
    # Every stylesheet the page links, in order, becomes one <style>.
    links = re.findall(r'<link rel="stylesheet" href="([^"]+)">', html)
    if not links:
        fail("www/index.html links no stylesheet")
    style = "\n" + "".join((WWW / href).read_text(encoding="utf-8") for href in links)

    # Inside <script>/<style> the HTML parser only looks for "</script" or
    # "</style" (and "<!--" in scripts); the generated modules escape "<" in
    # strings, so these can only come from a hand-written file.
    for needle in ("</script", "<!--", "<script"):
        if needle in script.lower():
            fail(f"the inlined script contains {needle!r}; escape it in its source")
    if "</style" in style.lower():
        fail("a stylesheet contains '</style'")

    csp_old = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
    if not csp_old:
        fail("www/index.html has no CSP meta tag")
    csp = csp_old.group(1)
    csp = csp.replace("script-src 'self'", f"script-src {sha256_source(script)}")
    csp = csp.replace("style-src 'self'", f"style-src {sha256_source(style)}")
    csp = csp.replace("img-src 'self' data:", "img-src data:")
    if "'self'" in csp:
        fail(f"the CSP still names 'self' after inlining: {csp}")
    html = html.replace(csp_old.group(0),
                        f'<meta http-equiv="Content-Security-Policy" content="{csp}">')
    html = replace_once(html, f'<link rel="stylesheet" href="{links[0]}">',
                        f"<style>{style}</style>", "stylesheet link")
    for href in links[1:]:
        html = replace_once(html, f'<link rel="stylesheet" href="{href}">\n', "", f"link to {href}")
    html = replace_once(html, '<script type="module" src="app.js"></script>',
                        f'<script type="module">{script}</script>', "app.js script tag")

    DIST.mkdir(exist_ok=True)
    OUT.write_text(html, encoding="utf-8")
    print(f"wrote {rel(OUT)}: {OUT.stat().st_size:,} bytes, modules: "
          + ", ".join(rel(p) for p in bundler.order))


if __name__ == "__main__":
    main()
