# Nimbus Admin. Two commands on a fresh Debian/Ubuntu machine with Go:
#   make run    opens the window (on the demo tenant when nobody is signed in)
#   make test   gofmt, go vet, staticcheck, the whole test suite, the race detector over
#               app/, data/ and auth/, the real window under Xvfb and the fuzz targets
# Both first install the system packages Fyne needs when they are missing.

GO        ?= go
TAGS      := migrated_fynedo
# cgo toolchain and the OpenGL/X11 headers the Fyne desktop driver compiles against;
# for the tests: a virtual X server with keystrokes, screenshots and the clipboard, and a
# real Secret Service (gnome-keyring on a private D-Bus session), dbus-launch (dbus-x11),
# which the keyring library would start by itself without a session bus, so that a test
# sees that no daemon is left behind; fonts for the names the
# demo holds in Chinese, Japanese, Korean (noto-cjk), Arabic, Hebrew, Thai, Devanagari
# and Greek (noto-core), which Fyne draws from the system fonts its own font lacks;
# PostgreSQL's initdb and pg_ctl, with which the team-mode tests start a throwaway
# cluster of their own (not the one the package itself may set up).
PACKAGES  := gcc pkg-config libgl1-mesa-dev xorg-dev \
             xvfb xdotool imagemagick xclip gnome-keyring dbus dbus-x11 \
             fonts-noto-cjk fonts-noto-core postgresql
SUDO      := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# staticcheck at a fixed version, fetched through the module proxy on first use.
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2

# How long each fuzz target runs in `make test`: a count of runs (a few seconds each here),
# not a duration, because Go before 1.27 may fail a duration-bounded run with "context
# deadline exceeded" when the time is up and no input failed (go.dev/issue/75804).
# `make fuzz FUZZTIME=10m` for a long run.
FUZZTIME  ?= 20000x

.PHONY: run test deps build bench fuzz

deps:
	@missing=""; for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing system packages:$$missing"; \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

run: deps
	$(GO) run -tags $(TAGS) .

build: deps
	$(GO) build -tags $(TAGS) -o nimbusadmin .

test: deps
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change: $$unformatted"; exit 1; fi
	$(GO) vet -tags $(TAGS) ./...
	$(GO) run $(STATICCHECK) -tags $(TAGS) ./...
	$(GO) test -tags $(TAGS) -count=1 -timeout 30m ./...
	$(GO) test -race -tags $(TAGS) -count=1 -timeout 40m ./app/... ./data/... ./auth/...
	$(GO) test -tags '$(TAGS) xvfb' -count=1 -timeout 30m ./ui/xvfbcheck/
	$(MAKE) --no-print-directory fuzz

# Every FuzzXxx target of every package, one after the other (go test -fuzz takes one
# target of one package at a time), each for FUZZTIME; what a run finds is written under
# the package's testdata/fuzz/ and fails the run. Minimising a new input is capped at 100
# runs: by default it may take a minute of a five-second run.
fuzz:
	@list=$$(mktemp); log=$$(mktemp); \
	$(GO) test -tags $(TAGS) -list '^Fuzz' ./... >$$list || { cat $$list; exit 1; }; \
	awk '/^Fuzz/ { targets = targets " " $$1; next } /^ok/ { if (targets != "") print $$2 targets; targets = "" }' $$list | \
	while read -r pkg targets; do \
		for t in $$targets; do \
			echo "fuzz $$pkg $$t ($(FUZZTIME))"; \
			$(GO) test -tags $(TAGS) -run '^$$' -fuzz "^$$t\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 100x $$pkg >$$log 2>&1 || { cat $$log; exit 1; }; \
		done; \
	done

bench: deps
	$(GO) test -tags $(TAGS) -run '^$$' -bench . -benchtime 1x ./...
