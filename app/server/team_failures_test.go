package server_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"nimbusadmin/app"
	"nimbusadmin/app/server"
	"nimbusadmin/app/server/servertest"
	"nimbusadmin/data/pg/pgtest"
)

func TestEveryBadTokenIsRefusedAndNothingRuns(t *testing.T) {
	ctx := context.Background()
	tm, ta, a := importedTeam(t, 100)
	authority := tm.Entra.Authority
	iss := tm.Entra.URL() + "/" + authority.TenantID() + "/v2.0"
	claims := func(change func(map[string]any)) map[string]any {
		c := map[string]any{"aud": servertest.APIClientID, "iss": iss, "tid": authority.TenantID(), "oid": ta.ID,
			"preferred_username": ta.UPN, "scp": "Nimbus.Admin", "ver": "2.0",
			"iat": time.Now().Unix(), "nbf": time.Now().Unix(), "exp": time.Now().Add(time.Hour).Unix()}
		if change != nil {
			change(c)
		}
		return c
	}
	good := authority.SignAccessToken(claims(nil))
	parts := strings.Split(good, ".")
	tampered := parts[0] + "." + base64.RawURLEncoding.EncodeToString(bytes.Replace(mustDecode(t, parts[1]), []byte(ta.ID), []byte("00000000-0000-4000-8000-000000000000"), 1)) + "." + parts[2]
	unsigned := base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"none","typ":"JWT"}`)) + "." + parts[1] + "."
	bad := map[string]string{
		"another audience": authority.SignAccessToken(claims(func(c map[string]any) { c["aud"] = "00000003-0000-0000-c000-000000000000" })),
		"another tenant":   authority.SignAccessToken(claims(func(c map[string]any) { c["tid"] = "11111111-2222-4333-8444-555555555555" })),
		"expired":          authority.SignAccessToken(claims(func(c map[string]any) { c["exp"] = time.Now().Add(-time.Hour).Unix() })),
		"unsigned":         unsigned,
		"tampered":         tampered,
		"garbage":          "not-a-token",
		"none":             "",
	}
	cmd, err := app.EncodeCommand(app.CreateOU{Parent: root(t, a.App), Name: "Made with a bad token"})
	if err != nil {
		t.Fatal(err)
	}
	body, _ := json.Marshal(server.CommandRequest{Command: cmd})
	for name, token := range bad {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, tm.URL+"/v1/commands", bytes.NewReader(body))
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := tm.Trust.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		msg, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("a token %s: HTTP %d %s, want 401", name, resp.StatusCode, msg)
		}
		if strings.Contains(string(msg), token) && token != "" {
			t.Errorf("the refusal of a token %s quotes the token", name)
		}
	}
	// The good token itself goes through, so the refusals above were the tokens'.
	if n, err := a.Client.CatchUp(ctx, 0); err != nil || n != 0 {
		t.Fatalf("after bad tokens the feed brought %d rows (%v): something ran", n, err)
	}
	if strings.Contains(tm.Log(), parts[2]) {
		t.Error("the server's log holds a token's signature")
	}
	tm.Stop()
}

func mustDecode(t *testing.T, s string) []byte {
	t.Helper()
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestAReplicaReviewsOfflineAndCatchesUpWhenTheServerReturns(t *testing.T) {
	ctx := context.Background()
	tm, _, a := importedTeam(t, 100)
	before := rowsDigest(t, a.App)
	tm.Stop()

	_, err := a.App.Do(ctx, app.CreateOU{Parent: root(t, a.App), Name: "While offline"})
	if !app.IsRule(err, "server.offline") || !strings.Contains(err.Error(), "Offline — server unreachable; read-only, caught up to ") {
		t.Fatalf("a change while the server is down: %v", err)
	}
	if err := a.App.CanChange(); err == nil {
		t.Error("the replica says it can change while the server is down")
	}
	if got := rowsDigest(t, a.App); got != before {
		t.Fatalf("the replica changed while offline: %s, was %s", got, before)
	}
	if _, err := a.App.OUTree(ctx); err != nil {
		t.Fatalf("reading offline: %v", err)
	}

	tm.Start() // the same address
	if _, err := a.Client.CatchUp(ctx, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := a.App.Do(ctx, app.CreateOU{Parent: root(t, a.App), Name: "Back online"}); err != nil {
		t.Fatalf("a change once the server is back: %v", err)
	}
	tm.Stop()
}

func TestTheServerKeepsWorkingAcrossARestartOfPostgreSQL(t *testing.T) {
	ctx := context.Background()
	tm, _, a := importedTeam(t, 100)
	cluster := pgtest.Shared(t)
	if err := cluster.Stop(); err != nil {
		t.Fatal(err)
	}
	_, err := a.App.Do(ctx, app.CreateOU{Parent: root(t, a.App), Name: "While PostgreSQL is down"})
	if err == nil || !strings.Contains(err.Error(), "PostgreSQL") {
		t.Errorf("a change while PostgreSQL is down: %v, want a line naming PostgreSQL", err)
	}
	if err := cluster.Start(); err != nil {
		t.Fatal(err)
	}
	// PostgreSQL stopped abruptly may give again ids it gave to transactions that wrote
	// nothing; the replica's cursor must not have passed them.
	out, err := a.App.Do(ctx, app.CreateOU{Parent: root(t, a.App), Name: "After the restart"})
	if err != nil {
		t.Fatalf("a change after PostgreSQL restarted: %v\n%s", err, tm.Log())
	}
	tree, _ := a.App.OUTree(ctx)
	if !tree.Has(out.ID) || tree.Name(out.ID) != "After the restart" {
		t.Fatal("the change after the restart is not in the replica")
	}
	for _, id := range tree.Children(root(t, a.App)) {
		if tree.Name(id) == "While PostgreSQL is down" {
			t.Fatal("the change refused while PostgreSQL was down reached the replica")
		}
	}
	tm.Stop()
}
