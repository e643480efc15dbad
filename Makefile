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

bench: build
	@./build/release/truceline-bench $(BENCH_ARGS)
	@./build/release/truceline-accuracy

format:
	@clang-format -i $$(git ls-files '*.cpp' '*.hpp')

clean:
	rm -rf build

# libFuzzer targets (clang): CSV/ACLED, JSONL, agreement TOML, GeoJSON line/area, locate's points.
# FUZZ_SECONDS per target, on the committed corpora (fuzz/corpus); see fuzz/run.sh.
# (`make test` runs the same for 20 s per target: the ctest test fuzz_smoke.)
FUZZ_SECONDS ?= 60
fuzz: deps
	@./fuzz/run.sh $(FUZZ_SECONDS)
