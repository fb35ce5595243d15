# jinzhan — `make` builds the example site into public/, `make test` runs every test.
GO      ?= go
NPM     ?= npm
BIN     := bin/jinzhan
VERSION := $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)

.PHONY: all site binary deps minio test vet cross bench bench-hugo clean

all: site

# npm installs the pinned ECharts and Pagefind (package-lock.json); internal/webdist bundles
# the ECharts parts jinzhan draws (web/parts.js) with esbuild into web/dist/, with the
# licences of what the bundles hold: echarts.min.js, which a page loads when a reader touches a
# chart (web/echarts.js), and echarts-ssr.min.js, which the build runs in Go (goja) to draw
# every chart as SVG (web/echarts-ssr.js). web/dist/ is committed, so that Go alone builds jinzhan
# (go install); go:embed carries it into the binary, and a test fails when it is not what
# package-lock.json gives.
node_modules/.package-lock.json: package.json package-lock.json
	$(NPM) ci --no-audit --no-fund --loglevel=error

web/dist/echarts.min.js web/dist/echarts-ssr.min.js &: $(wildcard web/*.js) node_modules/.package-lock.json $(wildcard internal/webdist/*.go)
	$(GO) run ./internal/webdist

deps: web/dist/echarts.min.js

# main.checkout records this folder, so a copy of bin/jinzhan anywhere still runs the
# Pagefind that npm ci installed here.
binary: deps
	$(GO) build -trimpath -ldflags "-X main.version=$(VERSION) -X 'main.checkout=$(CURDIR)'" -o $(BIN) ./cmd/jinzhan

site: binary
	./$(BIN) build

vet: deps
	$(GO) vet ./...
	@out="$$(gofmt -l $$(git ls-files '*.go'))"; if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

# MinIO, the S3 server the tests of jinzhan deploy run against: a separate program (AGPL), never
# imported. go install builds it (about 5 minutes the first time on 2 cores) into a cache outside
# the repository, one folder per version, where internal/miniotest finds it (MINIO_BIN overrides).
MINIO_VERSION := v0.0.0-20260212201848-7aac2a2c5b7c
MINIO_DIR     := $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/jinzhan/minio/$(MINIO_VERSION)

minio: $(MINIO_DIR)/minio

$(MINIO_DIR)/minio:
	GOBIN=$(MINIO_DIR) $(GO) install github.com/minio/minio@$(MINIO_VERSION)

# jinzhan runs on Linux, macOS and Windows: each package, tests included, compiles and passes
# vet with the other systems' files (publish, sitefs and Pagefind's containment differ per system).
CROSS := darwin/amd64 darwin/arm64 windows/amd64

cross: deps
	@for p in $(CROSS); do \
		echo "GOOS=$${p%/*} GOARCH=$${p#*/} go build, go vet"; \
		GOOS=$${p%/*} GOARCH=$${p#*/} $(GO) build ./... && GOOS=$${p%/*} GOARCH=$${p#*/} $(GO) vet ./... || exit 1; \
	done

test: vet cross
	$(GO) test -count=1 ./...

# Benchmarks: the median of several runs, on tmpfs when /dev/shm exists.
bench: deps
	BENCH_DIR=$$( [ -d /dev/shm ] && echo /dev/shm || echo /tmp ) \
	$(GO) test -run '^$$' -bench . -benchmem -count 5 -timeout 30m ./internal/build/ ./internal/serve/ ./internal/chartsvg/ | tee bench.out
	@$(GO) run ./internal/benchreport bench.out

# jinzhan against Hugo (Debian: apt-get install hugo) and the goldmark floor
# on the same realistic stories: 10,000, or STORIES=100000 make bench-hugo.
STORIES ?= 10000
RUNS ?= 3
bench-hugo: binary
	$(GO) run ./internal/benchhugo -jinzhan $(BIN) -stories $(STORIES) -runs $(RUNS)

clean:
	rm -rf $(BIN) public .public.spare bench.out
