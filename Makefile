# bilan - Makefile.  `make` builds build/bilan; `make report` installs what
# is missing, builds and runs the sample; `make test` runs every test.
# Quiet unless V=1.

CC      ?= cc
# pkg-config modules: the second column of scripts/packages.txt
PKGS    := $(shell awk '!/^\#/ && NF && $$2 != "-" {print $$2}' scripts/packages.txt)
CFLAGS  ?= -O2 -g
# Warnings and the language are not CFLAGS, so a CFLAGS given on the command
# line (or SANFLAGS, as `make asan` does) adds to them instead of replacing them.
WARN    := -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror \
           -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2 -Wvla
ALL_CFLAGS = $(WARN) -pthread -Isrc $(shell pkg-config --cflags $(PKGS) 2>/dev/null) \
             $(CFLAGS) $(SANFLAGS)
ALL_LDFLAGS = $(LDFLAGS) $(SANFLAGS) -pthread
LDLIBS  += $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcsv -lhpdf -lm
BUILD   ?= build

# Where `make install` puts things (GNU conventions; DESTDIR stages them).
# DATADIR and LOCALEDIR are compiled into the program, which reads its
# templates from $(DATADIR)/bilan/templates and its message catalogues from
# $(LOCALEDIR) when it runs from anywhere but the checkout.
PREFIX      ?= /usr/local
BINDIR      ?= $(PREFIX)/bin
DATADIR     ?= $(PREFIX)/share
MANDIR      ?= $(DATADIR)/man
LOCALEDIR   ?= $(DATADIR)/locale
BASHCOMPDIR ?= $(DATADIR)/bash-completion/completions
INSTALL     ?= install

Q := $(if $(V),,@)

SRC      := $(wildcard src/*.c src/*/*.c)
OBJ      := $(SRC:src/%.c=$(BUILD)/obj/%.o)
LIB_OBJ  := $(filter-out $(BUILD)/obj/main.o,$(OBJ))
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
# Message catalogues: po/LANG.po for each LANG of po/LINGUAS, built into
# $(BUILD)/locale (where the program finds them when run from the checkout).
LINGUAS  := $(shell cat po/LINGUAS 2>/dev/null)
MO       := $(LINGUAS:%=$(BUILD)/locale/%/LC_MESSAGES/bilan.mo)

.PHONY: all install uninstall po report test test-programs unit e2e layers golden faults asan tsan valgrind fuzz bench format clean deps deps-build

all: $(BUILD)/bilan $(MO)

$(BUILD)/obj/%.o: src/%.c
	@$(if $(Q),echo "  CC      $<")
	@mkdir -p $(@D)
	$(Q)$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

-include $(OBJ:.o=.d)

# The installed paths, compiled into lib/files.o only; the stamp changes
# (and that object is rebuilt) only when they do.
PATHS       := $(DATADIR)/bilan|$(LOCALEDIR)
PATHS_STAMP := $(BUILD)/paths.stamp
$(shell mkdir -p $(BUILD) && { [ "$$(cat $(PATHS_STAMP) 2>/dev/null)" = '$(PATHS)' ] || \
    printf '%s\n' '$(PATHS)' >$(PATHS_STAMP); })
$(BUILD)/obj/lib/files.o: $(PATHS_STAMP)
$(BUILD)/obj/lib/files.o: ALL_CFLAGS += -DBILAN_DATADIR='"$(DATADIR)/bilan"' \
                                        -DBILAN_LOCALEDIR='"$(LOCALEDIR)"'

$(BUILD)/libbilan.a: $(LIB_OBJ)
	$(Q)rm -f $@ && ar rcs $@ $^

$(BUILD)/bilan: $(BUILD)/obj/main.o $(BUILD)/libbilan.a
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/locale/%/LC_MESSAGES/bilan.mo: po/%.po
	@$(if $(Q),echo "  MSGFMT  $<")
	@mkdir -p $(@D)
	$(Q)msgfmt --check -o $@ $<

