# The two set-up commands of the README. Both work on a fresh Debian 12 machine as root or
# with sudo: they install what is missing, then build.
PRESET ?= release
BUILD_DIR := build/$(PRESET)
JOBS ?= $(shell nproc)
DEMO_EXAMPLE ?= examples/enterprise.json
DEMO_OUT ?= demo-out

.PHONY: all deps test-deps build demo test clean format

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

format:
	git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

clean:
	rm -rf build demo-out
