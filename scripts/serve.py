#!/usr/bin/env python3
"""Serves www/ on http://127.0.0.1:8000 (only this machine can connect).

    python3 scripts/serve.py [--port 8000] [--dir www]

Python's default MIME table can send .js as text/plain on some systems, and
browsers refuse ES modules without a JavaScript type, so the types are set
here. Nothing is cached, so a rebuild shows at the next reload.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the checkout
from webconfig import WWW

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".wasm": "application/wasm",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".txt": "text/plain; charset=utf-8",
}


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--bind", default="127.0.0.1")
    parser.add_argument("--dir", default=str(WWW))
    args = parser.parse_args()
    handler = functools.partial(Handler, directory=args.dir)
    try:
        server = http.server.ThreadingHTTPServer((args.bind, args.port), handler)
    except OSError as err:
        sys.exit(f"error: cannot listen on {args.bind}:{args.port}: {err}")
    print(f"Serving {args.dir} at http://{args.bind}:{args.port}/  (Ctrl-C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
