package demo

import (
	"context"
	"path/filepath"
	"testing"

	"nimbusadmin/data"
)

// TestGenerateTellsHowManyUsersAreBuiltFromNoneToAll checks that a generation reports its
// progress from the start, often and never backwards, and reaches every user only when
// the tenant is stored.
func TestGenerateTellsHowManyUsersAreBuiltFromNoneToAll(t *testing.T) {
	const users = 3000
	s, err := data.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var seen []int
	err = Generate(context.Background(), s, Options{Users: users, Progress: func(built, total int) {
		if total != users {
			t.Fatalf("progress counts %d users, want %d", total, users)
		}
		seen = append(seen, built)
	}})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) < 50 || seen[0] != 0 || seen[len(seen)-1] != users {
		t.Fatalf("progress reported %d times, from %v to %v; want from 0 to %d at least 50 times", len(seen), seen[:min(len(seen), 1)], seen[max(len(seen)-1, 0):], users)
	}
	for i := 1; i < len(seen); i++ {
		if seen[i] <= seen[i-1] {
			t.Fatalf("progress went from %d to %d", seen[i-1], seen[i])
		}
		if seen[i] == users && i != len(seen)-1 {
			t.Fatal("progress reported every user built before the end")
		}
	}
	if _, err := s.Read(context.Background()).TenantSettings(); err != nil {
		t.Fatalf("the tenant is not stored: %v", err)
	}
}
