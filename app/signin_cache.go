package app

import (
	"context"
	"os"

	"nimbusadmin/auth"
)

// SignInCachePath is the cache of the admin signed in to s, found from the token cache
// alone (no network), so that the window can open it at once, online or not. ok is false
// when nobody is signed in or that tenant was never synced.
func SignInCachePath(ctx context.Context, s *auth.Session) (path string, ok bool, err error) {
	acc, signedIn, err := s.Account(ctx)
	if err != nil || !signedIn {
		return "", false, err
	}
	if path, err = SyncCachePath(acc.TenantID); err != nil {
		return "", false, err
	}
	if _, err := os.Stat(path); err != nil {
		return path, false, nil
	}
	return path, true, nil
}
