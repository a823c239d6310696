"""A deliberately small ES-module bundler for the page's own modules.

Each module becomes a function scope that returns its exports, and each
import becomes a read of those, so a module graph becomes one script with no
imports left. It handles the import/export forms our modules and
wasm-bindgen's `--target web` output use, and stops with an error at anything
else rather than guess.

Used by scripts/build-web.py (the analysis worker as one string) and
scripts/dist.py (the whole page as one inline script).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the checkout
from webconfig import rel

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
    sys.exit(f"error: bundle: {msg}")


class Bundler:
    """`aliases` maps a folder to the one its files are really read from
    (build-web.py bundles www/pkg's modules before they are moved there)."""

    def __init__(self, aliases: dict[Path, Path] | None = None) -> None:
        self.order: list[Path] = []  # dependencies before dependents
        self.names: dict[Path, str] = {}
        self.sources: dict[Path, str] = {}
        self.aliases = {k.resolve(): v.resolve() for k, v in (aliases or {}).items()}

    def real(self, path: Path) -> Path:
        for alias, folder in self.aliases.items():
            if path.parent == alias:
                return folder / path.name
        return path

    def add(self, path: Path, stack: tuple[Path, ...] = ()) -> str:
        path = path.resolve()
        if path in stack:
            fail(f"import cycle through {rel(path)}")
        if path in self.names:
            return self.names[path]
        real = self.real(path)
        if not real.is_file():
            fail(f"{rel(real)} is missing; run scripts/build-web.py first")
        source = real.read_text(encoding="utf-8")
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
