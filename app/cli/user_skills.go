package cli

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"nimbusadmin/app"
	"nimbusadmin/data"
)

func runUserSkillAdd(ctx context.Context, e env, args []string) error {
	fs := newFlags("user skill add")
	level := fs.String("level", "", "the level, by name or number (needed when the skill's category has levels)")
	pos, err := parse(fs, args, 2, "a user (O365 ID or UPN) and a skill")
	if err != nil {
		return err
	}
	return withApp(e, func(a *app.App) error {
		skill, err := a.FindConfigItem(ctx, data.ConfigSkills, pos[1])
		if err != nil {
			return err
		}
		_, levels, err := a.SkillWithLevels(ctx, skill.ID)
		if err != nil {
			return err
		}
		l, err := skillLevel(skill.Name, levels, *level)
		if err != nil {
			return err
		}
		if _, err := a.Do(ctx, app.SetUserSkill{User: pos[0], Skill: skill.ID, Level: l.ID}); err != nil {
			return err
		}
		if l.Name != "" {
			fmt.Fprintf(e.stderr, "%s now holds %s at %s.\n", pos[0], skill.Name, l.Name)
		} else {
			fmt.Fprintf(e.stderr, "%s now holds %s.\n", pos[0], skill.Name)
		}
		return nil
	})
}

// skillLevel finds the level the admin named, by name or number. A skill whose category
// has levels needs one, and one without levels takes none: a command line that says
// otherwise is malformed, and the message lists the levels to choose from.
func skillLevel(skill string, levels []data.SkillLevel, want string) (data.SkillLevel, error) {
	want = strings.TrimSpace(want)
	if len(levels) == 0 {
		if want != "" {
			return data.SkillLevel{}, usagef("the skill %q has no levels: leave out --level", skill)
		}
		return data.SkillLevel{}, nil
	}
	names := make([]string, len(levels))
	for i, l := range levels {
		if strings.EqualFold(l.Name, want) || strconv.Itoa(l.Value) == want {
			return l, nil
		}
		names[i] = fmt.Sprintf("%s (%d)", l.Name, l.Value)
	}
	if want == "" {
		return data.SkillLevel{}, usagef("the skill %q needs --level, one of: %s", skill, strings.Join(names, ", "))
	}
	return data.SkillLevel{}, fmt.Errorf("the skill %q has no level %q; its levels are %s", skill, want, strings.Join(names, ", "))
}

func runUserSkillRemove(ctx context.Context, e env, args []string) error {
	pos, err := parse(newFlags("user skill remove"), args, 2, "a user (O365 ID or UPN) and a skill")
	if err != nil {
		return err
	}
	return withApp(e, func(a *app.App) error {
		skill, err := a.FindConfigItem(ctx, data.ConfigSkills, pos[1])
		if err != nil {
			return err
		}
		if _, err := a.Do(ctx, app.RemoveUserSkill{User: pos[0], Skill: skill.ID}); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "%s no longer holds %s.\n", pos[0], skill.Name)
		return nil
	})
}

// profileAction is one of the things 'user profile' does with a profile.
type profileAction string

const (
	profileAdd      profileAction = "add"
	profileRemove   profileAction = "remove"
	profileActivate profileAction = "activate"
)

// runUserProfile is the verb that does the action with a user's profile.
func runUserProfile(act profileAction) func(ctx context.Context, e env, args []string) error {
	return func(ctx context.Context, e env, args []string) error {
		pos, err := parse(newFlags("user profile "+string(act)), args, 2, "a user (O365 ID or UPN) and a responsibility profile")
		if err != nil {
			return err
		}
		return withApp(e, func(a *app.App) error {
			p, err := a.FindConfigItem(ctx, data.ConfigProfiles, pos[1])
			if err != nil {
				return err
			}
			var cmd app.Command
			switch act {
			case profileAdd:
				cmd = app.AssignProfile{User: pos[0], Profile: p.ID}
			case profileRemove:
				cmd = app.UnassignProfile{User: pos[0], Profile: p.ID}
			case profileActivate:
				cmd = app.SetActiveProfile{User: pos[0], Profile: p.ID}
			}
			if _, err := a.Do(ctx, cmd); err != nil {
				return err
			}
			switch act {
			case profileAdd:
				fmt.Fprintf(e.stderr, "%s now has the profile %s.\n", pos[0], p.Name)
			case profileRemove:
				fmt.Fprintf(e.stderr, "%s no longer has the profile %s.\n", pos[0], p.Name)
			case profileActivate:
				fmt.Fprintf(e.stderr, "%s is now %s's active profile.\n", p.Name, pos[0])
			}
			return nil
		})
	}
}
