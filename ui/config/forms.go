package config

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/data"
	"nimbusadmin/ui/widgets"
)

// configForm is the "new item" form of a catalogue: a name, the OU the item lives in
// and the fields of its kind.
type configForm struct {
	name    *widget.Entry
	ou      *widgets.OUPicker
	choice  widgets.OUChoices
	content fyne.CanvasObject
	fields  []*widget.FormItem
	nimbus  *app.App
	extra   func()                      // refreshes kind-specific pickers
	create  func() (app.Command, error) // builds the command that creates the item
	entries []*widget.Entry             // cleared after an add
}

func (f *configForm) reload(ch widgets.OUChoices) {
	f.choice = ch
	f.ou.SetChoices(ch)
	if f.ou.Selected == "" && len(ch.Paths) > 0 {
		f.ou.SetSelected(ch.Paths[0])
	}
	f.ou.Refresh()
	if f.extra != nil {
		f.extra()
	}
}

func (f *configForm) ouID() int64 { return f.choice.ID(f.ou.Selected) }

// submit creates the item and returns its id.
func (f *configForm) submit() (int64, error) {
	cmd, err := f.create()
	if err != nil {
		return 0, err
	}
	out, err := f.nimbus.Do(context.Background(), cmd)
	return out.ID, err
}

func (f *configForm) clear() {
	for _, e := range append(f.entries, f.name) {
		e.SetText("")
	}
}

func (f *configForm) entry(label, placeholder string, multiLine bool) *widget.Entry {
	e := &widget.Entry{PlaceHolder: placeholder, MultiLine: multiLine}
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
		e.SetMinRowsVisible(3)
	}
	e.ExtendBaseWidget(e)
	f.entries = append(f.entries, e)
	f.fields = append(f.fields, widget.NewFormItem(label, e))
	return e
}

// configFormFor builds the form of a catalogue's kind.
func configFormFor(c *configCatalogue) *configForm {
	nimbus := c.cw.nimbus
	f := &configForm{name: &widget.Entry{PlaceHolder: "Name"}, ou: &widgets.OUPicker{PlaceHolder: "Organization unit"}, nimbus: nimbus}
	f.fields = []*widget.FormItem{widget.NewFormItem("Name", f.name), widget.NewFormItem("Lives in", f.ou)}
	switch c.kind {
	case data.ConfigNAReasons:
		f.create = func() (app.Command, error) { return app.CreateNAReason{Name: f.name.Text, OU: f.ouID()}, nil }
	case data.ConfigDomainTemplates:
		origins := f.entry("Allowed web sites", "https://www.contoso.com\none per line", true)
		f.create = func() (app.Command, error) {
			return app.CreateDomainTemplate{Name: f.name.Text, OU: f.ouID(), Origins: strings.Split(origins.Text, "\n")}, nil
		}
	case data.ConfigSystemMessages:
		display := f.entry("Name in chat", "Contoso Customer Service", false)
		welcome := f.entry("Welcome message", "Hello! How can we help?", true)
		f.create = func() (app.Command, error) {
			return app.CreateSystemMessage{Name: f.name.Text, OU: f.ouID(), DisplayName: display.Text, Welcome: welcome.Text}, nil
		}
	case data.ConfigCallTemplates:
		url := f.entry("Page address", "https://crm.contoso.com/lookup?phone={callerId}", false)
		desc := f.entry("Description", "What the page shows", false)
		f.create = func() (app.Command, error) {
			return app.CreateCallTemplate{Name: f.name.Text, OU: f.ouID(), Description: desc.Text, PageURL: url.Text}, nil
		}
	case data.ConfigSkillCategories:
		levels := f.entry("Levels", "Basic = 1\nFluent = 2\n(one per line; empty for none)", true)
		f.create = func() (app.Command, error) {
			ls, err := configParseLevels(levels.Text)
			if err != nil {
				return nil, err
			}
			return app.CreateSkillCategory{Name: f.name.Text, OU: f.ouID(), Levels: ls}, nil
		}
	case data.ConfigSkills:
		configSkillFields(f, nimbus)
	case data.ConfigProfiles:
		configProfileFields(f, nimbus)
	}
	f.content = widget.NewForm(f.fields...)
	return f
}

// configParseLevels reads "Name = Number" lines.
func configParseLevels(text string) ([]data.ConfigLevel, error) {
	var out []data.ConfigLevel
	for _, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		name, num, ok := strings.Cut(line, "=")
		v, err := strconv.Atoi(strings.TrimSpace(num))
		if !ok || err != nil {
			return nil, fmt.Errorf("write each level as Name = Number, e.g. Fluent = 2 (not %q)", strings.TrimSpace(line))
		}
		out = append(out, data.ConfigLevel{Name: name, Value: v})
	}
	return out, nil
}

// configSkillFields adds the category picker of a new skill.
func configSkillFields(f *configForm, nimbus *app.App) {
	category := &widget.Select{PlaceHolder: "Skill category"}
	ids := map[string]int64{}
	f.fields = append(f.fields, widget.NewFormItem("Category", category))
	f.extra = func() {
		items, _ := nimbus.ConfigItems(context.Background(), data.ConfigSkillCategories)
		category.Options = nil
		for _, it := range items {
			label := it.Name + " (" + it.OUPath + ")"
			category.Options = append(category.Options, label)
			ids[label] = it.ID
		}
		category.Refresh()
	}
	f.create = func() (app.Command, error) {
		id, ok := ids[category.Selected]
		if !ok {
			return nil, fmt.Errorf("choose the skill category of the new skill")
		}
		return app.CreateSkill{Name: f.name.Text, Category: id, OU: f.ouID()}, nil
	}
}

// configProfileSkill is one row of the profile form: a skill to include and its level.
type configProfileSkill struct {
	id       int64
	include  *widget.Check
	level    *widget.Select
	levelIDs map[string]int64
}

// configProfileFields adds the skill list of a new profile: tick a skill, pick its level.
func configProfileFields(f *configForm, nimbus *app.App) {
	box := container.NewVBox()
	var rows []*configProfileSkill
	f.fields = append(f.fields, widget.NewFormItem("Skills", box))
	f.extra = func() {
		ctx := context.Background()
		items, _ := nimbus.ConfigItems(ctx, data.ConfigSkills)
		rows = nil
		box.RemoveAll()
		for _, it := range items {
			r := &configProfileSkill{id: it.ID, include: widget.NewCheck(it.Name, nil), levelIDs: map[string]int64{}}
			r.level = &widget.Select{PlaceHolder: "no levels"}
			if _, levels, err := nimbus.SkillWithLevels(ctx, it.ID); err == nil {
				for _, l := range levels {
					label := fmt.Sprintf("%s (%d)", l.Name, l.Value)
					r.level.Options = append(r.level.Options, label)
					r.levelIDs[label] = l.ID
				}
				if len(levels) > 0 {
					r.level.PlaceHolder = "Level"
				} else {
					r.level.Disable()
				}
			}
			rows = append(rows, r)
			box.Add(container.NewGridWithColumns(2, r.include, r.level))
		}
		if len(items) == 0 {
			box.Add(&widget.Label{Text: "No skills yet: create skills first."})
		}
	}
	f.create = func() (app.Command, error) {
		var skills []data.ConfigProfileSkill
		for _, r := range rows {
			if r.include.Checked {
				skills = append(skills, data.ConfigProfileSkill{SkillID: r.id, LevelID: r.levelIDs[r.level.Selected]})
			}
		}
		return app.CreateProfile{Name: f.name.Text, OU: f.ouID(), Skills: skills}, nil
	}
}
