package server

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"time"

	"nimbusadmin/data"
)

// FeedEnd is the last line of a feed answer: the cursor to ask from next.
type FeedEnd struct {
	Next uint64 `json:"next"`
}

// maxWait bounds a long poll.
const maxWait = 60 * time.Second

// feed streams, gzip-compressed, one JSON line per row committed at or after the cursor
// `after`, then a FeedEnd line. From 0 it is the snapshot of a new replica. With wait=S
// and nothing new, it answers when something commits, or after S seconds.
func (s *Server) feed(w http.ResponseWriter, r *http.Request) {
	after, err := strconv.ParseUint(r.URL.Query().Get("after"), 10, 64)
	if err != nil && r.URL.Query().Get("after") != "" {
		writeRefusal(w, http.StatusBadRequest, "request.malformed", "after must be a feed cursor (a whole number)")
		return
	}
	wait, _ := strconv.Atoi(r.URL.Query().Get("wait"))
	deadline := time.Now().Add(min(time.Duration(max(wait, 0))*time.Second, maxWait))
	var out *feedWriter
	for {
		next, err := s.cfg.Store.Feed(r.Context(), after, func(row data.Row) error {
			if out == nil {
				out = newFeedWriter(w)
			}
			return out.line(row)
		})
		if err != nil {
			if out == nil {
				s.failed(w, "feed", err)
			}
			return // a broken stream lacks its FeedEnd line: the replica keeps its cursor
		}
		if out != nil || next != after || !time.Now().Before(deadline) {
			if out == nil {
				out = newFeedWriter(w)
			}
			out.line(FeedEnd{Next: next})
			out.close()
			return
		}
		ctx, cancel := context.WithDeadline(r.Context(), deadline)
		stop := context.AfterFunc(s.stopping, cancel)
		err = s.cfg.Store.Wait(ctx, after)
		stop()
		cancel()
		if r.Context().Err() != nil {
			return
		}
		if s.stopping.Err() != nil {
			deadline = time.Now() // answer with what there is
		}
		_ = err // a timeout: read once more, then answer
	}
}

// feedWriter writes JSON lines through gzip.
type feedWriter struct {
	zw  *gzip.Writer
	buf *bufio.Writer
	enc *json.Encoder
}

func newFeedWriter(w http.ResponseWriter) *feedWriter {
	w.Header().Set("Content-Type", "application/x-ndjson")
	w.Header().Set("Content-Encoding", "gzip")
	w.WriteHeader(http.StatusOK)
	zw, _ := gzip.NewWriterLevel(w, gzip.BestSpeed)
	buf := bufio.NewWriterSize(zw, 64<<10)
	return &feedWriter{zw: zw, buf: buf, enc: json.NewEncoder(buf)}
}

func (f *feedWriter) line(v any) error { return f.enc.Encode(v) }

func (f *feedWriter) close() {
	f.buf.Flush()
	f.zw.Close()
}
