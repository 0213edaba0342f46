package app

import (
	"context"
	"errors"
	"strings"
	"testing"

	"nimbusadmin/data"
	"nimbusadmin/data/testkit"
)

// createDirectoryRow reads a cached directory row with its sync round.
func createDirectoryRow(t *testing.T, f *fixture, id string) (data.DirectoryUser, int64) {
	t.Helper()
	var du data.DirectoryUser
	var round int64
	err := f.app.store.Tx(context.Background(), func(q *data.Q) error {
		var err error
		if du, err = q.DirectoryUser(id); err != nil {
			return err
		}
		rows, err := testkit.Prepare(q, `SELECT sync_round FROM directory_users WHERE id = ?`)
		if err != nil {
			return err
		}
		defer rows.Close()
		return rows.QueryRow(id).Scan(&round)
	})
	if err != nil {
		t.Fatal(err)
	}
	return du, round
}

func TestAddUserFromDirectoryStoresAPersonOnlyGraphKnows(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	enabled := true
	grace := data.DirectoryUser{ID: "AAAAAAAA-0000-4000-8000-0000000000AA", DisplayName: "Grace Hopper", GivenName: "Grace",
		Surname: "Hopper", UPN: "grace@contoso.example", Mail: "grace@mail.contoso.example", Department: "Navy",
		JobTitle: "Rear Admiral", AccountEnabled: &enabled}
	journal := f.accepted(func() error {
		return f.app.AddUserFromDirectory(ctx, grace, f.ou["APAC"], data.ContactCenter)
	})
	if len(journal) == 0 || journal[len(journal)-1].Action != "user.add" || journal[len(journal)-1].Target != grace.UPN {
		t.Fatalf("the addition is not journaled as user.add of %s: %+v", grace.UPN, journal)
	}
	stored, _ := createDirectoryRow(t, f, "aaaaaaaa-0000-4000-8000-0000000000aa")
	want := grace
	want.ID = "aaaaaaaa-0000-4000-8000-0000000000aa"
	if stored.DisplayName != want.DisplayName || stored.GivenName != want.GivenName || stored.Surname != want.Surname ||
		stored.UPN != want.UPN || stored.Mail != want.Mail || stored.Department != want.Department ||
		stored.JobTitle != want.JobTitle || stored.AccountEnabled == nil || !*stored.AccountEnabled {
		t.Fatalf("the directory row is %+v, want %+v", stored, want)
	}
	u, err := findUser(f.app.store.Read(ctx), want.ID)
	if err != nil || u.OUID != f.ou["APAC"] || !u.Licences.Has(data.ContactCenter) || u.Origin != data.OriginManual {
		t.Fatalf("the Nimbus user is %+v, %v", u, err)
	}
}

func TestAddUserFromDirectoryUpdatesOnlyTheDirectoryPropertiesOfACachedPerson(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	if err := f.app.store.Tx(ctx, func(q *data.Q) error {
		_, err := testkit.Exec(q, `UPDATE directory_users SET sync_round = 7 WHERE id = ?`, f.user["frank"])
		return err
	}); err != nil {
		t.Fatal(err)
	}
	fresh := data.DirectoryUser{ID: f.user["frank"], DisplayName: "Frank Renamed", UPN: "frank.r@contoso.example"}
	f.accepted(func() error { return f.app.AddUserFromDirectory(ctx, fresh, f.ou["Support"], 0) })
	stored, round := createDirectoryRow(t, f, f.user["frank"])
	if stored.DisplayName != "Frank Renamed" || stored.UPN != "frank.r@contoso.example" || stored.Department != "" {
		t.Fatalf("the cached row does not carry Graph's properties: %+v", stored)
	}
	if round != 7 {
		t.Fatalf("the sync round changed to %d: the upsert must touch the directory properties only", round)
	}
}

func TestAddUserFromDirectoryRefusesAsAddUserDoesAndWritesNothing(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	anna := data.DirectoryUser{ID: f.user["anna"], DisplayName: "Anna Renamed", UPN: "anna@contoso.example"}
	f.refused("add.exists", func() error {
		return f.app.AddUserFromDirectory(ctx, anna, f.ou["APAC"], 0)
	}, "anna@contoso.example", "already a Nimbus user")
	f.refused("add.directory", func() error {
		return f.app.AddUserFromDirectory(ctx, data.DirectoryUser{ID: "bbbbbbbb-0000-4000-8000-0000000000bb"}, f.ou["APAC"], 0)
	}, "user principal name")
	before := f.digest()
	nobody := data.DirectoryUser{ID: "cccccccc-0000-4000-8000-0000000000cc", UPN: "nobody@contoso.example"}
	var nf *NotFoundError
	if err := f.app.AddUserFromDirectory(ctx, nobody, 987654, 0); !errors.As(err, &nf) {
		t.Fatalf("an unknown OU gives %v", err)
	}
	if f.digest() != before {
		t.Fatal("adding into an unknown OU left the directory row behind")
	}
}

func TestCachedDirectoryEntriesTellCachedNimbusAndUnknownApart(t *testing.T) {
	f := newFixture(t)
	got, err := f.app.CachedDirectoryEntries(context.Background(),
		[]string{f.user["anna"], strings.ToUpper(f.user["frank"]), "dddddddd-0000-4000-8000-0000000000dd"})
	if err != nil {
		t.Fatal(err)
	}
	anna, frank := got[f.user["anna"]], got[f.user["frank"]]
	if len(got) != 2 || !anna.IsNimbusUser || anna.UPN != "anna@contoso.example" ||
		frank.IsNimbusUser || frank.UPN != "frank@contoso.example" {
		t.Fatalf("got %+v", got)
	}
}
