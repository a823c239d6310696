#!/usr/bin/env python3
"""Writes dist/sourcelight.html: the whole page in one file.

A teacher can e-mail it, put it on a USB stick or open it from file:// with
no server: the stylesheet becomes a <style>, and app.js with every module it
imports (wasm-bindgen's sourcelight.js, the base64 wasm, the sample) becomes
one inline <script type="module">. Run scripts/build-web.py first.

The Content Security Policy keeps forbidding every network request. With no
files left, 'self' is replaced by the sha256 hashes of the one inline script
and the one inline style, so nothing else can run or style the page.

Bundling is deliberately small: each module becomes a function scope that
returns its exports, and each import becomes a read of those. It handles the
import/export forms our modules and wasm-bindgen's `--target web` output use,
and stops with an error at anything else rather than guess.
"""

from __future__ import annotations

import base64
import hashlib
import re
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the checkout
import webconfig
from webconfig import DIST, ROOT, WWW, rel

ENTRY = WWW / "app.js"
OUT = DIST / "sourcelight.html"

IDENT = r"[A-Za-z_$][\w$]*"
IMPORT_RE = re.compile(
    r"^import\s+(?P<what>[^'\";]*?)\s+from\s+(?P<q>['\"])(?P<spec>[^'\"]+)(?P=q)\s*;?[ \t]*$",
    re.M,
)
BARE_IMPORT_RE = re.compile(r"^import\s+['\"][^'\"]+['\"]", re.M)
EXPORT_DECL_RE = re.compile(
    rf"^export\s+(?P<kw>(?:async\s+)?function\*?|class|const|let|var)\s+(?P<name>{IDENT})", re.M
)
EXPORT_DEFAULT_DECL_RE = re.compile(
    rf"^export\s+default\s+(?P<kw>(?:async\s+)?function\*?|class)\s+(?P<name>{IDENT})", re.M
)
EXPORT_DEFAULT_EXPR_RE = re.compile(r"^export\s+default\s+", re.M)
EXPORT_LIST_RE = re.compile(r"^export\s*\{(?P<list>[^}]*)\}\s*;?[ \t]*$", re.M)


def fail(msg: str) -> None:
    sys.exit(f"error: dist: {msg}")


