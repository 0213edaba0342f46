package auth

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/AzureAD/microsoft-authentication-library-for-go/apps/public"
)

// DefaultClientID is Microsoft Graph Command Line Tools, a multi-tenant public client of
// Microsoft that allows the device-code flow; admins may register their own (README).
const DefaultClientID = "14d82eec-204b-4c2f-b7e8-296a70dab67e"

// DefaultTenant signs in to the tenant of whichever work account the admin uses.
const DefaultTenant = "organizations"

// SyncPermissions are the delegated Graph permissions the directory sync needs: read
// users, and read groups with their members and owners. Nothing that writes.
var SyncPermissions = []string{"User.Read.All", "GroupMember.Read.All"}

// Config says where and as which app to sign in, and where to keep the token cache.
type Config struct {
	Endpoints      Endpoints
	Tenant         string // tenant id or domain; DefaultTenant when empty
	ClientID       string // DefaultClientID when empty
	Scopes         []string
	ConfigDir      string       // folder of the encrypted token cache; the user's config folder when empty
	NoKeyring      bool         // keep tokens in memory for this process only
	HTTPClient     *http.Client // for custom trust (a simulated tenant, a proxy); http.DefaultClient when nil
	Prompt         func(DeviceCode)
	Keyring        Keyring       // the OS keyring when nil; tests pass a fake
	KeyringTimeout time.Duration // DefaultKeyringTimeout when 0
}

// DeviceCode is what the admin must see to finish a sign-in on another device.
type DeviceCode struct {
	Message, UserCode, VerificationURL string
	ExpiresOn                          time.Time
}

// Account is the signed-in admin as the token cache knows them.
type Account struct {
	Username      string // the UPN
	Name          string
	TenantID      string
	HomeAccountID string
}

// Session is one admin's sign-in: the MSAL public client over the encrypted token cache.
// Its Token method is the token source of the Graph client.
type Session struct {
	cfg    Config
	client public.Client
	cache  *encryptedCache // nil with NoKeyring

	signInMu sync.Mutex // one device-code flow at a time
}

// NewSession prepares a session; it does not touch the network or the keyring yet.
func NewSession(cfg Config) (*Session, error) {
	if cfg.Endpoints.AuthorityHost == "" {
		e, err := ResolveEndpoints("global", "", "")
		if err != nil {
			return nil, err
		}
		cfg.Endpoints = e
	}
	cfg.Tenant = strings.TrimSpace(cfg.Tenant)
	if cfg.Tenant == "" {
		cfg.Tenant = DefaultTenant
	}
	if cfg.ClientID == "" {
		cfg.ClientID = DefaultClientID
	}
	if len(cfg.Scopes) == 0 {
		cfg.Scopes = GraphScopes(cfg.Endpoints)
	}
	if cfg.ConfigDir == "" {
		dir, err := os.UserConfigDir()
		if err != nil {
			return nil, fmt.Errorf("cannot find the config folder for the token cache: %w", err)
		}
		cfg.ConfigDir = filepath.Join(dir, "nimbusadmin")
	}
	opts := []public.Option{
		public.WithAuthority(strings.TrimRight(cfg.Endpoints.AuthorityHost, "/") + "/" + url.PathEscape(cfg.Tenant)),
		public.WithInstanceDiscovery(cfg.Endpoints.IsMicrosoftAuthority()),
	}
	if cfg.HTTPClient != nil {
		opts = append(opts, public.WithHTTPClient(cfg.HTTPClient))
	}
	s := &Session{cfg: cfg}
	if !cfg.NoKeyring {
		k := cfg.Keyring
		if k == nil {
			k = OSKeyring{}
		}
		timeout := cfg.KeyringTimeout
		if timeout == 0 {
			timeout = DefaultKeyringTimeout
		}
		s.cache = newEncryptedCache(cfg.ConfigDir, cacheEntryName(cfg), timedKeyring{k, timeout})
		opts = append(opts, public.WithCache(s.cache))
	}
	client, err := public.New(cfg.ClientID, opts...)
	if err != nil {
		return nil, fmt.Errorf("cannot set up sign-in to %s: %w", cfg.Endpoints.AuthorityHost, err)
	}
	s.client = client
	return s, nil
}

// GraphScopes are SyncPermissions on the Graph resource of the given cloud.
func GraphScopes(e Endpoints) []string {
	resource := "https://graph.microsoft.com/"
	if u, err := url.Parse(e.GraphURL); err == nil && u.Host != "" {
		resource = u.Scheme + "://" + u.Host + "/"
	}
	scopes := make([]string, len(SyncPermissions))
	for i, p := range SyncPermissions {
		scopes[i] = resource + p
	}
	return scopes
}

