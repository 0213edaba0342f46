package apitoken

import (
	"bytes"
	"context"
	"crypto"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxHeaderLength bounds the header of a token: Entra's is under a hundred bytes.
const maxHeaderLength = 1 << 10

var b64 = base64.RawURLEncoding.Strict()

// token is a JWT whose signature was checked against one of the tenant's keys; only
// then are its claims read.
type token struct{ payload string }

// verified splits the token, reads its header and checks its RS256 signature with the
// key the header names: nothing of the payload is trusted before that.
func (v *Validator) verified(ctx context.Context, bearer string) (token, error) {
	switch {
	case bearer == "":
		return token{}, refuse("no token was given")
	case len(bearer) > MaxTokenLength:
		return token{}, refuse("the token is longer than 16 KiB")
	}
	parts := strings.Split(bearer, ".")
	if len(parts) != 3 || parts[0] == "" || parts[1] == "" {
		return token{}, refuse("the token is not a JWT (three base64url parts separated by dots)")
	}
	h, err := readHeader(parts[0])
	if err != nil {
		return token{}, err
	}
	if parts[2] == "" {
		return token{}, refuse("the token has no signature")
	}
	sig, err := b64.DecodeString(parts[2])
	if err != nil {
		return token{}, refuse("the token's signature is not base64url")
	}
	key, ok := v.keys.key(ctx, h.Kid)
	if !ok {
		return token{}, refuse("the token is signed with a key the tenant does not publish (kid " + quote(h.Kid) + ")")
	}
	sum := sha256.Sum256([]byte(parts[0] + "." + parts[1]))
	if rsa.VerifyPKCS1v15(key, crypto.SHA256, sum[:], sig) != nil {
		return token{}, refuse("the signature does not match: the token was changed after it was signed, or the tenant did not sign it")
	}
	return token{payload: parts[1]}, nil
}

// header is the part of a JWT header this server reads.
type header struct {
	Alg  string          `json:"alg"`
	Kid  string          `json:"kid"`
	Crit json.RawMessage `json:"crit"`
}

// readHeader decodes the header and accepts only RS256 with a key id: an unsigned token
// (alg none) and one "signed" with HS256 using the public key as its secret never reach
// a verification that could let them through.
func readHeader(part string) (header, error) {
	var h header
	if len(part) > maxHeaderLength {
		return h, refuse("the token's header is longer than 1 KiB")
	}
	raw, err := b64.DecodeString(part)
	if err != nil {
		return h, refuse("the token's header is not base64url")
	}
	if err := decodeObject(raw, &h); err != nil {
		return h, refuse("the token's header is not a JSON object of strings")
	}
	switch {
	case strings.EqualFold(h.Alg, "none"):
		return h, refuse("the token is unsigned (alg none); only RS256 is accepted")
	case h.Alg != "RS256":
		return h, refuse("the token is signed with " + quote(h.Alg) + "; only RS256 is accepted")
	case h.Crit != nil:
		return h, refuse("the token's header has critical extensions (crit) this server does not know")
	case h.Kid == "":
		return h, refuse("the token names no signing key (kid)")
	}
	return h, nil
}

// decodeObject decodes one JSON object and nothing after it.
func decodeObject(raw []byte, into any) error {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '{' {
		return errNotObject
	}
	d := json.NewDecoder(bytes.NewReader(raw))
	if err := d.Decode(into); err != nil {
		return err
	}
	if _, err := d.Token(); err != io.EOF {
		return errNotObject
	}
	return nil
}

var errNotObject = errors.New("not one JSON object")

func refuse(reason string) *Refused { return &Refused{Reason: reason} }

// quote shows a value from a token in a reason: quoted on one line and at most 64
// characters, so that a hostile token cannot fill the log.
func quote(s string) string {
	if utf8.RuneCountInString(s) > 64 {
		s = string([]rune(s)[:64]) + "…"
	}
	return strconv.Quote(s)
}
