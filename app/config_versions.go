package app

import (
	"context"
	"strconv"

	"nimbusadmin/data"
)

// configEntities names, for each kind of configuration item, the entity its row
// versions are kept under.
var configEntities = map[data.ConfigKind]string{
	data.ConfigSkillCategories: "skill-category",
	data.ConfigSkills:          "skill",
	data.ConfigProfiles:        "profile",
	data.ConfigNAReasons:       "na-reason",
	data.ConfigDomainTemplates: "domain-template",
	data.ConfigSystemMessages:  "system-message",
	data.ConfigCallTemplates:   "call-template",
	data.ConfigCustomRoles:     "role",
}

// RowVersion reads the version of one entity ("tenant" with key "", "ou", "service" …
// with the id as text), for a screen to base its next change on what it shows. Read it
// before the view: a write in between then makes the change refused, never lost.
func (a *App) RowVersion(ctx context.Context, entity, key string) (data.RowVersion, error) {
	v, err := a.store.Read(ctx).RowVersionOf(entity, key)
	return data.RowVersion{Entity: entity, Key: key, Version: v}, err
}

// RowVersions reads the version of every entity of one kind by id, for a screen that
// lists many (the OUs, the services); an id missing from the map was never written and
// has version 0.
func (a *App) RowVersions(ctx context.Context, entity string) (map[int64]data.RowVersion, error) {
	versions, err := a.store.Read(ctx).RowVersionsOf(entity)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]data.RowVersion, len(versions))
	for key, v := range versions {
		if id, err := strconv.ParseInt(key, 10, 64); err == nil {
			out[id] = data.RowVersion{Entity: entity, Key: key, Version: v}
		}
	}
	return out, nil
}

// VersionOf is the version of the id in a map RowVersions read, 0 when it was never
// written.
func VersionOf(versions map[int64]data.RowVersion, entity string, id int64) data.RowVersion {
	if v, ok := versions[id]; ok {
		return v
	}
	return data.RowVersion{Entity: entity, Key: strconv.FormatInt(id, 10)}
}
