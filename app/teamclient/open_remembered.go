package teamclient

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"

	"nimbusadmin/app"
	"nimbusadmin/auth"
)

// rememberedFile is the file in the config folder that names each tenant's team server.
const rememberedFile = "servers.json"

// remembered is that file: the server address of each tenant id.
type remembered struct {
	Servers map[string]string `json:"servers"`
}

// Remember keeps server as the team server of the tenant, so that the command line and
// the window open its replica without being told --server again.
func Remember(tenantID, server string) error {
	base, err := normalise(server)
	if err != nil {
		return err
	}
	r, err := readRemembered()
	if err != nil {
		return err
	}
	r.Servers[tenantID] = base
	return writeRemembered(r)
}

// Forget drops the remembered server, or every remembered server when server is "", and
// says which servers were forgotten.
func Forget(server string) ([]string, error) {
	if server != "" {
		base, err := normalise(server)
		if err != nil {
			return nil, err
		}
		server = base
	}
	r, err := readRemembered()
	if err != nil {
		return nil, err
	}
	var gone []string
	for tenant, s := range r.Servers {
		if server == "" || s == server {
			delete(r.Servers, tenant)
			if !slices.Contains(gone, s) {
				gone = append(gone, s)
			}
		}
	}
	sort.Strings(gone)
	if len(gone) == 0 {
		return nil, nil
	}
	return gone, writeRemembered(r)
}

// RememberedServer is the team server remembered for the tenant, or, when tenantID is ""
// (nobody is signed in), the one server remembered when there is exactly one; "" when
// there is none.
func RememberedServer(tenantID string) (string, error) {
	r, err := readRemembered()
	if err != nil || tenantID != "" {
		return r.Servers[tenantID], err
	}
	only := ""
	for _, s := range r.Servers {
		if only != "" && s != only {
			return "", nil
		}
		only = s
	}
	return only, nil
}

// ServerFor is the team server remembered for the tenant signed in with s (the only one
// remembered when nobody is signed in); "" when the tenant has none, so that its cache
// opens as in the single-admin mode.
func ServerFor(ctx context.Context, s *auth.Session) (string, error) {
	tenant := ""
	if acc, signedIn, err := s.Account(ctx); err == nil && signedIn {
		tenant = acc.TenantID
	}
	return RememberedServer(tenant)
}

func rememberedPath() (string, error) {
	dir, err := app.CacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, rememberedFile), nil
}

func readRemembered() (remembered, error) {
	r := remembered{Servers: map[string]string{}}
	path, err := rememberedPath()
	if err != nil {
		return r, err
	}
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return r, nil
	}
	if err != nil {
		return r, err
	}
	if err := json.Unmarshal(b, &r); err != nil {
		return remembered{Servers: map[string]string{}}, fmt.Errorf("%s is damaged (%v): remove it and connect to the team server again", path, err)
	}
	if r.Servers == nil {
		r.Servers = map[string]string{}
	}
	return r, nil
}

// writeRemembered replaces the file in one step, readable by its owner only.
func writeRemembered(r remembered) error {
	path, err := rememberedPath()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	b, _ := json.MarshalIndent(r, "", "  ")
	tmp, err := os.CreateTemp(filepath.Dir(path), rememberedFile+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(append(b, '\n')); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
