package auth

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
)

// Reasons a sign-in ends without an account; each says what happened and what to do.
var (
	ErrSignInRequired  = errors.New("nobody is signed in: run 'nimbusadmin signin' first")
	ErrSignInDeclined  = errors.New("the sign-in was declined in the browser; nothing was saved")
	ErrSignInExpired   = errors.New("the sign-in code expired before it was used; run the sign-in again for a new code")
	ErrSignInCancelled = errors.New("the sign-in was cancelled; nothing was saved")
)

// describeDeviceCodeError turns MSAL's answer into one of the ErrSignIn reasons.
func describeDeviceCodeError(ctx context.Context, host string, err error) error {
	msg := err.Error()
	switch {
	case ctx.Err() != nil:
		return ErrSignInCancelled
	case strings.Contains(msg, "authorization_declined") || strings.Contains(msg, "access_denied"):
		return ErrSignInDeclined
	case strings.Contains(msg, "expired_token") || errors.Is(err, context.DeadlineExceeded):
		return ErrSignInExpired
	}
	return describeNetworkError(host, err)
}

// describeNetworkError says in one line that the authority could not be reached.
func describeNetworkError(host string, err error) error {
	var ne net.Error
	var ue *url.Error
	if errors.As(err, &ue) || errors.As(err, &ne) {
		return &NetworkError{Host: host, Err: err}
	}
	return err
}

// NetworkError means the authority could not be reached: the cache stays usable and the
// admin may retry when the network is back.
type NetworkError struct {
	Host string
	Err  error
}

// Error says which host could not be reached and why, in one line.
func (e *NetworkError) Error() string {
	return fmt.Sprintf("cannot reach %s (offline?): %v", e.Host, e.Err)
}

// Unwrap gives the transport error, for errors.Is and errors.As.
func (e *NetworkError) Unwrap() error { return e.Err }

// needsInteraction tells whether a failed silent acquisition calls for a new sign-in
// (nobody cached, refresh token refused) rather than for reporting an outage.
func needsInteraction(err error) bool {
	var ne *NetworkError
	return !errors.As(err, &ne) && !errors.Is(err, ErrKeyringUnavailable) &&
		!errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded)
}
