package data

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOpenCreatesPrivateFileAppliesMigrationsOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "tenant.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("cache mode %v, %v; want 0600", info.Mode().Perm(), err)
	}
	ctx := context.Background()
	var mode string
	var fk, version int
	q := s.Read(ctx)
	q.db.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode)
	q.db.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&fk)
	q.db.QueryRowContext(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&version)
	if mode != "wal" || fk != 1 || version != SchemaVersion() {
		t.Errorf("journal_mode %q, foreign_keys %d, schema %d", mode, fk, version)
	}
	s.Close()
	s, err = Open(path) // a second open must not re-run the migrations
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, _ := s.Read(ctx).CountRows("roles"); n != 11 {
		t.Errorf("%d built-in roles after reopening, want 11", n)
	}
}

func TestNewerSchemaIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tenant.db")
	s, _ := Open(path)
	s.Read(context.Background()).exec(`INSERT INTO schema_migrations (version, applied_at) VALUES (999, '')`)
	s.Close()
	if _, err := Open(path); err == nil || !strings.Contains(err.Error(), "newer Nimbus Admin") {
		t.Errorf("got %v", err)
	}
}

func TestParseLicence(t *testing.T) {
	for in, want := range map[string]LicenceSet{"contact-center": ContactCenter, "Attendant Console": AttendantConsole, " INTERACT ": Interact, "assistant": Assistant} {
		if got, err := ParseLicence(in); err != nil || got != want {
			t.Errorf("ParseLicence(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := ParseLicence("gold"); err == nil {
		t.Error("gold accepted")
	}
	if got := (ContactCenter | Assistant).Keys(); strings.Join(got, ",") != "contact-center,assistant" {
		t.Errorf("Keys %v", got)
	}
}
