// Package graph reads the tenant's directory from Microsoft Graph (msgraph-sdk-go): user
// pages, Teams with their members, the admin group, searches; package data writes what it
// reads. It is the only package that imports the SDK, and it imports only the SDK's
// request adapter, middleware and error model, never the SDK's root package or its
// request builders, which reach every Graph model and would make the program several
// times larger.
package graph

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	abs "github.com/microsoft/kiota-abstractions-go"
	absauth "github.com/microsoft/kiota-abstractions-go/authentication"
	absser "github.com/microsoft/kiota-abstractions-go/serialization"
	khttp "github.com/microsoft/kiota-http-go"
	jsonser "github.com/microsoft/kiota-serialization-json-go"
	core "github.com/microsoftgraph/msgraph-sdk-go-core"
	"github.com/microsoftgraph/msgraph-sdk-go/models/odataerrors"
)

// TokenSource hands out a bearer token for Graph; auth.Session is one (silent first, a
// device code only when silent fails).
type TokenSource interface {
	Token(ctx context.Context) (string, error)
}

// StaticToken is a TokenSource that always gives the same token, for tests and the
// simulated tenant.
type StaticToken string

// Token returns the token itself.
func (t StaticToken) Token(context.Context) (string, error) { return string(t), nil }

// DefaultBaseURL is Graph v1.0 in Microsoft's global cloud.
const DefaultBaseURL = "https://graph.microsoft.com/v1.0"

// Client talks to one Graph endpoint through the SDK's request adapter and middleware
// (retry with Retry-After, redirects, compression, telemetry).
type Client struct {
	base    string
	adapter *core.GraphRequestAdapterBase
}

// New builds a client for baseURL (DefaultBaseURL when ""), authenticated by tokens.
// httpClient supplies the transport (and so the trusted certificates); nil means
// Go's default transport.
func New(baseURL string, tokens TokenSource, httpClient *http.Client) (*Client, error) {
	if baseURL == "" {
		baseURL = DefaultBaseURL
	}
	baseURL = strings.TrimRight(baseURL, "/")
	u, err := url.Parse(baseURL)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		return nil, fmt.Errorf("the Graph URL must be an https:// URL, not %q", baseURL)
	}
	if tokens == nil {
		return nil, errors.New("the Graph client needs a token source")
	}
	var parent http.RoundTripper = http.DefaultTransport
	if httpClient != nil && httpClient.Transport != nil {
		parent = httpClient.Transport
	}
	middlewares, err := khttp.GetDefaultMiddlewaresWithOptions(&khttp.RetryHandlerOptions{
		MaxRetries:   maxRetries,
		DelaySeconds: 1,
		ShouldRetry:  func(time.Duration, int, *http.Request, *http.Response) bool { return true },
	})
	if err != nil {
		return nil, err
	}
	options := core.GraphClientOptions{GraphServiceLibraryVersion: sdkVersion} // v1.0 names no service version
	middlewares = append([]khttp.Middleware{core.NewGraphTelemetryHandler(&options)}, middlewares...)
	hc := &http.Client{Transport: khttp.NewCustomTransportWithParentTransport(&resilientTransport{base: parent}, middlewares...)}
	provider := absauth.NewBaseBearerTokenAuthenticationProvider(&tokenProvider{tokens: tokens, host: u.Host})
	// Only Graph's error answers are parsed by the SDK (pages are read raw): JSON is the
	// one format it needs to understand.
	parsers := absser.NewParseNodeFactoryRegistry()
	parsers.ContentTypeAssociatedFactories["application/json"] = jsonser.NewJsonParseNodeFactory()
	adapter, err := core.NewGraphRequestAdapterBaseWithParseNodeFactoryAndSerializationWriterFactoryAndHttpClient(provider, options, parsers, nil, hc)
	if err != nil {
		return nil, err
	}
	adapter.SetBaseUrl(baseURL)
	return &Client{base: baseURL, adapter: adapter}, nil
}

// BaseURL is the Graph endpoint the client talks to.
func (c *Client) BaseURL() string { return c.base }

// maxRetries bounds the retries of one request after 429, 503 and 504.
const maxRetries = 5

// tokenProvider feeds the SDK's bearer authentication from a TokenSource, and only for
// the Graph host: a token never goes to another host a link might name.
type tokenProvider struct {
	tokens TokenSource
	host   string // host[:port] of the Graph base URL
	hosts  absauth.AllowedHostsValidator
}

// GetAuthorizationToken returns the bearer token for an https URL of an allowed host.
func (p *tokenProvider) GetAuthorizationToken(ctx context.Context, u *url.URL, _ map[string]any) (string, error) {
	if u.Scheme != "https" || !strings.EqualFold(u.Host, p.host) {
		return "", fmt.Errorf("refusing to send the Graph token to %s", u.Host)
	}
	return p.tokens.Token(ctx)
}

// GetAllowedHostsValidator is the SDK's own host check; GetAuthorizationToken already
// allows only the Graph host (with its port, which the SDK's check cannot express).
func (p *tokenProvider) GetAllowedHostsValidator() *absauth.AllowedHostsValidator { return &p.hosts }

// errorMapping makes the SDK parse Graph's error bodies into ODataError.
var errorMapping = abs.ErrorMappings{"XXX": odataerrors.CreateODataErrorFromDiscriminatorValue}

// Error is a Graph error answer in the admin's words.
type Error struct {
	Status  int
	Code    string
	Message string
}

// Error says what Graph answered and, for sign-in and permission problems, what to do.
func (e *Error) Error() string {
	switch e.Status {
	case http.StatusUnauthorized:
		return "Microsoft Graph refused the sign-in (" + e.Code + "): sign in again"
	case http.StatusForbidden:
		return "Microsoft Graph refused access (" + e.Code + "): the app needs the User.Read.All and GroupMember.Read.All permissions with admin consent"
	}
	return fmt.Sprintf("Microsoft Graph answered %d %s: %s", e.Status, e.Code, e.Message)
}

// get fetches the raw body of one request, without the SDK's generic JSON parse.
func (c *Client) get(ctx context.Context, ri *abs.RequestInformation, prefer string) ([]byte, error) {
	if prefer != "" {
		ri.Headers.Add("Prefer", prefer)
	}
	res, err := c.adapter.SendPrimitive(ctx, ri, "[]byte", errorMapping)
	if err != nil {
		return nil, graphError(ctx, err)
	}
	body, _ := res.([]byte)
	if len(body) == 0 {
		//lint:ignore ST1005 the message begins with a product's name, shown to the admin as is
		return nil, errors.New("Microsoft Graph answered with an empty body")
	}
	return body, nil
}

// graphError turns the SDK's errors into Error, keeping cancellation recognisable.
func graphError(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	var oe *odataerrors.ODataError
	if errors.As(err, &oe) {
		e := &Error{Status: oe.ResponseStatusCode}
		if m := oe.GetErrorEscaped(); m != nil {
			if m.GetCode() != nil {
				e.Code = *m.GetCode()
			}
			if m.GetMessage() != nil {
				e.Message = *m.GetMessage()
			}
		}
		return e
	}
	var ae *abs.ApiError
	if errors.As(err, &ae) {
		return &Error{Status: ae.ResponseStatusCode, Message: ae.Message}
	}
	return err
}
