package graph_test

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"nimbusadmin/data/graph"
	"nimbusadmin/data/graph/directory"
	"nimbusadmin/data/simtenant"
)

// Graph's error answers come back with Graph's own code and message, read from the body.
func TestAGraphErrorCarriesGraphsCodeAndMessage(t *testing.T) {
	s, c := startTenant(t, simtenant.Options{Users: 10})
	_, err := c.UserDelta(context.Background(), s.GraphURL()+"/users/delta()?$deltatoken=not-a-token",
		func(directory.UserPage) error { return nil })
	var ge *graph.Error
	if !errors.As(err, &ge) {
		t.Fatalf("a refused delta link comes back as %v", err)
	}
	if ge.Status != http.StatusBadRequest || ge.Code != "Request_BadRequest" || ge.Message != "the $deltatoken is not valid" {
		t.Fatalf("Graph's answer came back as %+v", *ge)
	}
}
