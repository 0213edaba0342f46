package app

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"slices"
	"sort"
	"strings"

	"nimbusadmin/data"
)

// syncStage holds a users round between reading and writing, so that nothing is written
// to the cache before the whole round (and the Teams) has been read. It keeps the users
// in a temporary file, not in memory, whatever the tenant's size: encoded, in buckets of
// neighbouring ids. The bucket bounds come from the first page (Graph lists users in no
// particular order, so its ids are a fair sample), and the round is handed back in id
// order a bucket at a time, so that each write transaction touches few pages of the cache.
type syncStage struct {
	bounds  []string // the first id of every bucket but the first, in order
	buckets []stageBucket
	file    *os.File // created at the first block written; nil for a small round
	path    string   // "" once the file is unlinked (it then vanishes when closed, or killed)
	size    int64
	count   int
}

// stageBucket is the users of one range of ids: blocks written to the file, in order,
// and the ones not written yet.
type stageBucket struct {
	blocks  []stageBlock
	pending []byte
}

// stageBlock is where one block of a bucket is in the file.
type stageBlock struct{ offset, size int64 }

const (
	stageBuckets    = 64       // at most; fewer for a round whose first page is small
	stageBucketMin  = 16       // users of the first page per bucket, at least
	stageBlockBytes = 32 << 10 // a bucket's users are written to the file in blocks of about this size
)

func newSyncStage() *syncStage { return &syncStage{} }

// add stages one page of changes.
func (st *syncStage) add(changes []data.DirectoryUserChange) error {
	if st.buckets == nil {
		st.plan(changes)
	}
	for i := range changes {
		c := &changes[i]
		id := c.User.ID
		b := &st.buckets[sort.Search(len(st.bounds), func(k int) bool { return st.bounds[k] > id })]
		b.pending = encodeChange(b.pending, c)
		if len(b.pending) >= stageBlockBytes {
			if err := st.flush(b); err != nil {
				return err
			}
		}
	}
	st.count += len(changes)
	return nil
}

// plan sets the bucket bounds from the ids of the first page: equal shares of them.
func (st *syncStage) plan(first []data.DirectoryUserChange) {
	ids := make([]string, len(first))
	for i := range first {
		ids[i] = first[i].User.ID
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	n := max(1, min(stageBuckets, len(ids)/stageBucketMin))
	for k := 1; k < n; k++ {
		st.bounds = append(st.bounds, ids[k*len(ids)/n])
	}
	st.buckets = make([]stageBucket, n)
}

// flush writes a bucket's pending users to the file as one block.
func (st *syncStage) flush(b *stageBucket) error {
	if st.file == nil {
		f, err := os.CreateTemp("", "nimbusadmin-sync-*.tmp")
		if err != nil {
			return fmt.Errorf("cannot keep the users read so far: %w", err)
		}
		st.file, st.path = f, f.Name()
		if os.Remove(st.path) == nil {
			st.path = "" // unlinked: the file goes when it is closed, even by a kill
		}
	}
	if _, err := st.file.WriteAt(b.pending, st.size); err != nil {
		return fmt.Errorf("cannot keep the users read so far: %w", err)
	}
	b.blocks = append(b.blocks, stageBlock{st.size, int64(len(b.pending))})
	st.size += int64(len(b.pending))
	b.pending = b.pending[:0]
	return nil
}

// each hands the staged changes to fn in chunks of up to n, in id order; the changes of
// one user keep the order they were read in.
func (st *syncStage) each(n int, fn func([]data.DirectoryUserChange) error) error {
	var chunk []data.DirectoryUserChange
	for i := range st.buckets {
		changes, err := st.bucket(i)
		if err != nil {
			return err
		}
		for _, c := range changes {
			chunk = append(chunk, c)
			if len(chunk) == n {
				if err := fn(chunk); err != nil {
					return err
				}
				chunk = chunk[:0]
			}
		}
	}
	if len(chunk) > 0 {
		return fn(chunk)
	}
	return nil
}

// ids yields the id of every staged user once, in order; a failure to read the stage
// back ends the sequence with the error.
func (st *syncStage) ids() iter.Seq2[string, error] {
	return func(yield func(string, error) bool) {
		for i := range st.buckets {
			changes, err := st.bucket(i)
			if err != nil {
				yield("", err)
				return
			}
			for k, c := range changes {
				if k > 0 && changes[k-1].User.ID == c.User.ID {
					continue
				}
				if !yield(c.User.ID, nil) {
					return
				}
			}
		}
	}
}

// bucket reads back one bucket's changes, sorted by id (stably: one user's changes keep
// the order they were read in).
func (st *syncStage) bucket(i int) ([]data.DirectoryUserChange, error) {
	b := &st.buckets[i]
	var changes []data.DirectoryUserChange
	for _, bl := range b.blocks {
		buf := make([]byte, bl.size)
		if _, err := st.file.ReadAt(buf, bl.offset); err != nil && !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("cannot read back the users read: %w", err)
		}
		var err error
		if changes, err = decodeChanges(changes, string(buf)); err != nil {
			return nil, err
		}
	}
	changes, err := decodeChanges(changes, string(b.pending))
	slices.SortStableFunc(changes, func(a, b data.DirectoryUserChange) int { return strings.Compare(a.User.ID, b.User.ID) })
	return changes, err
}

