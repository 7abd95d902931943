# Redline. `make run` builds and serves the app; `make test` runs every test.
# Needs Go (go.mod's version) and, for the browser tests, Chromium
# (Debian: apt-get install chromium).

GO       ?= go
ADDR     ?= 127.0.0.1:8000
DB       ?= redline.db
WASM     := web/app.wasm
CORE     := web/core.wasm
BIN      := bin/redline
GOFILES  := $(shell find . -name '*.go' -not -path './bin/*') go.mod go.sum
GOFILES  += internal/checkworthy/weights.bin
FUZZTIME ?= 20s
HELLO    := bin/hello
BENCH    := bin/bench
# app.wasm and the hello-world it is compared with are built without
# inlining: smaller once compressed (docs/decisions.md, "app.wasm size").
# The worker's core.wasm keeps it: it runs the long diffs and migrations.
UIFLAGS  ?= -gcflags=all=-l
# app.wasm and core.wasm are one build: both are given its name (a hash of
# the sources) and each refuses the other's messages from another build
# (internal/corecall/build.go), as a tab opened before a deploy may start
# the new deploy's worker.
BUILDID  := $(shell cat $(GOFILES) | sha256sum | cut -c1-16)
CALLFLAGS = -X github.com/redline-news/redline/internal/corecall.build=$(BUILDID)

.DEFAULT_GOAL := help
.PHONY: help build run test unit e2e bench eval fuzz clean

help: ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-6s %s\n", $$1, $$2}'

build: $(WASM).br $(CORE).br $(BIN) ## build the wasm client and its core's worker wasm (+ .br/.gz) and the native binary

$(WASM): $(GOFILES)
	GOOS=js GOARCH=wasm $(GO) build -trimpath $(UIFLAGS) -ldflags="-s -w $(CALLFLAGS)" -o $@ ./cmd/redline

$(WASM).br: $(WASM)
	$(GO) run ./cmd/precompress $(WASM)

# The engines, in the page's Web Worker (cmd/redline-core, web/core-worker.js).
$(CORE): $(GOFILES)
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags="-s -w $(CALLFLAGS)" -o $@ ./cmd/redline-core

$(CORE).br: $(CORE)
	$(GO) run ./cmd/precompress $(CORE)

$(BIN): $(GOFILES)
	$(GO) build -trimpath -o $@ ./cmd/redline

run: build ## build, then serve the app on http://$(ADDR) with the SQLite file $(DB) (created if missing)
	$(BIN) serve --addr $(ADDR) --db $(DB)

test: unit e2e ## go vet, unit tests with -race, browser end-to-end tests

unit:
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./app/... ./cmd/...
	$(GO) tool staticcheck ./...
	$(GO) test -race ./...

e2e: build e2e/axe/node_modules/.package-lock.json ## browser end-to-end tests (headless Chromium)
	$(GO) test -tags e2e -count=1 -timeout 45m -v ./e2e/

# axe-core, the accessibility engine the e2e tests inject, at the version
# pinned in e2e/axe/package-lock.json.
e2e/axe/node_modules/.package-lock.json: e2e/axe/package.json e2e/axe/package-lock.json
	npm ci --prefix e2e/axe --no-audit --no-fund

bench: $(BENCH)/app/web/app.wasm.br $(HELLO)/web/app.wasm.br $(BENCH)/bench.wasm bench/node_modules/.package-lock.json ## Go core benchmarks, then Redline against its peers in Chromium; writes BENCHMARKS.md
	mkdir -p bench/out
	$(GO) test -run '^$$' -bench . -benchmem ./internal/... > bench/out/core.txt || { cat bench/out/core.txt; exit 1; }
	cat bench/out/core.txt
	$(GO) test -tags e2e -run '^$$' -bench '^BenchmarkReport$$' -benchtime 1x -timeout 20m ./e2e/
	cp bench/out/BENCHMARKS.md BENCHMARKS.md
	$(GO) test -run '^$$' -bench . -benchtime 1x -timeout 15m ./bench/load/
	cat bench/out/server.md >> BENCHMARKS.md

# Redline as measured: built like `make build` but apart from it, so that
# another build in the same checkout cannot change it during a run.
$(BENCH)/app/web/app.wasm.br: $(GOFILES) $(wildcard web/*.css web/*.js web/*.png web/*.svg)
	mkdir -p $(BENCH)/app/web
	cp web/*.css web/*.js web/*.png web/*.svg $(BENCH)/app/web/
	GOOS=js GOARCH=wasm $(GO) build -trimpath $(UIFLAGS) -ldflags="-s -w $(CALLFLAGS)" -o $(BENCH)/app/web/app.wasm ./cmd/redline
	$(GO) run ./cmd/precompress $(BENCH)/app/web/app.wasm
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags="-s -w $(CALLFLAGS)" -o $(BENCH)/app/web/core.wasm ./cmd/redline-core
	$(GO) run ./cmd/precompress $(BENCH)/app/web/core.wasm
	$(GO) build -trimpath -o $(BENCH)/app/redline ./cmd/redline

# Redline's side of the browser benchmarks (bench/web), with Go's loader.
$(BENCH)/bench.wasm: $(GOFILES)
	mkdir -p $(BENCH)
	cp "$$($(GO) env GOROOT)/lib/wasm/wasm_exec.js" $(BENCH)/
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags="-s -w" -o $@ ./bench/wasm

# Its JavaScript peers, at the versions pinned in bench/package-lock.json.
bench/node_modules/.package-lock.json: bench/package.json bench/package-lock.json
	npm ci --prefix bench --no-audit --no-fund

# The hello-world floor: same toolchain, flags, compression and server.
$(HELLO)/web/app.wasm.br: $(GOFILES)
	mkdir -p $(HELLO)/web
	cp web/icon-192.png web/icon-512.png web/icon.svg $(HELLO)/web/
	GOOS=js GOARCH=wasm $(GO) build -trimpath $(UIFLAGS) -ldflags="-s -w" -o $(HELLO)/web/app.wasm ./bench/hello
	$(GO) run ./cmd/precompress $(HELLO)/web/app.wasm
	$(GO) build -trimpath -o $(HELLO)/hello ./bench/hello

eval: ## quotes, speakers, claims, article extraction and revision migration, scored on labelled real material
	$(GO) test -count=1 -run '^TestEval$$' -v ./internal/suggest/
	$(GO) test -count=1 -run '^TestEvalRevisions$$' -v ./internal/migrate/
	$(GO) test -count=1 -run '^TestEvalClaims$$' -v ./internal/suggest/ ./internal/checkworthy/
	REDLINE_EVAL=1 $(GO) test -count=1 -timeout 30m -run '^(TestExtractionEval|TestSnippetEval)$$' -v ./internal/article/

fuzz: ## run every fuzz test (internal/, bench/) for FUZZTIME (default 20s)
	@for pkg in $$($(GO) list ./internal/... ./bench/...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$f"; $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

clean: ## remove built files
	rm -rf bin $(WASM) $(WASM).br $(WASM).gz $(CORE) $(CORE).br $(CORE).gz
