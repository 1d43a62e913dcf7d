# stackadvisor — `make` (= `make test`) is what CI runs.
GO ?= go
BIN := bin/stackadvisor

.DEFAULT_GOAL := test
.PHONY: test vet build bench run clean man completions

test: vet ## vet, then every test with the race detector
	$(GO) test -race -count=1 ./...

vet:
	$(GO) vet ./...
	@unformatted=$$(gofmt -l $$(find . -name '*.go' -not -path './.git/*')); \
	  if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi

build:
	$(GO) build -o $(BIN) ./cmd/stackadvisor

bench: ## benchmarks of loading and scoring
	$(GO) test -run '^$$' -bench . -benchmem ./...

run:
	$(GO) run ./cmd/stackadvisor recommend

clean:
	rm -rf bin man completions

.PHONY: docs
docs: ## regenerate the README's question table from rules/questions.yaml
	UPDATE_DOCS=1 $(GO) test -count=1 -run TestREADMEQuestionTable ./pkg/cli

man: ## man pages into ./man (not committed)
	$(GO) run ./cmd/stackadvisor __man man

completions: ## shell completion scripts into ./completions (not committed)
	mkdir -p completions
	for sh in bash zsh fish powershell; do $(GO) run ./cmd/stackadvisor completion $$sh > completions/stackadvisor.$$sh; done