// cacheEntryName names the keyring entry and the cache file after the authority, tenant
// and app, so that sessions of different tenants or clouds do not overwrite each other.
func cacheEntryName(cfg Config) string {
	sum := sha256.Sum256([]byte(strings.ToLower(cfg.Endpoints.AuthorityHost + "|" + cfg.Tenant + "|" + cfg.ClientID)))
	return "msal-" + hex.EncodeToString(sum[:8])
}

// CachePath is the encrypted token cache file, or "" when tokens stay in memory.
func (s *Session) CachePath() string {
	if s.cache == nil {
		return ""
	}
	return s.cache.path
}

// Token returns an access token for Graph: from the cache or by refresh when it can,
// through the device-code flow (and Prompt) only when it cannot.
func (s *Session) Token(ctx context.Context) (string, error) {
	ar, err := s.silent(ctx)
	if err == nil {
		return ar.AccessToken, nil
	}
	if !needsInteraction(err) {
		return "", err
	}
	if s.cfg.Prompt == nil {
		return "", ErrSignInRequired
	}
	ar, err = s.deviceCode(ctx)
	if err != nil {
		return "", err
	}
	return ar.AccessToken, nil
}

// SignIn makes sure an admin is signed in: silently when the cache allows it, otherwise
// through the device-code flow, and returns the account.
func (s *Session) SignIn(ctx context.Context) (Account, error) {
	ar, err := s.silent(ctx)
	if err != nil && !needsInteraction(err) {
		return Account{}, err
	}
	if err != nil {
		if s.cfg.Prompt == nil {
			return Account{}, errors.New("cannot show a sign-in code: no prompt was given")
		}
		if ar, err = s.deviceCode(ctx); err != nil {
			return Account{}, err
		}
	}
	return accountOf(ar.Account), nil
}

// SignOut forgets every account and removes the encrypted file and its keyring entry.
func (s *Session) SignOut(ctx context.Context) error {
	accounts, err := s.client.Accounts(ctx)
	if err != nil && s.cache == nil {
		return err
	}
	for _, a := range accounts {
		if err := s.client.RemoveAccount(ctx, a); err != nil && s.cache == nil {
			return err
		}
	}
	if s.cache != nil {
		return s.cache.clear(ctx)
	}
	return nil
}

// Account tells who is signed in, from the cache alone (no network).
func (s *Session) Account(ctx context.Context) (Account, bool, error) {
	accounts, err := s.client.Accounts(ctx)
	if err != nil || len(accounts) == 0 {
		return Account{}, false, err
	}
	return accountOf(accounts[0]), true, nil
}

func accountOf(a public.Account) Account {
	return Account{Username: a.PreferredUsername, Name: a.Name, TenantID: a.Realm, HomeAccountID: a.HomeAccountID}
}

// errNoAccount is silent acquisition's answer when the cache holds nobody.
var errNoAccount = errors.New("no account in the token cache")

func (s *Session) silent(ctx context.Context) (public.AuthResult, error) {
	accounts, err := s.client.Accounts(ctx)
	if err != nil {
		return public.AuthResult{}, err
	}
	if len(accounts) == 0 {
		return public.AuthResult{}, errNoAccount
	}
	ar, err := s.client.AcquireTokenSilent(ctx, s.cfg.Scopes, public.WithSilentAccount(accounts[0]))
	if err != nil {
		return ar, describeNetworkError(s.cfg.Endpoints.AuthorityHost, err)
	}
	return ar, nil
}

func (s *Session) deviceCode(ctx context.Context) (public.AuthResult, error) {
	s.signInMu.Lock()
	defer s.signInMu.Unlock()
	if ar, err := s.silent(ctx); err == nil { // another caller finished a sign-in meanwhile
		return ar, nil
	}
	if s.cache != nil {
		if err := s.cache.checkKeyring(); err != nil {
			return public.AuthResult{}, err
		}
	}
	dc, err := s.client.AcquireTokenByDeviceCode(ctx, s.cfg.Scopes)
	if err != nil {
		return public.AuthResult{}, describeNetworkError(s.cfg.Endpoints.AuthorityHost, err)
	}
	s.cfg.Prompt(DeviceCode{Message: dc.Result.Message, UserCode: dc.Result.UserCode,
		VerificationURL: dc.Result.VerificationURL, ExpiresOn: dc.Result.ExpiresOn})
	ar, err := dc.AuthenticationResult(ctx)
	if err != nil {
		return ar, describeDeviceCodeError(ctx, s.cfg.Endpoints.AuthorityHost, err)
	}
	return ar, nil
}
