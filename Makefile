# stackadvisor — `make` (= `make test`) is what CI runs.
GO ?= go
BIN := bin/stackadvisor

.DEFAULT_GOAL := test
.PHONY: test check vet lint build bench run clean man completions dist fuzz generate check-generated cross screenshot release release-check

test: vet ## vet, gofmt, every test once (about half a minute): the gate to run before each commit
	$(GO) test -count=1 ./...

check: ## the long checks CI runs after make test: every test under the race detector, the root-sensitive tests unprivileged too, each fuzz target for 30 s (the record parser's for 10 s)
	$(GO) test -race -count=1 ./...
	GO=$(GO) ./scripts/unprivileged-tests.sh
	$(MAKE) --no-print-directory fuzz FUZZTIME=30s

vet:
	$(GO) vet ./...
	@unformatted=$$(gofmt -l $$(find . -name '*.go' -not -path './.git/*')); \
	  if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi

# Release tools, pinned. RELEASE_GO is the toolchain release archives are built and
# vulnerability-checked with: the go command fetches it from the module proxy on first use
# (about 76 MB, once per machine). Go 1.26.8 has standard-library vulnerabilities that
# govulncheck reports (fixed in 1.26.9 and 1.26.10); go1.27.3 has none of them.
RELEASE_GO ?= go1.27.3
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
# The SBOM generator, pinned. It is installed into .cache/bin rather than run with `go run`,
# because it reads the target platform from GOOS/GOARCH, which `go run` would also use to build
# the generator itself (a windows/arm64 binary cannot run here).
CYCLONEDX := github.com/CycloneDX/cyclonedx-gomod/cmd/cyclonedx-gomod@v1.10.0
CYCLONEDX_BIN := .cache/bin/cyclonedx-gomod-v1.10.0
GOVULNCHECK := golang.org/x/vuln/cmd/govulncheck@v1.9.0
# The vulnerability database: vuln.go.dev when the machine reaches it (VULNDB=https://vuln.go.dev),
# otherwise a snapshot of golang.org/x/vulndb from the module proxy, indexed locally once.
VULNDB_SNAPSHOT := v0.0.0-20261105234957-e22db6528018
VULNDB_DIR := .cache/vulndb-$(VULNDB_SNAPSHOT)
VULNDB ?= file://$(CURDIR)/$(VULNDB_DIR)

lint: vet ## staticcheck, and govulncheck against the release toolchain
	$(GO) run $(STATICCHECK) ./...
	@case "$(VULNDB)" in file://$(CURDIR)/$(VULNDB_DIR)) $(MAKE) --no-print-directory $(VULNDB_DIR)/index/db.json;; esac
	GOTOOLCHAIN=$(RELEASE_GO) $(GO) run $(GOVULNCHECK) -db $(VULNDB) ./...

$(VULNDB_DIR)/index/db.json:
	@echo "indexing the vulnerability database snapshot $(VULNDB_SNAPSHOT) (once; about a minute)"
	$(GO) mod download golang.org/x/vulndb@$(VULNDB_SNAPSHOT)
	rm -rf $(VULNDB_DIR).tmp
	$(GO) run golang.org/x/vulndb/cmd/indexdb@$(VULNDB_SNAPSHOT) \
	  -vulns "$$($(GO) mod download -json golang.org/x/vulndb@$(VULNDB_SNAPSHOT) | sed -n 's/.*"Dir": "\(.*\)",/\1/p')/data/osv" \
	  -out $(VULNDB_DIR).tmp
	rm -rf $(VULNDB_DIR) && mv $(VULNDB_DIR).tmp $(VULNDB_DIR)

build:
	CGO_ENABLED=0 $(GO) build -buildvcs=true -o $(BIN) ./cmd/stackadvisor

bench: ## benchmarks of loading and scoring
	$(GO) test -run '^$$' -bench . -benchmem ./...

cross: ## the golden reports (robustness numbers included) on 386 and, under qemu-aarch64, arm64: the same bytes on every platform
	GOARCH=386 $(GO) test -count=1 ./pkg/report ./pkg/engine ./pkg/record
	CGO_ENABLED=0 GOARCH=arm64 $(GO) test -count=1 -exec qemu-aarch64 ./pkg/report ./pkg/engine ./pkg/record

run:
	$(GO) run ./cmd/stackadvisor recommend

screenshot: ## the README's picture of the one-screen answer, docs/recommend.svg, from today's output
	CLICOLOR_FORCE=1 NO_COLOR= COLUMNS=100 LANG=C.UTF-8 $(GO) run ./cmd/stackadvisor recommend | $(GO) run ./internal/tools/termsvg > docs/recommend.svg.tmp
	mv docs/recommend.svg.tmp docs/recommend.svg

clean:
	rm -rf bin man completions dist .cache

.PHONY: docs
docs: ## regenerate the README's question table from rules/questions.yaml
	UPDATE_DOCS=1 $(GO) test -count=1 -run TestREADMEQuestionTable ./pkg/cli

