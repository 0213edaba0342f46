package auth

import (
	"bytes"
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/AzureAD/microsoft-authentication-library-for-go/apps/cache"
)

// keyringService is the service name of the program's entries in the OS keyring.
const keyringService = "nimbusadmin"

// cacheMagic starts every encrypted token cache file, so that a foreign or older file is
// recognised instead of being fed to the cipher.
var cacheMagic = []byte("NMBSTC1\n")

// encryptedCache keeps MSAL's serialized token cache in a file encrypted with AES-256-GCM;
// only the 32-byte key lives in the OS keyring (an MSAL cache is larger than Windows'
// 2,560 and macOS' ~3,000 bytes per entry). The key is read from the keyring once per
// process, so token requests do not hit the keyring; the file is decrypted again only
// when another process changed it.
type encryptedCache struct {
	path    string
	entry   string // the keyring entry (user) that holds the key
	keyring Keyring

	mu        sync.Mutex
	key       []byte   // nil until read from or written to the keyring
	lastSum   [32]byte // sha256 of the file content MSAL's memory last matched
	lastPlain []byte   // the cache this process last read or wrote: the base of a merge
	loaded    bool
}

func newEncryptedCache(dir, entry string, k Keyring) *encryptedCache {
	return &encryptedCache{path: filepath.Join(dir, entry+".tokens.enc"), entry: entry, keyring: k}
}

// lockPath is the file whose lock lets one process at a time change the cache and its key.
func (c *encryptedCache) lockPath() string {
	return strings.TrimSuffix(c.path, ".enc") + ".lock"
}

// Replace loads the cache file into MSAL's in-memory cache when it changed since this
// process last saw it.
func (c *encryptedCache) Replace(ctx context.Context, u cache.Unmarshaler, _ cache.ReplaceHints) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	blob, err := os.ReadFile(c.path)
	if errors.Is(err, os.ErrNotExist) {
		if c.loaded { // signed out by another process: forget what this one holds
			c.loaded, c.lastSum, c.lastPlain = false, [32]byte{}, nil
			return u.Unmarshal([]byte("{}"))
		}
		return nil
	}
	if err != nil {
		return &fileError{what: "read", path: c.path, err: err}
	}
	sum := sha256.Sum256(blob)
	if c.loaded && sum == c.lastSum {
		return nil
	}
	key, err := c.loadKey(false)
	if errors.Is(err, ErrKeyringEntryMissing) {
		return nil // the key is gone (keyring reset): the file is unreadable, so nobody is signed in
	}
	if err != nil {
		return err
	}
	plain, err := c.open(key, blob)
	if err != nil { // another process may have replaced the key: ask the keyring once more
		if fresh, kerr := c.keyFromKeyring(false); kerr == nil && !bytes.Equal(fresh, key) {
			plain, err = c.open(fresh, blob)
		}
	}
	if err != nil {
		return nil // tampered or from another key: treat as signed out; the next sign-in overwrites it
	}
	if err := u.Unmarshal(plain); err != nil {
		return nil
	}
	c.lastSum, c.lastPlain, c.loaded = sum, plain, true
	return nil
}

// Export merges MSAL's cache into the file, encrypts it and replaces the file atomically
// (mode 0600), all under the cache lock: another process that signed in or refreshed
// since this one last read the file keeps what it wrote, and the key is made once, by
// the first process to save, never by two at a time (one file would then be sealed with
// a key the keyring no longer holds, and nobody would be signed in).
func (c *encryptedCache) Export(ctx context.Context, m cache.Marshaler, _ cache.ExportHints) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	plain, err := m.Marshal()
	if err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	unlock, err := lockTokenCache(ctx, c.lockPath(), true)
	if err != nil {
		return err
	}
	defer unlock()
	// Tokens come from the network here (sign-in, refresh), so one keyring call is cheap
	// and makes sure the file is sealed with the key other processes will read.
	key, err := c.keyFromKeyring(true)
	if err != nil {
		return err
	}
	merged, err := c.mergeWithFile(key, plain)
	if err != nil {
		return err
	}
	blob, err := c.seal(key, merged)
	if err != nil {
		return err
	}
	if err := writeFileAtomic(c.path, blob); err != nil {
		return &fileError{what: "save", path: c.path, err: err}
	}
	c.lastPlain, c.loaded = plain, true
	c.lastSum = sha256.Sum256(blob)
	if !bytes.Equal(merged, plain) {
		c.lastSum = [32]byte{} // the file holds more than MSAL's memory: the next Replace reads it
	}
	return nil
}

