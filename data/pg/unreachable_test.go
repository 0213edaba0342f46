package pg

import (
	"context"
	"strings"
	"testing"
	"time"

	"nimbusadmin/data/pg/pgtest"
)

// oneLineNaming fails the test unless err is one line naming host, without secret.
func oneLineNaming(t *testing.T, err error, host, secret string, parts ...string) {
	t.Helper()
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	if strings.Contains(msg, "\n") || !strings.Contains(msg, host) || strings.Contains(msg, secret) || !contains(msg, parts...) {
		t.Fatalf("the message must be one line naming %q and %q, without the password: %q", host, parts, msg)
	}
}

func TestAnAddressThatCannotBeReachedOrReadIsOneLineWithoutThePassword(t *testing.T) {
	ctx := context.Background()
	_, err := Open(ctx, "postgres://admin:s3cret-pw@127.0.0.1:1/nimbus?connect_timeout=3&sslmode=disable")
	oneLineNaming(t, err, "127.0.0.1:1", "s3cret-pw", "PostgreSQL at 127.0.0.1:1 is unreachable: ")

	_, err = Open(ctx, "postgres://admin:s3cret-pw@db.example:notaport/nimbus")
	oneLineNaming(t, err, "db.example", "s3cret-pw", "the PostgreSQL address is not valid")
}

// PostgreSQL restarting under the server: writes fail with one line saying so while it is
// down, and work again once it is back, on the same DB.
func TestWritesSayPostgreSQLIsUnreachableWhileItIsDownAndWorkAfter(t *testing.T) {
	c := pgtest.Start(t)
	db := openURL(t, c.CreateDB(t, "restart"))
	ctx := context.Background()
	put(t, db, row("before", `{}`))
	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}
	err := db.Write(ctx, func(tx *Tx) error { return tx.Put([]Row{row("down", `{}`)}) })
	oneLineNaming(t, err, c.Host(), "\x00", "PostgreSQL at "+c.Host()+" is unreachable: ")
	_, err = db.Feed(ctx, 0, func(Row) error { return nil })
	oneLineNaming(t, err, c.Host(), "\x00", "is unreachable")
	oneLineNaming(t, db.Ping(ctx), c.Host(), "\x00", "is unreachable")

	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	put(t, db, row("after", `{}`))

	// Restarted between two writes: the first write after it meets the pool's broken
	// connections and must still work.
	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	put(t, db, row("after", `{"again":true}`))
	got, _ := feed(t, db, 0)
	if len(got) != 2 {
		t.Fatalf("after the restart the store holds\n%s", text(got))
	}
}

// The follower's listening connection comes back by itself after PostgreSQL restarts.
func TestFollowersAreWokenAgainAfterPostgreSQLRestarts(t *testing.T) {
	saved := fallbackTick
	fallbackTick = time.Hour
	t.Cleanup(func() { fallbackTick = saved })
	c := pgtest.Start(t)
	url := c.CreateDB(t, "listen")
	writer, follower := openURL(t, url), openURL(t, url)
	<-follower.Changed()
	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.After(15 * time.Second)
	for {
		changed := follower.Changed()
		put(t, writer, row("a", `{}`))
		select {
		case <-changed:
			return
		case <-time.After(time.Second):
		case <-deadline:
			t.Fatal("the follower was not woken after PostgreSQL restarted")
		}
	}
}
