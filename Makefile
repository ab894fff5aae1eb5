# bilan - Makefile.  `make` builds build/bilan; `make report` installs what
# is missing, builds and runs the sample; `make test` runs every test.
# Quiet unless V=1.

CC      ?= cc
PKGS    := xlsxwriter inih libutf8proc jansson libcmark fontconfig zlib
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror \
           -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2 \
           -Wvla $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS  += $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcsv -lhpdf -lm
BUILD   ?= build

Q := $(if $(V),,@)

SRC      := $(wildcard src/*.c)
OBJ      := $(SRC:src/%.c=$(BUILD)/obj/%.o)
LIB_OBJ  := $(filter-out $(BUILD)/obj/main.o,$(OBJ))
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all report test test-programs unit e2e asan valgrind fuzz bench format clean deps deps-build

all: $(BUILD)/bilan

$(BUILD)/obj/%.o: src/%.c $(wildcard src/*.h) | $(BUILD)/obj
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS) -c $< -o $@

$(BUILD)/libbilan.a: $(LIB_OBJ)
	$(Q)rm -f $@ && ar rcs $@ $^

$(BUILD)/bilan: $(BUILD)/obj/main.o $(BUILD)/libbilan.a
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libbilan.a $(wildcard tests/unit/*.h) | $(BUILD)/tests
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS) -Isrc -Wno-missing-prototypes $(LDFLAGS) -o $@ $< $(BUILD)/libbilan.a $(LDLIBS) -lcmocka

$(BUILD)/obj $(BUILD)/tests:
	$(Q)mkdir -p $@

deps:
	$(Q)sh scripts/deps.sh

deps-build:
	$(Q)sh scripts/deps.sh --build-only

report: deps-build
	$(Q)$(MAKE) --no-print-directory -s all
	$(Q)./$(BUILD)/bilan --input input --output output

unit: $(UNIT_BIN)
	$(Q)sh tests/run_unit.sh $(UNIT_BIN)

e2e: $(BUILD)/bilan
	$(Q)BILAN=$(BUILD)/bilan sh tests/e2e/run.sh

# Every test: unit and end-to-end, then the same under ASan+UBSan, then the
# sample run under valgrind, then the fuzzers for FUZZ_SECONDS each.
# Installs what is missing first.  Prints the totals.
test: deps
	$(Q)$(MAKE) --no-print-directory -s all test-programs
	$(Q)sh tests/run_all.sh

test-programs: $(UNIT_BIN)

asan:
	$(Q)$(MAKE) --no-print-directory BUILD=build/asan CC=clang \
	  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  LDFLAGS="-fsanitize=address,undefined" all $(UNIT_SRC:tests/unit/%.c=build/asan/tests/%)

valgrind: all
	$(Q)sh tests/valgrind.sh $(BUILD)/bilan

fuzz:
	$(Q)sh tests/fuzz/run.sh $(FUZZ_SECONDS)

bench: all
	$(Q)sh bench/run.sh

format:
	$(Q)clang-format -i src/*.c src/*.h tests/unit/*.c

clean:
	$(Q)rm -rf build