// mergeWithFile is plain merged with what another process wrote to the file since this
// one last read or wrote it; plain itself when nobody did, or when the file cannot be
// opened with key (then nobody could read it, and plain replaces it).
func (c *encryptedCache) mergeWithFile(key, plain []byte) ([]byte, error) {
	blob, err := os.ReadFile(c.path)
	if errors.Is(err, os.ErrNotExist) {
		return plain, nil
	}
	if err != nil {
		return nil, &fileError{what: "read", path: c.path, err: err}
	}
	if c.loaded && sha256.Sum256(blob) == c.lastSum {
		return plain, nil
	}
	theirs, err := c.open(key, blob)
	if err != nil {
		return plain, nil
	}
	merged, err := mergeTokenCaches(c.lastPlain, plain, theirs)
	if err != nil { // not MSAL's format: keep what this process knows to be good
		return plain, nil
	}
	return merged, nil
}

// clear removes the encrypted file and the key from the keyring (sign-out).
func (c *encryptedCache) clear(ctx context.Context) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	unlock, err := lockTokenCache(ctx, c.lockPath(), false)
	switch {
	case err == nil:
		defer unlock()
	case !errors.Is(err, errCacheLockMissing):
		return err
	}
	c.key, c.loaded, c.lastSum, c.lastPlain = nil, false, [32]byte{}, nil
	fileErr := os.Remove(c.path)
	if errors.Is(fileErr, os.ErrNotExist) {
		fileErr = nil
	}
	keyErr := c.keyring.Delete(keyringService, c.entry)
	if errors.Is(keyErr, ErrKeyringEntryMissing) {
		keyErr = nil
	}
	return errors.Join(fileErr, keyErr)
}

// checkKeyring makes sure the keyring answers before the admin is sent through a
// device-code sign-in whose tokens could not be kept; it writes nothing.
func (c *encryptedCache) checkKeyring() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	_, err := c.loadKey(false)
	if errors.Is(err, ErrKeyringEntryMissing) {
		return nil
	}
	return err
}

// loadKey returns the key from memory, or else from the keyring.
func (c *encryptedCache) loadKey(create bool) ([]byte, error) {
	if c.key != nil {
		return c.key, nil
	}
	return c.keyFromKeyring(create)
}

// keyFromKeyring reads the key from the keyring; with create it makes and stores a new
// one when the keyring has none.
func (c *encryptedCache) keyFromKeyring(create bool) ([]byte, error) {
	s, err := c.keyring.Get(keyringService, c.entry)
	if err == nil {
		key, derr := base64.StdEncoding.DecodeString(s)
		if derr == nil && len(key) == 32 {
			c.key = key
			return key, nil
		}
		err = ErrKeyringEntryMissing // not our key: replace it when asked to create
	}
	if !errors.Is(err, ErrKeyringEntryMissing) || !create {
		return nil, err
	}
	key := make([]byte, 32)
	rand.Read(key)
	if err := c.keyring.Set(keyringService, c.entry, base64.StdEncoding.EncodeToString(key)); err != nil {
		return nil, err
	}
	c.key = key
	return key, nil
}

// seal encrypts with AES-256-GCM; the entry name is authenticated too, so a file copied
// over another account's cannot be passed off as it.
func (c *encryptedCache) seal(key, plain []byte) ([]byte, error) {
	gcm, err := newGCM(key)
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, gcm.NonceSize())
	rand.Read(nonce)
	out := append(append(bytes.Clone(cacheMagic), nonce...), gcm.Seal(nil, nonce, plain, []byte(c.entry))...)
	return out, nil
}

func (c *encryptedCache) open(key, blob []byte) ([]byte, error) {
	gcm, err := newGCM(key)
	if err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(blob, cacheMagic) || len(blob) < len(cacheMagic)+gcm.NonceSize() {
		return nil, errors.New("not a Nimbus Admin token cache")
	}
	blob = blob[len(cacheMagic):]
	return gcm.Open(nil, blob[:gcm.NonceSize()], blob[gcm.NonceSize():], []byte(c.entry))
}

func newGCM(key []byte) (cipher.AEAD, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

// writeFileAtomic writes through a private temporary file and a rename, so that a crash
// leaves the old file or the new one, never half of one.
func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".tokens-*.tmp") // CreateTemp makes the file 0600
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}
