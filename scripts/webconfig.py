"""Shared by the web scripts: the repository root and wasm-pack.toml's settings.

wasm-pack never reads wasm-pack.toml; these scripts do (see the comment at the
top of that file).
"""

from __future__ import annotations

import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WWW = ROOT / "www"
DIST = ROOT / "dist"


@dataclass(frozen=True)
class WebConfig:
    target: str
    out_dir: Path
    out_name: str
    profile: str
    wasm_opt_bin: str
    wasm_opt: list[str]
    size_budget_gzip_bytes: int


def load() -> WebConfig:
    path = ROOT / "wasm-pack.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as err:
        sys.exit(f"error: cannot read {path}: {err}")
    required = {
        "target": str,
        "out_dir": str,
        "out_name": str,
        "profile": str,
        "wasm_opt_bin": str,
        "wasm_opt": list,
        "size_budget_gzip_bytes": int,
    }
    for key, kind in required.items():
        if not isinstance(data.get(key), kind):
            sys.exit(f"error: {path.name}: `{key}` must be a {kind.__name__}")
    unknown = set(data) - set(required)
    if unknown:
        sys.exit(f"error: {path.name}: unknown keys {sorted(unknown)}")
    out_dir = (ROOT / data["out_dir"]).resolve()
    # The build empties out_dir; refuse anything that is not a subfolder of www/.
    if WWW not in out_dir.parents:
        sys.exit(f"error: {path.name}: out_dir must be inside www/, got {data['out_dir']!r}")
    return WebConfig(
        target=data["target"],
        out_dir=out_dir,
        out_name=data["out_name"],
        profile=data["profile"],
        wasm_opt_bin=data["wasm_opt_bin"],
        wasm_opt=[str(flag) for flag in data["wasm_opt"]],
        size_budget_gzip_bytes=data["size_budget_gzip_bytes"],
    )


def rel(path: Path) -> str:
    """A path for messages: relative to the repository root when inside it."""
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)