man: ## man pages into ./man (not committed): the version of this checkout, dated by SOURCE_DATE_EPOCH or the commit
	mkdir -p .cache/bin
	$(GO) build -buildvcs=auto -o .cache/bin/genman ./internal/tools/genman
	rm -rf man && .cache/bin/genman man

completions: ## shell completion scripts into ./completions (not committed)
	mkdir -p completions
	for sh in bash zsh fish powershell; do $(GO) run ./cmd/stackadvisor completion $$sh > completions/stackadvisor.$$sh; done


$(CYCLONEDX_BIN):
	mkdir -p .cache/bin
	GOBIN=$(CURDIR)/.cache/bin $(GO) install $(CYCLONEDX)
	mv .cache/bin/cyclonedx-gomod $@

# GoReleaser, pinned, builds the releases (.goreleaser.yaml). A clone without a remote (a local
# repository) gets one in the environment only: GoReleaser reads the commit and its date from git
# and gives up on both, and on reproducible times, when it finds no remote.
GORELEASER := github.com/goreleaser/goreleaser/v2@v2.17.0
GORELEASER_BIN := .cache/bin/goreleaser-v2.17.0
GORELEASER_ENV := RELEASE_GO=$(RELEASE_GO) $$(git remote | grep -q . || echo GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=remote.origin.url GIT_CONFIG_VALUE_0=https://github.com/stackadvisor/stackadvisor.git)

$(GORELEASER_BIN):
	mkdir -p .cache/bin
	GOBIN=$(CURDIR)/.cache/bin $(GO) install $(GORELEASER)
	mv .cache/bin/goreleaser $@

# The container image, built from the release's linux binaries without a Docker daemon or a
# registry (internal/tools/ociimage): an OCI layout in dist/image, its digest in dist/IMAGE_DIGEST.
IMAGE = $(GO) run ./internal/tools/ociimage -out dist/image \
	-version "$$(sed -n 's/.*"version":"\([^"]*\)".*/\1/p' dist/metadata.json)" -time "$$(git log -1 --format=%ct)" \
	linux/amd64=dist/stackadvisor_linux_amd64_v1/stackadvisor linux/arm64=dist/stackadvisor_linux_arm64_v8.0/stackadvisor > dist/IMAGE_DIGEST

dist: $(GORELEASER_BIN) $(CYCLONEDX_BIN) ## a snapshot release into ./dist (GoReleaser): versioned archives for six platforms, deb/rpm/apk, a CycloneDX SBOM per archive, SHA256SUMS, the Homebrew cask and Scoop manifest, and the container image (dist/image)
	env $(GORELEASER_ENV) $(GORELEASER_BIN) release --snapshot --clean
	$(IMAGE)

release-check: $(GORELEASER_BIN) $(CYCLONEDX_BIN) ## goreleaser check, then two snapshot releases that must give the same bytes (CI's long checks)
	$(GORELEASER_BIN) check
	env $(GORELEASER_ENV) $(GORELEASER_BIN) release --snapshot --clean
	$(IMAGE)
	cat dist/SHA256SUMS dist/IMAGE_DIGEST > .cache/SHA256SUMS.first
	env $(GORELEASER_ENV) $(GORELEASER_BIN) release --snapshot --clean
	$(IMAGE)
	cat dist/SHA256SUMS dist/IMAGE_DIGEST | diff -u .cache/SHA256SUMS.first - && echo "two snapshot releases: the same bytes, the same image"

IMAGE_REPO ?= ghcr.io/stackadvisor/stackadvisor

release: $(GORELEASER_BIN) $(CYCLONEDX_BIN) ## a tagged release (.github/workflows/release.yml runs it on a v* tag): GoReleaser publishes the archives, packages, cask and manifest (GITHUB_TOKEN), then the image goes to $(IMAGE_REPO):VERSION (REGISTRY_USER, REGISTRY_PASSWORD)
	env RELEASE_GO=$(RELEASE_GO) $(GORELEASER_BIN) release --clean
	$(IMAGE)
	$(GO) run ./internal/tools/ociimage -out dist/image -push $(IMAGE_REPO)

fuzz: ## run each fuzz target briefly (FUZZTIME=30s by default; the record parser, a smaller input space, FUZZTIME_RECORD=10s)
	GO=$(GO) ./scripts/fuzz.sh ./pkg/knowledge FuzzLoadRules $(or $(FUZZTIME),30s)
	GO=$(GO) ./scripts/fuzz.sh ./pkg/knowledge FuzzParseAnswers $(or $(FUZZTIME),30s)
	GO=$(GO) ./scripts/fuzz.sh ./pkg/record FuzzParseRecord $(or $(FUZZTIME_RECORD),10s)

generate: ## rewrite generated files: pkg/knowledge/embedded_gen.go (go generate ./rules), the README's question table
	$(GO) generate ./rules
	UPDATE_DOCS=1 $(GO) test -count=1 -run TestREADMEQuestionTable ./pkg/cli

check-generated: generate ## fail when a generated file was out of date
	git diff --exit-code pkg/knowledge/embedded_gen.go README.md
