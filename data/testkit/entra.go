package testkit

import (
	"encoding/pem"
	"net/http"
	"net/http/httptest"
	"testing"

	"nimbusadmin/data/simtenant"
)

// Entra is a simulated Entra ID serving the device-code sign-in on loopback HTTPS, so
// that a test signs in with the real MSAL client.
type Entra struct {
	Authority *simtenant.Authority
	server    *httptest.Server
}

// StartEntra starts a simulated Entra ID that stops when the test ends.
func StartEntra(t testing.TB, o simtenant.AuthorityOptions) *Entra {
	t.Helper()
	a := simtenant.NewAuthority(o)
	srv := httptest.NewTLSServer(a)
	t.Cleanup(srv.Close)
	return &Entra{Authority: a, server: srv}
}

// URL is the authority host to sign in at.
func (e *Entra) URL() string { return e.server.URL }

// GraphURL is the Graph base URL on the same host.
func (e *Entra) GraphURL() string { return e.server.URL + "/v1.0" }

// Client is an HTTP client that trusts the simulated Entra ID's certificate.
func (e *Entra) Client() *http.Client { return e.server.Client() }

// Close stops the simulated Entra ID before the test ends, as when the network goes away.
func (e *Entra) Close() { e.server.Close() }

// CertificatePEM is the simulated Entra ID's TLS certificate, for a process of its own
// to trust (SSL_CERT_FILE).
func (e *Entra) CertificatePEM() []byte {
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: e.server.Certificate().Raw})
}
