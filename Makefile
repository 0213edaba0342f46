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
# cluster of their own (not the one the package itself may set up); for `make package`:
# Debian's mingw-w64 C compiler, with which cgo cross-compiles the Windows .exe, and xz
# for the Linux archive.
PACKAGES  := gcc pkg-config libgl1-mesa-dev xorg-dev \
             xvfb xdotool imagemagick xclip gnome-keyring dbus dbus-x11 \
             fonts-noto-cjk fonts-noto-core postgresql \
             gcc-mingw-w64-x86-64 xz-utils
SUDO      := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# staticcheck at a fixed version, fetched through the module proxy on first use.
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2

# How long each fuzz target runs in `make test`: a count of runs (a few seconds each here),
# not a duration, because Go before 1.27 may fail a duration-bounded run with "context
# deadline exceeded" when the time is up and no input failed (go.dev/issue/75804).
# `make fuzz FUZZTIME=10m` for a long run.
FUZZTIME  ?= 20000x

# What `nimbusadmin version` says: FyneApp.toml's version (the binary embeds the file),
# and the commit and time of the build, given at link time by every build here, so that
# they are named even where Go records no revision (GOFLAGS=-buildvcs=false, a git
# worktree, an export outside git). A plain go build in a clone has Go record them.
VERSION   := $(shell sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\(.*\)"/\1/p' FyneApp.toml)
APPBUILD  := $(shell sed -n 's/^[[:space:]]*Build[[:space:]]*=[[:space:]]*\([0-9]*\).*/\1/p' FyneApp.toml)
COMMIT    := $(shell git rev-parse HEAD 2>/dev/null)$(shell git status --porcelain --untracked-files=no 2>/dev/null | grep -q . && echo -modified)
BUILT     := $(shell date -u +%Y-%m-%dT%H:%M:%SZ)
STAMP     := -X nimbusadmin/app/buildinfo.commit=$(COMMIT) -X nimbusadmin/app/buildinfo.date=$(BUILT)
RELEASE_LDFLAGS := -s -w $(STAMP)
DIST      := dist
LINUX_DIR := nimbusadmin-$(VERSION)-linux-amd64
WINDOWS_EXE := $(DIST)/nimbusadmin-$(VERSION)-windows-amd64.exe
# go-winres writes the .exe's icon and version resource as a .syso, which go build links
# into a Windows binary of the package beside it; fetched through the module proxy.
GOWINRES  := github.com/tc-hib/go-winres@v0.3.3

.PHONY: run test deps build bench fuzz package package-linux package-windows

deps:
	@missing=""; for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing system packages:$$missing"; \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

run: deps
	$(GO) run -tags $(TAGS) -ldflags '$(STAMP)' .

build: deps
	$(GO) build -tags $(TAGS) -ldflags '$(STAMP)' -o nimbusadmin .

# dist/nimbusadmin-VERSION-linux-amd64.tar.xz (the binary, the icon, a .desktop entry and
# a Makefile for sudo make install, laid out as fyne package lays out a Linux package) and
# dist/nimbusadmin-VERSION-windows-amd64.exe (a GUI program with the icon and a version
# resource). Both are built with -trimpath and without symbols.
package: package-linux package-windows

package-linux: deps
	rm -rf $(DIST)/$(LINUX_DIR) && mkdir -p $(DIST)/$(LINUX_DIR)/usr/local/bin
	$(GO) build -tags $(TAGS) -trimpath -ldflags '$(RELEASE_LDFLAGS)' -o $(DIST)/$(LINUX_DIR)/usr/local/bin/nimbusadmin .
	install -Dm644 packaging/linux/nimbusadmin.desktop $(DIST)/$(LINUX_DIR)/usr/local/share/applications/nimbusadmin.desktop
	install -Dm644 assets/icon.png $(DIST)/$(LINUX_DIR)/usr/local/share/pixmaps/nimbusadmin.png
	install -m644 packaging/linux/Makefile $(DIST)/$(LINUX_DIR)/Makefile
	tar -C $(DIST) --owner=0 --group=0 -cJf $(DIST)/$(LINUX_DIR).tar.xz $(LINUX_DIR)
	rm -rf $(DIST)/$(LINUX_DIR)

package-windows: deps
	mkdir -p $(DIST)
	$(GO) run $(GOWINRES) simply --arch amd64 --out rsrc --manifest gui --icon assets/icon.png \
		--product-name "Nimbus Admin" --file-description "Nimbus Admin" --original-filename nimbusadmin.exe \
		--product-version $(VERSION) --file-version $(VERSION).$(APPBUILD)
	CC=x86_64-w64-mingw32-gcc GOOS=windows GOARCH=amd64 CGO_ENABLED=1 \
		$(GO) build -tags $(TAGS) -trimpath -ldflags '$(RELEASE_LDFLAGS) -H windowsgui' -o $(WINDOWS_EXE) . ; \
		status=$$?; rm -f rsrc_windows_amd64.syso; exit $$status

test: deps
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change: $$unformatted"; exit 1; fi
	$(GO) vet -tags $(TAGS) ./...
	$(GO) run $(STATICCHECK) -tags $(TAGS) ./...
	$(GO) test -tags $(TAGS) -count=1 -timeout 30m ./...
	$(GO) test -race -tags $(TAGS) -count=1 -timeout 40m ./app/... ./data/... ./auth/...
	$(GO) test -tags '$(TAGS) xvfb' -count=1 -timeout 30m ./ui/xvfbcheck/
	GOOS=darwin $(GO) vet -tags $(TAGS) ./app/... ./data/... ./auth/...
	GOOS=windows $(GO) vet -tags $(TAGS) ./app/... ./data/... ./auth/...
	$(MAKE) --no-print-directory package
	$(GO) test -tags '$(TAGS) package' -count=1 ./packaging/
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
