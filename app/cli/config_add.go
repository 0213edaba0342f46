package cli

import (
	"context"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"nimbusadmin/app"
	"nimbusadmin/app/outree"
	"nimbusadmin/app/permissions"
	"nimbusadmin/data"
)

// configAdder declares an add action's flags and returns what builds the command that
// creates the item.
type configAdder func(fs *flag.FlagSet) func(ctx context.Context, a *app.App, tree *outree.Tree, name string) (app.Command, error)

var configAdders = map[data.ConfigKind]configAdder{
	data.ConfigSkillCategories: func(fs *flag.FlagSet) func(context.Context, *app.App, *outree.Tree, string) (app.Command, error) {
		ou := fs.String("ou", "/", "the OU it lives in; / is the tenant root, where every OU can use it")
		var levels listFlag
		fs.Var(&levels, "level", "a level as NAME=NUMBER (repeat)")
		return func(ctx context.Context, a *app.App, tree *outree.Tree, name string) (app.Command, error) {
			var ls []data.ConfigLevel
			for _, l := range levels {
				n, v, ok := strings.Cut(l, "=")
				num, err := strconv.Atoi(strings.TrimSpace(v))
				if !ok || err != nil {
					return nil, usagef("--level %q: write NAME=NUMBER, e.g. Fluent=2", l)
				}
				ls = append(ls, data.ConfigLevel{Name: n, Value: num})
			}
			return configIn(tree, *ou, func(ouID int64) app.Command { return app.CreateSkillCategory{Name: name, OU: ouID, Levels: ls} })
		}
	},
	data.ConfigSkills: func(fs *flag.FlagSet) func(context.Context, *app.App, *outree.Tree, string) (app.Command, error) {
		ou := fs.String("ou", "/", "the OU it lives in; / is the tenant root, where every OU can use it")
		category := fs.String("category", "", "its skill category (id or name)")
		return func(ctx context.Context, a *app.App, tree *outree.Tree, name string) (app.Command, error) {
			c, err := a.FindConfigItem(ctx, data.ConfigSkillCategories, *category)
			if err != nil {
				return nil, err
			}
			return configIn(tree, *ou, func(ouID int64) app.Command { return app.CreateSkill{Name: name, Category: c.ID, OU: ouID} })
		}
	},
	data.ConfigProfiles: func(fs *flag.FlagSet) func(context.Context, *app.App, *outree.Tree, string) (app.Command, error) {
		ou := fs.String("ou", "/", "the OU it lives in; / is the tenant root, where every OU can use it")
		var skills listFlag
		fs.Var(&skills, "skill", "a skill as SKILL=LEVEL, or SKILL when its category has no levels (repeat)")
		return func(ctx context.Context, a *app.App, tree *outree.Tree, name string) (app.Command, error) {
			var ps []data.ConfigProfileSkill
			for _, s := range skills {
				p, err := configProfileSkill(ctx, a, s)
				if err != nil {
					return nil, err
				}
				ps = append(ps, p)
			}
			return configIn(tree, *ou, func(ouID int64) app.Command { return app.CreateProfile{Name: name, OU: ouID, Skills: ps} })
		}
	},
	data.ConfigNAReasons: func(fs *flag.FlagSet) func(context.Context, *app.App, *outree.Tree, string) (app.Command, error) {
		ou := fs.String("ou", "/", "the OU it lives in; / is the tenant root, where every OU can use it")
		return func(ctx context.Context, a *app.App, tree *outree.Tree, name string) (app.Command, error) {
			return configIn(tree, *ou, func(ouID int64) app.Command { return app.CreateNAReason{Name: name, OU: ouID} })
		}
	},
	data.ConfigDomainTemplates: func(fs *flag.FlagSet) func(context.Context, *app.App, *outree.Tree, string) (app.Command, error) {
		ou := fs.String("ou", "/", "the OU it lives in; / is the tenant root, where every OU can use it")
		var origins listFlag
		fs.Var(&origins, "origin", "an allowed web site, e.g. https://www.contoso.com (repeat)")
		return func(ctx context.Context, a *app.App, tree *outree.Tree, name string) (app.Command, error) {
			return configIn(tree, *ou, func(ouID int64) app.Command { return app.CreateDomainTemplate{Name: name, OU: ouID, Origins: origins} })
		}
	},
	data.ConfigSystemMessages: func(fs *flag.FlagSet) func(context.Context, *app.App, *outree.Tree, string) (app.Command, error) {
		ou := fs.String("ou", "/", "the OU it lives in; / is the tenant root, where every OU can use it")
		display := fs.String("display-name", "", "the name customers see in chat")
		welcome := fs.String("welcome", "", "the message sent when a chat starts")
		return func(ctx context.Context, a *app.App, tree *outree.Tree, name string) (app.Command, error) {
			return configIn(tree, *ou, func(ouID int64) app.Command {
				return app.CreateSystemMessage{Name: name, OU: ouID, DisplayName: *display, Welcome: *welcome}
			})
		}
	},
	data.ConfigCallTemplates: func(fs *flag.FlagSet) func(context.Context, *app.App, *outree.Tree, string) (app.Command, error) {
		ou := fs.String("ou", "/", "the OU it lives in; / is the tenant root, where every OU can use it")
		url := fs.String("url", "", "the page opened on a direct call")
		desc := fs.String("description", "", "what the page shows")
		return func(ctx context.Context, a *app.App, tree *outree.Tree, name string) (app.Command, error) {
			return configIn(tree, *ou, func(ouID int64) app.Command {
				return app.CreateCallTemplate{Name: name, OU: ouID, Description: *desc, PageURL: *url}
			})
		}
	},
	data.ConfigCustomRoles: func(fs *flag.FlagSet) func(context.Context, *app.App, *outree.Tree, string) (app.Command, error) {
		ou := fs.String("ou", "/", "the OU it is visible in; / is the tenant root, where every OU sees it")
		desc := fs.String("description", "", "a short description")
		perms := fs.String("permissions", "", "items and their rights, e.g. users.list=R,users.skills=CRUD")
		return func(ctx context.Context, a *app.App, tree *outree.Tree, name string) (app.Command, error) {
			p, err := permissions.Parse(*perms)
			if err != nil {
				return nil, usagef("--permissions: %v", err)
			}
			return configIn(tree, *ou, func(ouID int64) app.Command {
				return app.CreateCustomRole{CustomRoleSpec: app.CustomRoleSpec{Name: name, OUID: ouID, Description: *desc, Permissions: p}}
			})
		}
	},
}

