# The two set-up commands of the README. Both work on a fresh Debian 12 machine as root or
# with sudo: they install what is missing, then build.
PRESET ?= release
BUILD_DIR := build/$(PRESET)
JOBS ?= $(shell nproc)
DEMO_EXAMPLE ?= examples/enterprise.json
DEMO_OUT ?= demo-out

.PHONY: all deps test-deps build demo test clean format fuzz asan-test

all: build

deps:
	bash scripts/install-deps

test-deps:
	bash scripts/install-deps --with-test-tools

build: deps
	@if [ "$(CI)" = "true" ]; then preset=ci; else preset=$(PRESET); fi; \
	cmake --preset $$preset >/dev/null && cmake --build --preset $$preset -j $(JOBS)

demo: build
	bash scripts/demo $(BUILD_DIR)/lynctopo $(DEMO_EXAMPLE) $(DEMO_OUT)

test: test-deps build
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

# libFuzzer targets (fuzz/, clang): each runs FUZZ_SECONDS (see scripts/run-fuzz).
FUZZ_SECONDS ?= 60
fuzz: test-deps
	cmake --preset fuzz >/dev/null && cmake --build --preset fuzz -j $(JOBS)
	bash scripts/run-fuzz $(FUZZ_SECONDS)

# The whole suite under AddressSanitizer + UndefinedBehaviorSanitizer (preset asan).
asan-test: test-deps
	cmake --preset asan >/dev/null && cmake --build --preset asan -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  ctest --test-dir build/asan --output-on-failure -j $(JOBS)

format:
	git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

clean:
	rm -rf build demo-out
