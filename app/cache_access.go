package app

import (
	"path/filepath"

	"nimbusadmin/data"
)

// ReadOnly says why the open cache cannot be changed, in the admin's words ("its folder
// is read-only"), or "" when it can; the window shows it, and every change and sync is
// refused with it.
func (a *App) ReadOnly() string { return a.store.ReadOnly() }

// CacheNotes are what the admin should fix about the open cache's permissions (a folder
// others can write to, a file that could not be made private), one line each, found
// when it was opened; the command line prints them on stderr, the window in its status.
func (a *App) CacheNotes() []string { return a.store.Notes() }

// refuseReadOnly refuses every change and sync on a cache this process cannot write, or
// one opened by a command that only reads, saying why; nil when the cache can be written.
func (a *App) refuseReadOnly() error {
	if r := a.Remote(); r != nil {
		return r.Writable()
	}
	why := a.store.ReadOnly()
	if why == "" {
		return nil
	}
	return refuse("cache.read_only", "the cache %s is read-only (%s): changes and sync are off; review only", a.store.Path(), why)
}

// openCache opens the cache file at path, for reading only when readOnly, and only when
// it exists when existing. The config folder is the program's own: it is kept private; a
// folder the admin chose is only reported when others can write to it.
func openCache(path string, readOnly, existing bool) (*data.Store, error) {
	return data.OpenWith(path, data.OpenOptions{ReadOnly: readOnly, Existing: existing, OwnFolder: inCacheDir(path)})
}

// inCacheDir reports whether path is a file of the program's own cache folder.
func inCacheDir(path string) bool {
	dir, err := CacheDir()
	if err != nil {
		return false
	}
	abs, err := filepath.Abs(filepath.Dir(path))
	return err == nil && abs == filepath.Clean(dir)
}

// CanChange says whether changes and sync are possible on the open cache: nil, or the
// refusal every change and sync meets, for the window to show before anyone tries.
func (a *App) CanChange() error { return a.refuseReadOnly() }
