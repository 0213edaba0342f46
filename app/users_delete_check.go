package app

import "context"

// DeleteBlocked says why a Nimbus user cannot be deleted, "" when they can: the delete
// rule alone, without the rest of the user's details, so that the window can check many
// selected users before it asks once whether to delete them.
func (a *App) DeleteBlocked(ctx context.Context, idOrUPN string) (string, error) {
	q := a.store.Read(ctx)
	u, err := findUser(q, idOrUPN)
	if err != nil {
		return "", err
	}
	services, err := q.UserServices(u.ID)
	if err != nil {
		return "", err
	}
	return DeleteBlockedReason(u, services), nil
}
