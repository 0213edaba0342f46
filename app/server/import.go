package server

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"time"

	"nimbusadmin/data"
)

// maxImport bounds an imported cache (uncompressed): a million users fit in it.
const maxImport = 4 << 30

// importCache loads a single admin's cache, sent as gzip-compressed JSON lines of rows,
// into a server that holds no tenant yet.
func (s *Server) importCache(w http.ResponseWriter, r *http.Request) {
	zr, err := gzip.NewReader(r.Body)
	if err != nil {
		writeRefusal(w, http.StatusBadRequest, "request.malformed", "the import is not gzip-compressed JSON lines")
		return
	}
	sc := bufio.NewScanner(io.LimitReader(zr, maxImport))
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	var rows []data.Row
	for sc.Scan() {
		var row data.Row
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil || row.Table == "" || len(row.Key) == 0 {
			writeRefusal(w, http.StatusBadRequest, "request.malformed", "line "+strconv.Itoa(len(rows)+1)+" of the import is not a row")
			return
		}
		rows = append(rows, row)
	}
	if err := sc.Err(); err != nil {
		writeRefusal(w, http.StatusBadRequest, "request.malformed", "the import broke off: "+err.Error())
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), 10*time.Minute)
	defer cancel()
	a, unlock, ok := s.writing(ctx, w, r)
	if !ok {
		return
	}
	defer unlock()
	n, err := a.Import(ctx, rows)
	if err != nil {
		s.refusedOrFailed(w, "import", err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"rows": n, "xid": s.cfg.Cache.LastCommit()})
}