// close removes the temporary file.
func (st *syncStage) close() {
	if st.file != nil {
		st.file.Close()
		if st.path != "" {
			os.Remove(st.path)
		}
		st.file = nil
	}
}

// Flags of an encoded change.
const (
	stageRemoved = 1 << iota
	stageEnabledKnown
	stageEnabled
)

// encodeChange appends one change: its flags, the properties carried and null, then the
// id and the seven text properties, each as a length and its bytes.
func encodeChange(buf []byte, c *data.DirectoryUserChange) []byte {
	var flags byte
	if c.Removed {
		flags |= stageRemoved
	}
	if e := c.User.AccountEnabled; e != nil {
		flags |= stageEnabledKnown
		if *e {
			flags |= stageEnabled
		}
	}
	buf = append(buf, flags, byte(c.Carried), byte(c.Null))
	u := &c.User
	for _, s := range [...]string{u.ID, u.DisplayName, u.GivenName, u.Surname, u.UPN, u.Mail, u.Department, u.JobTitle} {
		buf = binary.AppendUvarint(buf, uint64(len(s)))
		buf = append(buf, s...)
	}
	return buf
}

// decodeChanges appends the changes encoded in block; their texts share the block's memory.
func decodeChanges(out []data.DirectoryUserChange, block string) ([]data.DirectoryUserChange, error) {
	bad := errors.New("the users read so far were kept damaged; sync again")
	for len(block) > 0 {
		if len(block) < 3 {
			return out, bad
		}
		flags := block[0]
		c := data.DirectoryUserChange{Carried: data.DirectoryFields(block[1]), Null: data.DirectoryFields(block[2]),
			Removed: flags&stageRemoved != 0}
		if flags&stageEnabledKnown != 0 {
			e := flags&stageEnabled != 0
			c.User.AccountEnabled = &e
		}
		block = block[3:]
		u := &c.User
		for _, s := range [...]*string{&u.ID, &u.DisplayName, &u.GivenName, &u.Surname, &u.UPN, &u.Mail, &u.Department, &u.JobTitle} {
			n, k := uvarint(block)
			if k <= 0 || uint64(len(block)-k) < n {
				return out, bad
			}
			*s = block[k : k+int(n)]
			block = block[k+int(n):]
		}
		out = append(out, c)
	}
	return out, nil
}

// uvarint reads a length written by binary.AppendUvarint from the start of s; k is the
// bytes it took, 0 when s ends first.
func uvarint(s string) (n uint64, k int) {
	for shift := 0; k < len(s) && shift < 64; shift += 7 {
		b := s[k]
		k++
		n |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return n, k
		}
	}
	return 0, 0
}
