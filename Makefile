# Sourcelight: one command per job. `make test` is the whole check, on a fresh
# machine too (CI runs .ci/run, which runs it). `make serve` runs the page.
SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
export PATH := $(HOME)/.cargo/bin:$(PATH)

PYTHON ?= python3
CHROMEDRIVER ?= /usr/bin/chromedriver
PORT ?= 8000

.PHONY: help setup web serve dist size bench wasm-test checked unit e2e lint test clean polnear

help:
	@echo "make setup      install toolchains, browser and node packages (idempotent)"
	@echo "make web        build the wasm module into www/pkg"
	@echo "make serve      setup + web, then serve www/ on http://127.0.0.1:$(PORT)"
	@echo "make dist       write dist/sourcelight.html (one file, works from file://)"
	@echo "make size       gzipped download size against the budget in wasm-pack.toml"
	@echo "make bench      cargo bench"
	@echo "make wasm-test  tests/web.rs in headless Chromium"
	@echo "make checked    the fixture, property and CLI tests with overflow checks"
	@echo "make unit       node tests of the page's pure modules (tests/unit)"
	@echo "make e2e        browser tests of the page (tests/e2e)"
	@echo "make lint       rustfmt and clippy"
	@echo "make test       all of the above that checks something, in order"
	@echo "make polnear    score against PolNeAR train/dev (POLNEAR_DIR=a clone; eval/README.md)"

setup:
	scripts/setup.sh

web:
	$(PYTHON) scripts/build-web.py

serve:
	$(MAKE) setup
	$(MAKE) web
	$(PYTHON) scripts/serve.py --port $(PORT)

dist:
	$(PYTHON) scripts/dist.py

size:
	$(PYTHON) scripts/size.py

bench:
	cargo bench

# wasm-bindgen-test-runner drives Chromium through chromedriver; webdriver.json
# adds the flags a container needs (no sandbox, no GPU, no background traffic).
wasm-test:
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	CHROMEDRIVER=$(CHROMEDRIVER) \
	WASM_BINDGEN_TEST_WEBDRIVER_JSON=$(CURDIR)/webdriver.json \
	WASM_BINDGEN_TEST_TIMEOUT=120 \
	cargo test --target wasm32-unknown-unknown --test web

# The fixture, property and command-line tests again with overflow checks and
# debug assertions (Cargo.toml's `checked` profile): a release build wraps an
# overflow silently, where it may hide a wrong index.
checked:
	cargo test --profile checked --test fixtures --test properties --test cli

# The classroom modules' logic (www/exercise.js, share.js, export.js) in node.
unit:
	node --test tests/unit/*.test.mjs

# Needs `make web` and `make dist` first (`make test` does both).
e2e:
	node --test --test-concurrency=1 tests/e2e/*.test.mjs

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	# src/wasm.rs and tests/web.rs exist only for wasm32, and wasm-test
	# compiles the command line there too: lint them there.
	cargo clippy --lib --bins --test web --target wasm32-unknown-unknown -- -D warnings
	for f in www/*.js; do node --check "$$f"; done

test:
	$(MAKE) setup
	$(MAKE) lint
	cargo test --release
	$(MAKE) checked
	$(MAKE) wasm-test
	$(MAKE) web
	$(MAKE) dist
	$(MAKE) unit
	$(MAKE) e2e
	$(MAKE) size

polnear:
	@test -n "$${POLNEAR_DIR:-}" || { echo "set POLNEAR_DIR to a PolNeAR clone (see eval/README.md)"; exit 1; }
	cargo build --release
	$(PYTHON) eval/polnear.py "$$POLNEAR_DIR/data/dev" "$$POLNEAR_DIR/data/train"

clean:
	rm -rf www/pkg target/web-build.partial dist target/screenshots
