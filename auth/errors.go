package auth

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/url"
	"strings"
	"syscall"
)

// Reasons a sign-in ends without an account; each says what happened and what to do.
var (
	ErrSignInRequired  = errors.New("nobody is signed in, or the sign-in has expired: sign in again (Sign in… in the window, 'nimbusadmin signin' on the command line)")
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

// Error says which host could not be reached, why in the admin's words (never the
// transport's own text) and what to do, in one line.
func (e *NetworkError) Error() string {
	return fmt.Sprintf("cannot reach %s (%s): check the network connection and try again",
		e.Host, networkReason(e.Err))
}

// networkReason says in words why a request did not reach its host.
func networkReason(err error) string {
	var dns *net.DNSError
	var unknownCA x509.UnknownAuthorityError
	var invalid x509.CertificateInvalidError
	var hostname x509.HostnameError
	var verify *tls.CertificateVerificationError
	var ne net.Error
	switch {
	case errors.As(err, &dns):
		return "its name cannot be looked up: no network, or no DNS server answers"
	case errors.As(err, &unknownCA) || errors.As(err, &invalid) || errors.As(err, &hostname) || errors.As(err, &verify):
		return "its certificate is not trusted on this computer"
	case errors.Is(err, syscall.ECONNREFUSED):
		return "the connection was refused"
	case errors.Is(err, syscall.ENETUNREACH) || errors.Is(err, syscall.EHOSTUNREACH):
		return "no network route leads there"
	case errors.Is(err, syscall.ECONNRESET) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		return "the connection dropped"
	case errors.As(err, &ne) && ne.Timeout():
		return "it did not answer in time"
	}
	return "the network is not available"
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

// fileError is a token cache file that could not be read or saved, said in words: why
// (never Go's own text, which err keeps) and what to do.
type fileError struct {
	what string // "read" or "save"
	path string
	err  error
}

// Error says which file, why and what to do, in one line.
func (e *fileError) Error() string {
	why := "it cannot be used"
	switch {
	case errors.Is(e.err, fs.ErrPermission):
		why = "this account may not use it"
	case errors.Is(e.err, syscall.ENOSPC):
		why = "the disk is full"
	case errors.Is(e.err, syscall.EROFS):
		why = "the disk is read-only"
	}
	return fmt.Sprintf("cannot %s the token cache %s (%s): check the file and its folder, then sign in again", e.what, e.path, why)
}

// Unwrap gives the file system's error, for errors.Is and errors.As.
func (e *fileError) Unwrap() error { return e.err }
