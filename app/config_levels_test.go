package app

import (
	"strings"
	"testing"

	"nimbusadmin/data"
)

// levelsOf reads a category's levels as the editor gets them.
func levelsOf(t *testing.T, f *fixture, categoryID int64) []data.ConfigLevel {
	t.Helper()
	c, err := f.app.SkillCategory(ctx, categoryID)
	if err != nil {
		t.Fatal(err)
	}
	return ConfigLevels(c.Levels)
}

// fixtureCategory finds a skill category of the fixture by name.
func fixtureCategory(t *testing.T, f *fixture, name string) int64 {
	t.Helper()
	it, err := f.app.FindConfigItem(ctx, data.ConfigSkillCategories, name)
	if err != nil {
		t.Fatal(err)
	}
	return it.ID
}

// userLevel is the level name at which the user holds the skill ("" without a level).
func userLevel(t *testing.T, f *fixture, user string, skill int64) string {
	t.Helper()
	held, err := f.app.Store().Read(ctx).UserSkills(user)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range held {
		if s.Skill.ID == skill {
			return s.LevelName
		}
	}
	t.Fatalf("the user does not hold skill %d", skill)
	return ""
}

func TestSkillCategoryLevelsAreAddedRenamedAndReorderedInPlace(t *testing.T) {
	f := newFixture(t)
	lang := fixtureCategory(t, f, "Language")
	anna := f.user["anna"]
	if err := f.app.SetUserSkill(ctx, anna, f.id["French"], f.level["Fluent"]); err != nil {
		t.Fatal(err)
	}
	levels := append(levelsOf(t, f, lang), data.ConfigLevel{Name: "Native", Value: 3})
	levels[0].Name = "Beginner"
	entries := f.accepted(do(f.app, SetSkillCategoryLevels{Category: lang, Levels: levels}))
	if e := entries[0]; e.Action != "config.skill-categories.levels" || e.Old != "Basic (1), Fluent (2)" || e.New != "Beginner (1), Fluent (2), Native (3)" {
		t.Errorf("journal %+v", e)
	}
	// Reordering swaps the numbers 1 and 2 of two stored levels: the category's
	// numbers are unique, so this only works through temporary numbers.
	reordered, err := ReorderLevels(levelsOf(t, f, lang), []string{"fluent", "Beginner", "Native"})
	if err != nil {
		t.Fatal(err)
	}
	f.accepted(do(f.app, SetSkillCategoryLevels{Category: lang, Levels: reordered}))
	got := levelsOf(t, f, lang)
	if configLevelsList(got) != "Fluent (1), Beginner (2), Native (3)" {
		t.Errorf("after reordering: %s", configLevelsList(got))
	}
	if got[0].ID != f.level["Fluent"] || got[1].ID != f.level["Basic"] {
		t.Errorf("reordering replaced the levels instead of renumbering them: %+v", got)
	}
	if l := userLevel(t, f, anna, f.id["French"]); l != "Fluent" {
		t.Errorf("Anna holds French at %q after the reorder, want Fluent", l)
	}
}

