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

# libFuzzer targets for the JSONL and CSV/ACLED parsers (clang). FUZZ_SECONDS per target.
FUZZ_SECONDS ?= 60
FUZZ_FLAGS = -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -Isrc
fuzz: deps
	@command -v clang++ >/dev/null || (echo "installing clang" && apt-get install -y -q clang)
	@mkdir -p build/fuzz build/fuzz/corpus-jsonl build/fuzz/corpus-csv
	clang++ $(FUZZ_FLAGS) fuzz/fuzz_jsonl.cpp src/truceline/store/report.cpp src/truceline/time.cpp -lfmt -lcrypto -lsimdjson -o build/fuzz/fuzz_jsonl
	clang++ $(FUZZ_FLAGS) fuzz/fuzz_csv.cpp src/truceline/store/importers.cpp src/truceline/store/report.cpp src/truceline/time.cpp -lfmt -lcrypto -lsimdjson -o build/fuzz/fuzz_csv
	./build/fuzz/fuzz_jsonl -max_total_time=$(FUZZ_SECONDS) -max_len=65536 build/fuzz/corpus-jsonl fuzz/corpus/jsonl
	./build/fuzz/fuzz_csv -max_total_time=$(FUZZ_SECONDS) -max_len=65536 build/fuzz/corpus-csv fuzz/corpus/csv
