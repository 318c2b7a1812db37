# tcvpc — build, test, install, release. `make help` lists the targets.
# Go modules come from whatever GOPROXY the environment sets (Go's default
# when unset); nothing here overrides it.
GO        ?= go
BIN       ?= bin/tcvpc
TOOLS     := $(CURDIR)/bin/tools

VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT    ?= $(shell git rev-parse HEAD 2>/dev/null)
DATE      ?= $(shell git log -1 --format=%cI 2>/dev/null)
PKG       := github.com/tcvpc/tcvpc/cmd
LDFLAGS   := -s -w -X $(PKG).Version=$(VERSION) -X $(PKG).Commit=$(COMMIT) -X $(PKG).Date=$(DATE)

# Install layout (make install PREFIX=/usr DESTDIR=/tmp/pkg).
PREFIX    ?= /usr/local
DESTDIR   ?=
BINDIR    ?= $(PREFIX)/bin
MANDIR    ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  ?= $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d

# The manual's pages the API model is generated from (not in the repository).
SEEDS     ?= $(or $(TCVPC_SEEDS),$(abspath ../shared/seeds))
ifneq ($(wildcard $(SEEDS)/.),)
export TCVPC_SEEDS := $(abspath $(SEEDS))
endif

# Pinned tools, built with the Go of this machine.
STATICCHECK_VERSION ?= v0.8.2
GORELEASER_VERSION  ?= v2.17.0
FUZZTIME  ?= 10s

.DEFAULT_GOAL := build
.PHONY: help all build install uninstall test test-race lint generate docs completions manpages \
	check-generated bench fuzz demo snapshot release-check tools clean

help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z][a-z-]*:.*## / {printf "  %-16s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

all: build

build: ## build bin/tcvpc with the version from git
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) .

install: build ## install the binary, man pages and completions (PREFIX, DESTDIR)
	install -d '$(DESTDIR)$(BINDIR)' '$(DESTDIR)$(MANDIR)/man1' '$(DESTDIR)$(BASHCOMPDIR)' \
		'$(DESTDIR)$(ZSHCOMPDIR)' '$(DESTDIR)$(FISHCOMPDIR)'
	install -m 0755 $(BIN) '$(DESTDIR)$(BINDIR)/tcvpc'
	install -m 0644 docs/man/*.1 '$(DESTDIR)$(MANDIR)/man1/'
	install -m 0644 completions/tcvpc.bash '$(DESTDIR)$(BASHCOMPDIR)/tcvpc'
	install -m 0644 completions/_tcvpc '$(DESTDIR)$(ZSHCOMPDIR)/_tcvpc'
	install -m 0644 completions/tcvpc.fish '$(DESTDIR)$(FISHCOMPDIR)/tcvpc.fish'

uninstall: ## remove what install put there (PREFIX, DESTDIR)
	rm -f '$(DESTDIR)$(BINDIR)/tcvpc' '$(DESTDIR)$(MANDIR)/man1/tcvpc.1' \
		'$(DESTDIR)$(BASHCOMPDIR)/tcvpc' '$(DESTDIR)$(ZSHCOMPDIR)/_tcvpc' '$(DESTDIR)$(FISHCOMPDIR)/tcvpc.fish'
	rm -f '$(DESTDIR)$(MANDIR)/man1/'tcvpc-*.1

# The test command README gives and CI runs.
test: build ## vet, gofmt and the whole test suite (what CI runs)
	$(GO) vet ./...
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) test -count=1 ./...
	$(GO) test -race -count=1 ./pkg/emulator/ ./pkg/api/ ./pkg/wait/ ./pkg/output/

test-race: ## the whole suite under the race detector
	$(GO) test -race -count=1 ./...

lint: $(TOOLS)/staticcheck ## gofmt, go vet and staticcheck
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(TOOLS)/staticcheck ./...

$(TOOLS)/staticcheck:
	GOBIN=$(TOOLS) $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)

$(TOOLS)/goreleaser:
	GOBIN=$(TOOLS) $(GO) install github.com/goreleaser/goreleaser/v2@$(GORELEASER_VERSION)

tools: $(TOOLS)/staticcheck $(TOOLS)/goreleaser ## install the pinned staticcheck and goreleaser into bin/tools

generate: ## regenerate the API model (when SEEDS is at hand), docs, man pages and completions
	@if [ -n "$$TCVPC_SEEDS" ]; then \
	  echo "$(GO) generate ./pkg/api/model/  (TCVPC_SEEDS=$$TCVPC_SEEDS)"; $(GO) generate ./pkg/api/model/; \
	else echo "generate: no source pages at $(SEEDS) (make generate SEEDS=DIR); the API model is left as it is"; fi
	$(GO) run ./tools/gendocs

docs: ## regenerate the command reference, docs/commands/*.md
	$(GO) run ./tools/gendocs -only docs

manpages: ## regenerate the man pages, docs/man/*.1
	$(GO) run ./tools/gendocs -only man

completions: ## regenerate the bash, zsh, fish and PowerShell completion scripts
	$(GO) run ./tools/gendocs -only completions

check-generated: generate ## regenerate everything and fail if the committed files differ
	git diff --exit-code -- pkg/ docs/ completions/

demo: build ## the scripted tour on the local emulator
	./scripts/demo.sh $(BIN)

bench: build ## benchmarks under bench/: Go benchmarks, then scale and start-up tables (markdown, targets beside)
	$(GO) test -run '^$$' -bench . -benchmem ./bench/...
	$(GO) build -trimpath -ldflags '-s -w' -o bin/hello ./bench/hello
	$(GO) run ./bench/scale -bin $(BIN) -hello bin/hello

fuzz: ## run every Fuzz* test for FUZZTIME (default 10s) each
	@found=0; for f in $$(git ls-files -co --exclude-standard '*_test.go' 2>/dev/null || find . -name '*_test.go'); do \
	  for n in $$(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' $$f); do \
	    found=1; echo "$(GO) test -run '^$$' -fuzz '^$$n\$$' -fuzztime=$(FUZZTIME) ./$$(dirname $$f)"; \
	    $(GO) test -run '^$$' -fuzz "^$$n\$$" -fuzztime=$(FUZZTIME) ./$$(dirname $$f) || exit 1; \
	  done; done; [ $$found = 1 ] || echo "fuzz: no Fuzz* tests"

release-check: $(TOOLS)/goreleaser ## goreleaser check of .goreleaser.yaml with the pinned goreleaser
	$(TOOLS)/goreleaser check

# goreleaser reads the git remote's URL; a clone without a remote is given
# the project's through the environment (nothing in .git is changed).
snapshot: release-check ## a local release build into dist/ (no publishing), then checks it (scripts/check-snapshot.sh)
	@if git remote | grep -q .; then set -x; $(TOOLS)/goreleaser release --snapshot --clean; \
	else set -x; GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=remote.origin.url GIT_CONFIG_VALUE_0=https://github.com/tcvpc/tcvpc.git \
	  $(TOOLS)/goreleaser release --snapshot --clean; fi
	./scripts/check-snapshot.sh dist

clean: ## remove bin/ and dist/
	rm -rf bin dist