// configAddNeeds are the flags without which an item of a kind cannot be made, with
// what each asks for: leaving one out is a malformed command line.
var configAddNeeds = map[data.ConfigKind][][2]string{
	data.ConfigSkills:          {{"category", "CATEGORY: the skill category it belongs to (id or name)"}},
	data.ConfigDomainTemplates: {{"origin", "https://HOST: a web site allowed to embed the widget (repeat for more)"}},
	data.ConfigSystemMessages:  {{"display-name", "TEXT: the name customers see in chat"}},
	data.ConfigCallTemplates:   {{"url", "URL: the page a direct call opens"}},
}

// configIn resolves the OU an admin typed and builds the command that creates the item
// in it.
func configIn(tree *outree.Tree, ou string, create func(ouID int64) app.Command) (app.Command, error) {
	id, err := tree.Resolve(ou)
	if err != nil {
		return nil, err
	}
	return create(id), nil
}

// configProfileSkill reads SKILL[=LEVEL], matching the level by name or number.
func configProfileSkill(ctx context.Context, a *app.App, s string) (data.ConfigProfileSkill, error) {
	name, level, hasLevel := strings.Cut(s, "=")
	it, err := a.FindConfigItem(ctx, data.ConfigSkills, name)
	if err != nil {
		return data.ConfigProfileSkill{}, err
	}
	_, levels, err := a.SkillWithLevels(ctx, it.ID)
	if err != nil {
		return data.ConfigProfileSkill{}, err
	}
	ps := data.ConfigProfileSkill{SkillID: it.ID}
	if !hasLevel {
		return ps, nil
	}
	for _, l := range levels {
		if strings.EqualFold(l.Name, strings.TrimSpace(level)) || strconv.Itoa(l.Value) == strings.TrimSpace(level) {
			ps.LevelID = l.ID
			return ps, nil
		}
	}
	return ps, fmt.Errorf("--skill %q: the skill %q has no level %q", s, it.Name, level)
}
