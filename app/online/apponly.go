package online

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"

	"github.com/AzureAD/microsoft-authentication-library-for-go/apps/confidential"

	"nimbusadmin/app"
	"nimbusadmin/auth"
	"nimbusadmin/data/graph"
)

// AppOnlyConfig is how the team server signs in to its tenant as itself (an app
// registration with the User.Read.All and GroupMember.Read.All application permissions)
// to read the directory, with no admin signed in. It proves who it is with a client
// secret, read from a file or given from the environment (never from a command line,
// which every user of the machine can read), or with a certificate.
type AppOnlyConfig struct {
	Endpoints  auth.Endpoints // the authority host and the Graph URL of the tenant's cloud
	TenantID   string
	ClientID   string
	SecretFile string // a file holding the client secret
	Secret     string // the client secret itself, from the environment; SecretFile wins
	CertFile   string // the certificate (PEM); may hold the private key too
	KeyFile    string // its private key (PEM), when not in CertFile
	HTTPClient *http.Client
}

// AppOnly gives the directory of the tenant as App.Sync reads it, through Microsoft
// Graph with app-only tokens of a confidential client. Tokens are asked for when a
// sync needs one and kept until shortly before they expire.
func AppOnly(cfg AppOnlyConfig) (app.DirectorySource, error) {
	cred, err := appCredential(cfg)
	if err != nil {
		return nil, err
	}
	if cfg.TenantID == "" || cfg.ClientID == "" {
		return nil, errors.New("the directory sync needs the tenant id and the client id of its app registration")
	}
	opts := []confidential.Option{confidential.WithInstanceDiscovery(cfg.Endpoints.IsMicrosoftAuthority())}
	if cfg.HTTPClient != nil {
		opts = append(opts, confidential.WithHTTPClient(cfg.HTTPClient))
	}
	authority := strings.TrimRight(cfg.Endpoints.AuthorityHost, "/") + "/" + url.PathEscape(cfg.TenantID)
	client, err := confidential.New(authority, cfg.ClientID, cred, opts...)
	if err != nil {
		return nil, fmt.Errorf("cannot make the directory sync's sign-in for %s: %w", authority, err)
	}
	scope, err := graphDefaultScope(cfg.Endpoints.GraphURL)
	if err != nil {
		return nil, err
	}
	tokens := &appTokens{client: client, scopes: []string{scope}, clientID: cfg.ClientID}
	g, err := graph.New(cfg.Endpoints.GraphURL, tokens, cfg.HTTPClient)
	if err != nil {
		return nil, err
	}
	return reachable{g, cfg.Endpoints.GraphURL}, nil
}

// appCredential reads the one way the app proves who it is: a secret (from its file or
// the environment) or a certificate with its key.
func appCredential(cfg AppOnlyConfig) (confidential.Credential, error) {
	hasSecret := cfg.SecretFile != "" || cfg.Secret != ""
	hasCert := cfg.CertFile != "" || cfg.KeyFile != ""
	switch {
	case hasSecret && hasCert:
		return confidential.Credential{}, errors.New("give the directory sync a client secret or a certificate, not both")
	case hasCert:
		return certCredential(cfg.CertFile, cfg.KeyFile)
	case !hasSecret:
		return confidential.Credential{}, errors.New("the directory sync needs a client secret (a file, or NIMBUSADMIN_SYNC_SECRET) or a certificate and its key")
	}
	secret := cfg.Secret
	if cfg.SecretFile != "" {
		b, err := os.ReadFile(cfg.SecretFile)
		if err != nil {
			return confidential.Credential{}, fmt.Errorf("cannot read the client secret: %w", err)
		}
		secret = string(b)
	}
	secret = strings.TrimSpace(secret)
	if secret == "" {
		return confidential.Credential{}, errors.New("the client secret of the directory sync is empty")
	}
	return confidential.NewCredFromSecret(secret)
}

// certCredential reads a PEM certificate and its private key (one file, or two).
func certCredential(certFile, keyFile string) (confidential.Credential, error) {
	if certFile == "" {
		return confidential.Credential{}, errors.New("the directory sync's private key needs its certificate too")
	}
	pem, err := os.ReadFile(certFile)
	if err != nil {
		return confidential.Credential{}, fmt.Errorf("cannot read the directory sync's certificate: %w", err)
	}
	if keyFile != "" {
		key, err := os.ReadFile(keyFile)
		if err != nil {
			return confidential.Credential{}, fmt.Errorf("cannot read the directory sync's private key: %w", err)
		}
		pem = append(append(pem, '\n'), key...)
	}
	certs, key, err := confidential.CertFromPEM(pem, "")
	if err != nil {
		return confidential.Credential{}, fmt.Errorf("the directory sync's certificate and key are not PEM it can use (%v): give an unencrypted key", err)
	}
	return confidential.NewCredFromCert(certs, key)
}

// graphDefaultScope is the .default scope of the Graph the URL names: an app signing
// in as itself asks for every application permission granted to it on that resource.
func graphDefaultScope(graphURL string) (string, error) {
	u, err := url.Parse(graphURL)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		return "", fmt.Errorf("the Graph URL %q is not an https:// URL", graphURL)
	}
	return "https://" + u.Host + "/.default", nil
}

// appTokens hands Graph the app's own tokens; MSAL keeps each until shortly before it
// expires, so a sync's many requests ask Entra ID once. The sync reads the users, the
// Teams and the admin group at once: one of them asks, the others wait for its token.
type appTokens struct {
	mu       sync.Mutex
	client   confidential.Client
	scopes   []string
	clientID string
}

// Token gives an app-only access token for Graph.
func (t *appTokens) Token(ctx context.Context) (string, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	res, err := t.client.AcquireTokenByCredential(ctx, t.scopes)
	if err != nil {
		return "", fmt.Errorf("the directory sync could not sign in as the app %s: %w", t.clientID, err)
	}
	return res.AccessToken, nil
}
