package graph

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"time"
)

// Bounds of the retries after a dropped connection or a body cut in the middle.
const (
	networkAttempts = 4
	networkBackoff  = 250 * time.Millisecond
)

// resilientTransport sits under the SDK's middleware: it reads every GET response body
// whole and retries, with bounded exponential back-off, when the connection drops
// before the answer or in the middle of its body. A cut body is never passed on as if it
// were whole: after the last attempt it is an error.
type resilientTransport struct {
	base http.RoundTripper
}

// RoundTrip sends the request, retrying idempotent reads that fail in transit.
func (t *resilientTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Method != http.MethodGet {
		return t.base.RoundTrip(req)
	}
	var lastErr error
	for attempt := range networkAttempts {
		if attempt > 0 {
			timer := time.NewTimer(networkBackoff << (attempt - 1))
			select {
			case <-req.Context().Done():
				timer.Stop()
				return nil, req.Context().Err()
			case <-timer.C:
			}
		}
		res, err := t.base.RoundTrip(req)
		if err != nil {
			if req.Context().Err() != nil {
				return nil, req.Context().Err()
			}
			lastErr = fmt.Errorf("the connection to %s dropped: %w", req.URL.Host, err)
			continue
		}
		body, err := readBody(res)
		res.Body.Close()
		if err != nil {
			if req.Context().Err() != nil {
				return nil, req.Context().Err()
			}
			lastErr = fmt.Errorf("the answer from %s was cut after %d bytes: %w", req.URL.Host, len(body), err)
			continue
		}
		res.Body = io.NopCloser(bytes.NewReader(body))
		res.ContentLength = int64(len(body))
		return res, nil
	}
	return nil, fmt.Errorf("%w (gave up after %d attempts)", lastErr, networkAttempts)
}

// readBody reads a whole response body, into a buffer of the announced size when the
// server gave one (a page is read once, not grown by doubling).
func readBody(res *http.Response) ([]byte, error) {
	if res.ContentLength <= 0 || res.ContentLength > 64<<20 {
		return io.ReadAll(res.Body)
	}
	body := make([]byte, res.ContentLength)
	n, err := io.ReadFull(res.Body, body)
	return body[:n], err
}
