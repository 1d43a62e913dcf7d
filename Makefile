# stackadvisor — `make` (= `make test`) is what CI runs.
GO ?= go
BIN := bin/stackadvisor

.DEFAULT_GOAL := test
.PHONY: test vet build bench run clean man completions dist fuzz generate check-generated

test: vet ## vet, then every test with the race detector
	$(GO) test -race -count=1 ./...

vet:
	$(GO) vet ./...
	@unformatted=$$(gofmt -l $$(find . -name '*.go' -not -path './.git/*')); \
	  if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi

build:
	$(GO) build -buildvcs=true -o $(BIN) ./cmd/stackadvisor

bench: ## benchmarks of loading and scoring
	$(GO) test -run '^$$' -bench . -benchmem ./...

run:
	$(GO) run ./cmd/stackadvisor recommend

clean:
	rm -rf bin man completions dist

.PHONY: docs
docs: ## regenerate the README's question table from rules/questions.yaml
	UPDATE_DOCS=1 $(GO) test -count=1 -run TestREADMEQuestionTable ./pkg/cli

man: ## man pages into ./man (not committed)
	$(GO) run ./cmd/stackadvisor __man man

completions: ## shell completion scripts into ./completions (not committed)
	mkdir -p completions
	for sh in bash zsh fish powershell; do $(GO) run ./cmd/stackadvisor completion $$sh > completions/stackadvisor.$$sh; done

PLATFORMS := linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64

dist: man completions ## cross-builds (CGO off) with README, completions and man pages, into ./dist
	rm -rf dist && mkdir -p dist
	for p in $(PLATFORMS); do \
	  os=$${p%/*}; arch=$${p#*/}; name=stackadvisor_$${os}_$${arch}; ext=; [ $$os = windows ] && ext=.exe; \
	  mkdir -p dist/$$name && \
	  CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -buildvcs=true -trimpath -o dist/$$name/stackadvisor$$ext ./cmd/stackadvisor && \
	  cp README.md dist/$$name/ && cp -r completions man dist/$$name/ && \
	  (cd dist && tar czf $$name.tar.gz $$name) || exit 1; \
	done

fuzz: ## run each fuzz target briefly (FUZZTIME=30s by default)
	$(GO) test ./pkg/knowledge -run '^$$' -fuzz FuzzLoadRules -fuzztime $(or $(FUZZTIME),30s)
	$(GO) test ./pkg/knowledge -run '^$$' -fuzz FuzzParseAnswers -fuzztime $(or $(FUZZTIME),30s)

generate: ## rewrite generated files: rules/compiled.bin and the README's question table
	$(GO) generate ./rules
	UPDATE_DOCS=1 $(GO) test -count=1 -run TestREADMEQuestionTable ./pkg/cli

check-generated: generate ## fail when a generated file was out of date
	git diff --exit-code rules/compiled.bin README.md
