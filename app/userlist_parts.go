package app

import (
	"context"

	"nimbusadmin/app/outree"
	"nimbusadmin/app/userlist"
)

// UserIndexParts reads the user list part by part, for a window that shows a large list
// at once and the rest as it arrives. Each part is read on its own, so a change between
// parts may show only after the next full read; the window reads the list again after
// every change and sync anyway.
type UserIndexParts struct {
	a     *App
	tree  *outree.Tree
	total int
	after string
	ix    *userlist.Index
	done  bool
}

// LoadUserIndexInParts reads the OU tree and counts the users; Next reads the parts.
func (a *App) LoadUserIndexInParts(ctx context.Context) (*UserIndexParts, error) {
	tree, err := a.OUTree(ctx)
	if err != nil {
		return nil, err
	}
	total, err := a.store.Read(ctx).CountNimbusUsers()
	if err != nil {
		return nil, err
	}
	return &UserIndexParts{a: a, tree: tree, total: total, ix: userlist.NewIndex(nil, tree)}, nil
}

// Total is how many users the list held when it began to load.
func (p *UserIndexParts) Total() int { return p.total }

// Next reads up to n more users and returns the index of every user read so far, and
// whether that is the whole list.
func (p *UserIndexParts) Next(ctx context.Context, n int) (*userlist.Index, bool, error) {
	if p.done {
		return p.ix, true, nil
	}
	q := p.a.store.Read(ctx)
	if p.after == "" && p.total <= n { // the whole list in one part: plain scans read it faster
		rows, err := q.UserListRows()
		if err != nil {
			return nil, false, err
		}
		p.ix, p.done = userlist.NewIndex(rows, p.tree), true
		return p.ix, true, nil
	}
	rows, last, err := q.UserListRowsAfter(p.after, n)
	if err != nil {
		return nil, false, err
	}
	p.ix = p.ix.WithRows(rows, p.total)
	p.after, p.done = last, len(rows) < n
	return p.ix, p.done, nil
}

// ReleaseMemory hands back what the cache's connections kept from reading the list.
func (a *App) ReleaseMemory() { a.store.ReleaseMemory() }
