package app

// ptr points at a value, for the optional fields of ChangeTenantSettings.
func ptr[T any](v T) *T { return &v }

// levelsNote runs SetSkillCategoryLevels and returns the note of its outcome.
func levelsNote(a *App, cmd SetSkillCategoryLevels) (string, error) {
	out, err := a.Do(ctx, cmd)
	return out.Note, err
}
