package server

import (
	"compress/gzip"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
)

// snapshot sends a new replica the working copy as one gzip-compressed SQLite file, with
// the feed cursor it is at inside: loading it is far faster than a million rows.
func (s *Server) snapshot(w http.ResponseWriter, r *http.Request) {
	dir, err := os.MkdirTemp("", "nimbus-snapshot-")
	if err != nil {
		s.failed(w, "snapshot", err)
		return
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "snapshot.db")
	if err := s.cfg.Cache.SnapshotTo(r.Context(), path); err != nil {
		s.failed(w, "snapshot", err)
		return
	}
	f, err := os.Open(path)
	if err != nil {
		s.failed(w, "snapshot", err)
		return
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil {
		w.Header().Set("X-Nimbus-Snapshot-Bytes", strconv.FormatInt(st.Size(), 10))
	}
	w.Header().Set("Content-Type", "application/vnd.sqlite3")
	w.Header().Set("Content-Encoding", "gzip")
	zw, _ := gzip.NewWriterLevel(w, gzip.BestSpeed)
	if _, err := io.Copy(zw, f); err != nil {
		return // the replica sees a broken body and loads nothing
	}
	zw.Close()
}