class Bundler:
    def __init__(self) -> None:
        self.order: list[Path] = []  # dependencies before dependents
        self.names: dict[Path, str] = {}
        self.sources: dict[Path, str] = {}

    def add(self, path: Path, stack: tuple[Path, ...] = ()) -> str:
        path = path.resolve()
        if path in stack:
            fail(f"import cycle through {rel(path)}")
        if path in self.names:
            return self.names[path]
        if not path.is_file():
            fail(f"{rel(path)} is missing; run scripts/build-web.py first")
        source = path.read_text(encoding="utf-8")
        for m in IMPORT_RE.finditer(source):
            spec = m.group("spec")
            if not spec.startswith("."):
                fail(f"{rel(path)} imports {spec!r}; only relative imports can be inlined")
            self.add(path.parent / spec, stack + (path,))
        self.names[path] = f"__sl_module_{len(self.names)}"
        self.sources[path] = source
        self.order.append(path)
        return self.names[path]

    def rewrite(self, path: Path) -> str:
        src = self.sources[path]
        exports: list[tuple[str, str]] = []  # (exported name, local name)

        def imp(m: re.Match) -> str:
            mod = self.names[(path.parent / m.group("spec")).resolve()]
            what = m.group("what").strip()
            out = []
            ns = re.fullmatch(rf"\*\s+as\s+({IDENT})", what)
            if ns:
                return f"const {ns.group(1)} = {mod};"
            default, _, rest = what.partition(",") if not what.startswith("{") else ("", "", what)
            default, rest = default.strip(), rest.strip()
            if default:
                if not re.fullmatch(IDENT, default):
                    fail(f"{rel(path)}: cannot read import {what!r}")
                out.append(f"const {default} = {mod}.default;")
            if rest:
                named = re.fullmatch(r"\{([^}]*)\}", rest)
                if not named:
                    fail(f"{rel(path)}: cannot read import {what!r}")
                parts = []
                for item in filter(None, (s.strip() for s in named.group(1).split(","))):
                    a = re.fullmatch(rf"({IDENT})(?:\s+as\s+({IDENT}))?", item)
                    if not a:
                        fail(f"{rel(path)}: cannot read import {item!r}")
                    parts.append(a.group(1) if not a.group(2) else f"{a.group(1)}: {a.group(2)}")
                out.append(f"const {{ {', '.join(parts)} }} = {mod};")
            return " ".join(out)

        src = IMPORT_RE.sub(imp, src)

        def decl(m: re.Match) -> str:
            exports.append((m.group("name"), m.group("name")))
            return f"{m.group('kw')} {m.group('name')}"

        def default_decl(m: re.Match) -> str:
            exports.append(("default", m.group("name")))
            return f"{m.group('kw')} {m.group('name')}"

        def default_expr(_m: re.Match) -> str:
            exports.append(("default", "__sl_default"))
            return "const __sl_default = "

        def export_list(m: re.Match) -> str:
            for item in filter(None, (s.strip() for s in m.group("list").split(","))):
                a = re.fullmatch(rf"({IDENT})(?:\s+as\s+({IDENT}))?", item)
                if not a:
                    fail(f"{rel(path)}: cannot read export {item!r}")
                exports.append((a.group(2) or a.group(1), a.group(1)))
            return ""

        src = EXPORT_DEFAULT_DECL_RE.sub(default_decl, src)
        src = EXPORT_DEFAULT_EXPR_RE.sub(default_expr, src)
        src = EXPORT_DECL_RE.sub(decl, src)
        src = EXPORT_LIST_RE.sub(export_list, src)

        leftover = re.search(r"^\s*(?:import|export)\b(?!\s*\()|\bimport\s*\(", src, re.M)
        if leftover or BARE_IMPORT_RE.search(src):
            line = src[:leftover.start()].count("\n") + 1 if leftover else "?"
            fail(f"{rel(path)}:{line}: an import/export form this bundler does not handle")

        body = src.rstrip() + "\n"
        fields = ", ".join(f"{json_key(name)}: {local}" for name, local in exports)
        return (f"// ---- {rel(path)}\n"
                f"const {self.names[path]} = (() => {{\n{body}"
                f"return Object.freeze({{ {fields} }});\n}})();\n")

    def bundle(self) -> str:
        return "\n".join(self.rewrite(p) for p in self.order)


def json_key(name: str) -> str:
    return name if re.fullmatch(IDENT, name) and name != "default" else f'"{name}"'


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
    style = "\n" + (WWW / "style.css").read_text(encoding="utf-8")

    # Inside <script>/<style> the HTML parser only looks for "</script" or
    # "</style" (and "<!--" in scripts); the generated modules escape "<" in
    # strings, so these can only come from a hand-written file.
    for needle in ("</script", "<!--", "<script"):
        if needle in script.lower():
            fail(f"the inlined script contains {needle!r}; escape it in its source")
    if "</style" in style.lower():
        fail("style.css contains '</style'")

    html = (WWW / "index.html").read_text(encoding="utf-8")
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
    html = replace_once(html, '<link rel="stylesheet" href="style.css">',
                        f"<style>{style}</style>", "stylesheet link")
    html = replace_once(html, '<script type="module" src="app.js"></script>',
                        f'<script type="module">{script}</script>', "app.js script tag")

    DIST.mkdir(exist_ok=True)
    OUT.write_text(html, encoding="utf-8")
    print(f"wrote {rel(OUT)}: {OUT.stat().st_size:,} bytes, modules: "
          + ", ".join(rel(p) for p in bundler.order))


if __name__ == "__main__":
    main()
