# tcvpc — build, test, demo.
GO        ?= go
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS   := -s -w -X github.com/tcvpc/tcvpc/cmd.Version=$(VERSION)
BIN       := bin/tcvpc
export GOPROXY ?= https://proxy.golang.org

.PHONY: all build test test-race lint demo bench generate check-generated clean

all: build

build:
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) .

# The test command README gives and CI runs.
test: build
	$(GO) vet ./...
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) test -count=1 ./...
	$(GO) test -race -count=1 ./pkg/emulator/ ./pkg/api/ ./pkg/wait/ ./pkg/output/

test-race:
	$(GO) test -race -count=1 ./...

lint:
	$(GO) vet ./...
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

# Regenerate generated files; CI fails if they drift.
generate:
	$(GO) generate ./pkg/api/model/
	$(GO) run ./tools/gendocs

check-generated: generate
	git diff --exit-code -- pkg/ docs/ completions/

# The scripted tour on the local emulator.
demo: build
	./scripts/demo.sh $(BIN)

bench: build
	$(GO) test -run '^$$' -bench . -benchmem ./bench/...
	./bench/startup.sh $(BIN)

clean:
	rm -rf bin
