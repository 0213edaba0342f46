package auth

import (
	"context"
	"errors"

	"github.com/AzureAD/microsoft-authentication-library-for-go/apps/public"
)

// TokenFor returns an access token for other scopes than the session's, such as the
// team server's api://APPID/Nimbus.Admin, for the admin already signed in: from the cache
// or redeemed with their refresh token, never through a new device code, so that one
// sign-in serves Graph and the server alike. It answers ErrSignInRequired when nobody is
// signed in or the refresh token no longer serves.
func (s *Session) TokenFor(ctx context.Context, scopes ...string) (string, error) {
	if len(scopes) == 0 {
		return "", errors.New("no scope was given for the access token")
	}
	accounts, err := s.client.Accounts(ctx)
	if err != nil {
		return "", err
	}
	if len(accounts) == 0 {
		return "", ErrSignInRequired
	}
	ar, err := s.client.AcquireTokenSilent(ctx, scopes, public.WithSilentAccount(accounts[0]))
	if err != nil {
		if err = describeNetworkError(s.cfg.Endpoints.AuthorityHost, err); needsInteraction(err) {
			return "", ErrSignInRequired
		}
		return "", err
	}
	return ar.AccessToken, nil
}
