# The README's commands. Every target installs what is missing first.
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all deps build debug asan test test-asan demo bench clean format fuzz

all: build

deps:
	@./scripts/setup-deps

build: deps
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS)

debug: deps
	@cmake --preset debug >/dev/null
	@cmake --build --preset debug -j $(JOBS)

asan: deps
	@cmake --preset asan >/dev/null
	@cmake --build --preset asan -j $(JOBS)

test: build
	@ctest --preset release -j $(JOBS)

test-asan: asan
	@ctest --preset asan -j $(JOBS)

demo: build
	@./scripts/demo

# The raw Google Benchmark JSON (with the machine in its context) goes to bench/results/,
# named by date and machine class; scripts/bench-table turns it into the README's table.
# BENCH_ARGS adds flags (e.g. --benchmark_filter=Locate); the command is in the file's context.
# bench/postgis.sh then measures the PostGIS baseline into $(BENCH_OUT:.json=.postgis.json)
# (skipped, with a message, where PostgreSQL or PostGIS is not installed), and bench-table
# prints the table with the ratios. bench/web-map.mjs then measures the map page in headless
# Chromium on a 100,000-report store (first paint, slider and filter re-render; docs/web.md)
# into $(BENCH_OUT:.json=.web.json). Before it, truceline-extract-eval scores `truceline extract` on
# the evaluation set data/eval/extract (precision/recall per field and language, place accuracy
# within 5 km, zone-verdict agreement, throughput on one core; data/eval/extract/README.md), prints
# the table and writes $(BENCH_OUT:.json=.extract.json) (`truceline-extract-eval --print FILE`
# prints the table again).
BENCH_OUT ?= bench/results/$(shell date -u +%Y-%m-%d)-$(shell nproc)cpu-$(shell uname -m).json
bench: build
	@./scripts/setup-deps --bench
	@mkdir -p bench/results
	@./build/release/truceline-bench --benchmark_out=$(BENCH_OUT).part --benchmark_out_format=json $(BENCH_ARGS)
	@mv $(BENCH_OUT).part $(BENCH_OUT)
	@./bench/postgis.sh $(BENCH_OUT:.json=.postgis.json) build/release/truceline-bench
	@echo "raw results: $(BENCH_OUT); table: scripts/bench-table $(BENCH_OUT)"
	@./scripts/bench-table $(BENCH_OUT)
	@./build/release/truceline-accuracy > bench/results/accuracy.md.part
	@mv bench/results/accuracy.md.part bench/results/accuracy.md
	@echo "accuracy: bench/results/accuracy.md; table: scripts/accuracy-table bench/results/accuracy.md"
	@./build/release/truceline-extract-eval --out $(BENCH_OUT:.json=.extract.json)
	@node bench/web-map.mjs --bin build/release/truceline --out $(BENCH_OUT:.json=.web.json)

format:
	@clang-format -i $$(git ls-files '*.cpp' '*.hpp')

clean:
	rm -rf build

# libFuzzer targets (clang): CSV/ACLED, JSONL, agreement TOML, GeoJSON line/area, locate's points,
# extract's news texts.
# FUZZ_SECONDS per target, on the committed corpora (fuzz/corpus); see fuzz/run.sh.
# (`make test` runs the same for 15 s per target: the ctest test fuzz_smoke.)
FUZZ_SECONDS ?= 60
fuzz: deps
	@./fuzz/run.sh $(FUZZ_SECONDS)
