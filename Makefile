# The two set-up commands of the README. Both work on a fresh Debian 12 machine as root or
# with sudo: they install what is missing, then build.
PRESET ?= release
BUILD_DIR := build/$(PRESET)
JOBS ?= $(shell nproc)
DEMO_EXAMPLE ?= examples/enterprise.json
DEMO_OUT ?= demo-out

.PHONY: all deps test-deps build build-tests demo test install package clean format fuzz asan-test sanitize-test
PREFIX ?= /usr/local

all: build

deps:
	bash scripts/install-deps

test-deps:
	bash scripts/install-deps --with-test-tools

# The binary only: no Catch2, no tests (what `make demo` needs).
build: deps
	@if [ "$(CI)" = "true" ]; then preset=ci; else preset=$(PRESET); fi; \
	cmake --preset $$preset -DBUILD_TESTING=OFF >/dev/null && \
	cmake --build --preset $$preset -j $(JOBS) --target lynctopo

# Everything: the binary, the unit tests, the man page and completions.
build-tests: test-deps
	@if [ "$(CI)" = "true" ]; then preset=ci; else preset=$(PRESET); fi; \
	cmake --preset $$preset -DBUILD_TESTING=ON >/dev/null && cmake --build --preset $$preset -j $(JOBS)

demo: build
	bash scripts/demo $(BUILD_DIR)/lynctopo $(DEMO_EXAMPLE) $(DEMO_OUT)

test: build-tests
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

# libFuzzer targets (fuzz/, clang): each runs FUZZ_SECONDS (see scripts/run-fuzz).
FUZZ_SECONDS ?= 60
fuzz: test-deps
	cmake --preset fuzz >/dev/null && cmake --build --preset fuzz -j $(JOBS)
	bash scripts/run-fuzz $(FUZZ_SECONDS)

# The whole suite under AddressSanitizer + UndefinedBehaviorSanitizer (preset asan).
asan-test: test-deps
	cmake --preset asan >/dev/null && cmake --build --preset asan -j $(JOBS)
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  ctest --test-dir build/asan --output-on-failure -j $(JOBS)

# The CI sanitizer job (preset sanitize: clang, ASan + UBSan, one tree for the suite and the fuzz
# targets): the whole suite, then every libFuzzer target for FUZZ_SECONDS, JOBS at a time.
sanitize-test: test-deps
	cmake --preset sanitize >/dev/null && cmake --build --preset sanitize -j $(JOBS)
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  ctest --test-dir build/sanitize --output-on-failure -j $(JOBS)
	FUZZ_BUILD_DIR=build/sanitize bash scripts/run-fuzz $(FUZZ_SECONDS) $(JOBS)

# cmake --install: binary, man page, bash/zsh/fish completions, docs (README "Install").
install: build-tests
	cmake --install $(BUILD_DIR) --prefix $(PREFIX)

# The .deb, in $(BUILD_DIR): dpkg -i / apt install ./build/release/lynctopo_*.deb
package: build-tests
	cd $(BUILD_DIR) && cpack

format:
	git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

clean:
	rm -rf build demo-out
