package app

import (
	"context"

	"nimbusadmin/app/outree"
)

// OUTree is the organization-unit tree the rules consult ("same OU or higher", subtrees,
// paths); it lives in its own package so that the user list can use it without the rules.
type OUTree = outree.Tree

// OUTree loads the current OU tree.
func (a *App) OUTree(ctx context.Context) (*OUTree, error) {
	ous, err := a.store.Read(ctx).OrganizationUnits()
	if err != nil {
		return nil, err
	}
	return outree.New(ous), nil
}