func TestSkillCategoryLevelInUseCannotBeRemovedAndSaysByWhom(t *testing.T) {
	f := newFixture(t)
	lang := fixtureCategory(t, f, "Language")
	// Anna and the profile each hold two skills at Fluent: each is named once.
	spanish, err := f.app.CreateSkill(ctx, "Spanish", lang, f.ou["root"])
	if err != nil {
		t.Fatal(err)
	}
	for _, skill := range []int64{f.id["French"], spanish} {
		if err := f.app.SetUserSkill(ctx, f.user["anna"], skill, f.level["Fluent"]); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.app.CreateProfile(ctx, "German desk", f.ou["Support"], []data.ConfigProfileSkill{
		{SkillID: f.id["German"], LevelID: f.level["Fluent"]}, {SkillID: spanish, LevelID: f.level["Fluent"]}}); err != nil {
		t.Fatal(err)
	}
	onlyBasic := levelsOf(t, f, lang)[:1]
	f.refused("skill.level-in-use", do(f.app, SetSkillCategoryLevels{Category: lang, Levels: onlyBasic}),
		`level "Fluent"`, `"Language"`, "1 user (Anna Åberg) and 1 responsibility profile (German desk) hold a skill at it")
	onlyFluent := levelsOf(t, f, lang)[1:]
	f.accepted(do(f.app, SetSkillCategoryLevels{Category: lang, Levels: onlyFluent}))
	if got := configLevelsList(levelsOf(t, f, lang)); got != "Fluent (2)" {
		t.Errorf("after removing Basic: %s", got)
	}
}

func TestSkillCategoryLevelsStayUniqueAndBelongToTheirCategory(t *testing.T) {
	f := newFixture(t)
	lang := fixtureCategory(t, f, "Language")
	levels := levelsOf(t, f, lang)
	f.refused("skill.levels", func() error {
		_, err := levelsNote(f.app, SetSkillCategoryLevels{Category: lang, Levels: append(levels, data.ConfigLevel{Name: "basic", Value: 5})})
		return err
	}, `"basic" is used twice`)
	f.refused("skill.levels", func() error {
		_, err := levelsNote(f.app, SetSkillCategoryLevels{Category: lang, Levels: append(levels, data.ConfigLevel{Name: "Native", Value: 2})})
		return err
	}, "number 2 is used twice")
	product := fixtureCategory(t, f, "Product")
	f.refused("skill.levels", do(f.app, SetSkillCategoryLevels{Category: product, Levels: levels}),
		`not one of the levels of the skill category "Product"`)
	if _, err := ReorderLevels(levels, []string{"Basic"}); !IsRule(err, "skill.level-order") {
		t.Errorf("reorder naming one of two levels: %v", err)
	}
	if _, err := ReorderLevels(levels, []string{"Basic", "Basic"}); !IsRule(err, "skill.level-order") {
		t.Errorf("reorder naming a level twice: %v", err)
	}
}

func TestFirstLevelsOfACategoryGiveItsHoldersTheLowest(t *testing.T) {
	f := newFixture(t)
	product := fixtureCategory(t, f, "Product")
	carl := f.user["carl"]
	if err := f.app.SetUserSkill(ctx, carl, f.id["Routers"], 0); err != nil {
		t.Fatal(err)
	}
	var note string
	entries := f.accepted(func() (err error) {
		note, err = levelsNote(f.app, SetSkillCategoryLevels{Category: product, Levels: []data.ConfigLevel{{Name: "Senior", Value: 5}, {Name: "Junior", Value: 2}}})
		return err
	})
	if l := userLevel(t, f, carl, f.id["Routers"]); l != "Junior" {
		t.Errorf("Carl holds Routers at %q, want the lowest level Junior", l)
	}
	if !strings.Contains(note, "1 user held skills of \"Product\" without a level and now hold them at Junior (2)") {
		t.Errorf("note %q", note)
	}
	journaled := false
	for _, e := range entries {
		journaled = journaled || (e.Action == "config.skill-categories.levels.given" && strings.Contains(e.New, "Junior"))
	}
	if !journaled {
		t.Errorf("the given levels are not journaled: %+v", entries)
	}
}

func TestSkillCategoryLevelsNeedTheCategorysOU(t *testing.T) {
	f := newFixture(t)
	salesAdmin := f.makeOUAdmin()
	lang := fixtureCategory(t, f, "Language")
	levels := append(levelsOf(t, f, lang), data.ConfigLevel{Name: "Native", Value: 3})
	f.refused("permission.ou-scope", do(salesAdmin, SetSkillCategoryLevels{Category: lang, Levels: levels}),
		`Changing the levels of the skill category "Language"`)
	var sales int64
	f.accepted(func() (err error) {
		sales, err = f.app.CreateSkillCategory(ctx, "Sales pitch", f.ou["Sales"], nil)
		return err
	})
	f.accepted(func() error {
		_, err := levelsNote(salesAdmin, SetSkillCategoryLevels{Category: sales, Levels: []data.ConfigLevel{{Name: "Closer", Value: 1}}})
		return err
	})
}