# po/bilan.pot from the sources, merged into each po/LANG.po; then
# `sh scripts/po.sh missing` lists what is left to translate.
po:
	$(Q)sh scripts/po.sh update

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libbilan.a $(wildcard tests/unit/*.h) | $(BUILD)/tests
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) -Wno-missing-prototypes $(ALL_LDFLAGS) -o $@ $< $(BUILD)/libbilan.a $(LDLIBS) -lcmocka

$(BUILD)/tests:
	$(Q)mkdir -p $@

# install: the program, its templates (and style.ini, the fonts' settings),
# the man page, the bash completion and the message catalogues.
# uninstall removes exactly those, and $(DATADIR)/bilan.
install: all
	$(Q)$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(BASHCOMPDIR)
	$(Q)$(INSTALL) -m 755 $(BUILD)/bilan $(DESTDIR)$(BINDIR)/bilan
	$(Q)cd templates && find . -type f | while read -r f; do \
	    $(INSTALL) -D -m 644 "$$f" "$(DESTDIR)$(DATADIR)/bilan/templates/$$f" || exit 1; done
	$(Q)$(INSTALL) -m 644 docs/bilan.1 $(DESTDIR)$(MANDIR)/man1/bilan.1
	$(Q)$(INSTALL) -m 644 scripts/bilan.bash-completion $(DESTDIR)$(BASHCOMPDIR)/bilan
	$(Q)for l in $(LINGUAS); do \
	    $(INSTALL) -D -m 644 $(BUILD)/locale/$$l/LC_MESSAGES/bilan.mo \
	        $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/bilan.mo || exit 1; done

uninstall:
	$(Q)rm -f $(DESTDIR)$(BINDIR)/bilan $(DESTDIR)$(MANDIR)/man1/bilan.1 \
	    $(DESTDIR)$(BASHCOMPDIR)/bilan
	$(Q)rm -rf $(DESTDIR)$(DATADIR)/bilan
	$(Q)for l in $(LINGUAS); do rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/bilan.mo; done

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

# The layer rules of src/: no two files call each other, no include across
# layers (tests/layers.sh, on the objects of the build).
layers: all
	$(Q)BUILD=$(BUILD) sh tests/layers.sh

# Rewrites the sample's golden outputs (tests/golden/sample/), which
# tests/e2e/test_golden.sh compares: after an intended change, review the diff.
golden: all
	$(Q)rm -rf tests/golden/sample.new
	$(Q)sh tests/golden/render.sh $(BUILD)/bilan tests/golden/sample.new
	$(Q)rm -rf tests/golden/sample && mv tests/golden/sample.new tests/golden/sample

# Every test: unit and end-to-end, then the same under ASan+UBSan, then the
# sample run under valgrind, then the fuzzers for FUZZ_SECONDS each.
# Installs what is missing first.  Prints the totals.
test: deps
	$(Q)$(MAKE) --no-print-directory -s all test-programs
	$(Q)sh tests/run_all.sh

test-programs: $(UNIT_BIN) $(BUILD)/faults/inject.so

# The fault-injection shim (tests/faults/inject.c), LD_PRELOADed by
# tests/faults/sweep.sh and tests/e2e/test_atomic.sh.
$(BUILD)/faults/inject.so: tests/faults/inject.c
	@$(if $(Q),echo "  CC      $<")
	@mkdir -p $(@D)
	$(Q)$(CC) -shared -fPIC -O1 -g -Wall -Wextra -Werror -o $@ $< -ldl

# Every N of every family of faults (make test runs a sample): long.
faults: all $(BUILD)/faults/inject.so
	$(Q)BILAN=$(BUILD)/bilan FAULT_SHIM=$(BUILD)/faults/inject.so sh tests/faults/sweep.sh --all

asan:
	$(Q)$(MAKE) --no-print-directory BUILD=build/asan CC=clang CFLAGS="-O1 -g" \
	  SANFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  all $(UNIT_SRC:tests/unit/%.c=build/asan/tests/%)

# ThreadSanitizer build, for the two-thread reader (tests/run_all.sh).
tsan:
	$(Q)$(MAKE) --no-print-directory BUILD=build/tsan CC=clang CFLAGS="-O1 -g" \
	  SANFLAGS="-fsanitize=thread -fno-omit-frame-pointer" all

valgrind: all
	$(Q)sh tests/valgrind.sh $(BUILD)/bilan

fuzz:
	$(Q)sh tests/fuzz/run.sh $(FUZZ_SECONDS)

bench: all
	$(Q)sh bench/run.sh

format:
	$(Q)clang-format -i $(SRC) $(wildcard src/*.h src/*/*.h tests/unit/*.[ch])

clean:
	$(Q)rm -rf build
