package apitoken

import (
	"context"
	"crypto/rsa"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"sync"
	"time"
)

// How the tenant's signing keys are kept: read again on a schedule, and at once for a
// token naming a key not seen yet (Entra rolls its keys over), but a flood of tokens with
// made-up key ids must not turn into a flood of requests to Entra ID.
const (
	keysRefreshEvery  = time.Hour        // a scheduled reading of the keys
	keysRetryAfter    = time.Minute      // a scheduled reading that failed is tried again
	unknownKidAgain   = 10 * time.Second // one key id causes at most one reading this often
	unknownKidAnyGap  = time.Second      // unknown key ids together cause at most one reading this often
	keysFetchTimeout  = 10 * time.Second
	maxDocumentLength = 1 << 20
	maxKeys           = 64
)

// keySet is the tenant's published signing keys by key id.
type keySet struct {
	uri    string
	client *http.Client
	now    func() time.Time

	mu          sync.Mutex
	keys        map[string]*rsa.PublicKey
	nextRefresh time.Time
	inflight    chan struct{}        // closed when the reading under way ends; nil when none
	lastUnknown time.Time            // the last reading an unknown key id caused
	unknown     map[string]time.Time // key ids that caused a reading, and when
}

func newKeySet(uri string, client *http.Client, now func() time.Time) *keySet {
	return &keySet{uri: uri, client: client, now: now, unknown: map[string]time.Time{}}
}

// load reads the keys now, for the validator's start.
func (ks *keySet) load(ctx context.Context) error {
	keys, err := ks.fetch(ctx)
	if err != nil {
		return err
	}
	ks.mu.Lock()
	ks.keys, ks.nextRefresh = keys, ks.now().Add(keysRefreshEvery)
	ks.mu.Unlock()
	return nil
}

// key is the public key of a key id; an unknown id waits for a new reading of the keys
// when the limits allow one (or one is under way), so that a key just rolled over works.
func (ks *keySet) key(ctx context.Context, kid string) (*rsa.PublicKey, bool) {
	now := ks.now()
	ks.mu.Lock()
	if now.After(ks.nextRefresh) && ks.inflight == nil {
		ks.startReading()
	}
	if k, ok := ks.keys[kid]; ok {
		ks.mu.Unlock()
		return k, true
	}
	if ks.inflight == nil && ks.mayReadFor(kid, now) {
		ks.lastUnknown, ks.unknown[kid] = now, now
		ks.startReading()
	}
	wait := ks.inflight
	ks.mu.Unlock()
	if wait == nil {
		return nil, false
	}
	select {
	case <-wait:
	case <-ctx.Done():
		return nil, false
	}
	ks.mu.Lock()
	defer ks.mu.Unlock()
	k, ok := ks.keys[kid]
	return k, ok
}

// mayReadFor tells whether an unknown key id may cause a reading now; the caller holds mu.
func (ks *keySet) mayReadFor(kid string, now time.Time) bool {
	if now.Sub(ks.lastUnknown) < unknownKidAnyGap {
		return false
	}
	for k, at := range ks.unknown {
		if now.Sub(at) >= unknownKidAgain {
			delete(ks.unknown, k)
		}
	}
	_, recent := ks.unknown[kid]
	return !recent
}

// startReading reads the keys in the background; callers may wait on ks.inflight. It
// does not hang on the request that caused it: a caller giving up does not cancel it.
// The caller holds mu.
func (ks *keySet) startReading() {
	done := make(chan struct{})
	ks.inflight = done
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), keysFetchTimeout)
		keys, err := ks.fetch(ctx)
		cancel()
		ks.mu.Lock()
		if err == nil {
			ks.keys, ks.nextRefresh = keys, ks.now().Add(keysRefreshEvery)
		} else {
			ks.nextRefresh = ks.now().Add(keysRetryAfter) // keep the keys we have
		}
		ks.inflight = nil
		ks.mu.Unlock()
		close(done)
	}()
}

// jwk is one key of a JWKS as Entra ID publishes it.
type jwk struct {
	Kty string `json:"kty"`
	Use string `json:"use"`
	Kid string `json:"kid"`
	Alg string `json:"alg"`
	N   string `json:"n"`
	E   string `json:"e"`
}

// fetch reads the JWKS and keeps its RSA signing keys; keys of other kinds are skipped.
func (ks *keySet) fetch(ctx context.Context) (map[string]*rsa.PublicKey, error) {
	var set struct {
		Keys []jwk `json:"keys"`
	}
	if err := getJSON(ctx, ks.client, ks.uri, &set); err != nil {
		return nil, err
	}
	keys := map[string]*rsa.PublicKey{}
	for _, k := range set.Keys {
		if pub, ok := k.rsaKey(); ok && len(keys) < maxKeys {
			keys[k.Kid] = pub
		}
	}
	if len(keys) == 0 {
		return nil, fmt.Errorf("%s publishes no RSA signing key", ks.uri)
	}
	return keys, nil
}

// rsaKey is the key when it is an RSA signing key of at least 2048 bits.
func (k jwk) rsaKey() (*rsa.PublicKey, bool) {
	if k.Kty != "RSA" || k.Kid == "" || (k.Use != "" && k.Use != "sig") || (k.Alg != "" && k.Alg != "RS256") {
		return nil, false
	}
	n, err1 := b64.DecodeString(k.N)
	e, err2 := b64.DecodeString(k.E)
	if err1 != nil || err2 != nil || len(e) == 0 || len(e) > 4 {
		return nil, false
	}
	pub := &rsa.PublicKey{N: new(big.Int).SetBytes(n), E: int(new(big.Int).SetBytes(e).Int64())}
	if bits := pub.N.BitLen(); bits < 2048 || bits > 8192 || pub.E < 3 || pub.E%2 == 0 {
		return nil, false
	}
	return pub, true
}

// getJSON reads a JSON document of at most 1 MiB over HTTPS.
func getJSON(ctx context.Context, client *http.Client, where string, into any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, where, nil)
	if err != nil {
		return fmt.Errorf("%s is not a URL", where)
	}
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("cannot reach %s: %w", where, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s answered %s", where, resp.Status)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxDocumentLength+1))
	switch {
	case err != nil:
		return fmt.Errorf("cannot read %s: %w", where, err)
	case len(body) > maxDocumentLength:
		return fmt.Errorf("%s answered more than 1 MiB", where)
	case json.Unmarshal(body, into) != nil:
		return errors.New(where + " did not answer a JSON document of the expected shape")
	}
	return nil
}
