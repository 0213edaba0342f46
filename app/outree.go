package app

import (
	"context"

	"nimbusadmin/app/outree"
)

// OUTree loads the current organization-unit tree, which the rules consult ("same OU or
// higher", subtrees, paths).
func (a *App) OUTree(ctx context.Context) (*outree.Tree, error) {
	ous, err := a.store.Read(ctx).OrganizationUnits()
	if err != nil {
		return nil, err
	}
	return outree.New(ous), nil
}
