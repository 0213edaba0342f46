package teamclient

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sync"

	"nimbusadmin/app"
	"nimbusadmin/app/server"
	"nimbusadmin/auth"
)

// Options say which team server to open the replica of, and how to sign in for it.
type Options struct {
	Server     string       // the server's address, e.g. https://nimbus.contoso.com
	DBPath     string       // the replica's file; "" for its usual place in the config folder
	HTTPClient *http.Client // nil: http.DefaultClient
	// Session signs in to the server's tenant: the same sign-in as the single-admin mode,
	// for the tenant the server publishes.
	Session func(tenantID string) (*auth.Session, error)
	// NotSignedIn is what a change says when nobody is signed in to the server's tenant;
	// "" for the command line's advice.
	NotSignedIn string
	// OpenSignedOut opens the replica, for review, also when nobody is signed in to the
	// server's tenant yet: the window opens so that the admin can sign in there.
	OpenSignedOut bool
}

// Replica is an open replica of a team server with what the window and the command line
// need beside it.
type Replica struct {
	App    *app.App
	Client *Client
	signer *signer
}

// Session is the sign-in for the server's tenant; nil while the server has not been
// reached to say which tenant that is.
func (r *Replica) Session() *auth.Session {
	r.signer.mu.Lock()
	defer r.signer.mu.Unlock()
	return r.signer.session
}

// AddressError is a server address that is not one; the command line treats it as a
// mistake in the command line itself.
type AddressError struct{ Err error }

func (e *AddressError) Error() string { return e.Err.Error() }

// Open opens the replica of the team server o.Server names, brought up to date when the
// server answers; when it does not, the replica opens for review (Client.Online is false)
// and the server is asked again with the next request. Only a replica that holds nothing
// yet cannot open without the server.
func Open(ctx context.Context, o Options) (*Replica, error) {
	if o.HTTPClient == nil {
		o.HTTPClient = http.DefaultClient
	}
	base, err := normalise(o.Server)
	if err != nil {
		return nil, &AddressError{err}
	}
	u, _ := url.Parse(base)
	path := o.DBPath
	if path == "" {
		if path, err = app.ReplicaPath(u.Host); err != nil {
			return nil, err
		}
	}
	s := &signer{o: o}
	discoverErr := s.discover(ctx)
	if discoverErr != nil {
		if _, ok := discoverErr.(*Offline); !ok {
			return nil, discoverErr
		}
	}
	a, err := app.OpenReplica(path, s.actor(ctx))
	if err != nil {
		return nil, err
	}
	s.app = a
	c, err := New(o.Server, o.HTTPClient, s.token, a)
	if err != nil {
		a.Close()
		return nil, &AddressError{err}
	}
	a.SetRemote(c)
	if discoverErr != nil {
		c.MarkOffline(discoverErr)
	} else if _, err := c.CatchUp(ctx, 0); err != nil {
		var signedOut *NotSignedInError
		_, offline := err.(*Offline)
		if !offline && !(o.OpenSignedOut && errors.As(err, &signedOut)) {
			a.Close()
			return nil, err
		}
	}
	if !c.Online() {
		if cur, _ := a.ReplicaCursor(ctx); cur == 0 {
			a.Close()
			return nil, fmt.Errorf("the server %s is unreachable and this computer holds no replica of it yet: try again when it answers", o.Server)
		}
	}
	return &Replica{App: a, Client: c, signer: s}, nil
}

// signer gets the access tokens for the server: it learns the server's tenant and scope
// from its well-known address, then signs in to that tenant. A server unreachable when
// the replica opened is asked again for them with the next request, so that a window
// left open catches up once the server answers.
type signer struct {
	o   Options
	app *app.App

	mu      sync.Mutex
	pub     server.Published
	session *auth.Session
	err     error // why there is no session: the server did not answer, or the sign-in failed
}

// discover reads what the server publishes and opens the sign-in for its tenant.
func (s *signer) discover(ctx context.Context) error {
	pub, err := Discover(ctx, s.o.Server, s.o.HTTPClient)
	if err != nil {
		s.err = err
		return err
	}
	session, err := s.o.Session(pub.TenantID)
	if err != nil {
		s.err = err
		return err
	}
	s.pub, s.session, s.err = pub, session, nil
	return nil
}

// actor is the signed-in admin's UPN, "" when nobody is signed in.
func (s *signer) actor(ctx context.Context) string {
	if s.session == nil {
		return ""
	}
	if acc, signedIn, err := s.session.Account(ctx); err == nil && signedIn {
		return acc.Username
	}
	return ""
}

// token is the TokenSource of the replica's client.
func (s *signer) token(ctx context.Context) (string, error) {
	s.mu.Lock()
	if s.session == nil {
		if err := s.discover(ctx); err != nil {
			s.mu.Unlock()
			return "", err
		}
		if actor := s.actor(ctx); actor != "" {
			s.app.ActAs(actor)
		}
	}
	session, scope := s.session, s.pub.Scope
	s.mu.Unlock()
	tok, err := session.TokenFor(ctx, scope)
	if errors.Is(err, auth.ErrSignInRequired) {
		say := s.o.NotSignedIn
		if say == "" {
			say = fmt.Sprintf("nobody is signed in to the tenant of %s: run 'nimbusadmin --server %s signin' first", s.o.Server, s.o.Server)
		}
		return "", &NotSignedInError{say}
	}
	return tok, err
}

// NotSignedInError is a request to the server made while nobody is signed in to its
// tenant.
type NotSignedInError struct{ Message string }

func (e *NotSignedInError) Error() string { return e.Message }
