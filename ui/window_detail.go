package ui

import (
	"context"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/data"
)

// userDetailPane is the detail area beside the list.
type userDetailPane interface {
	Object() fyne.CanvasObject
	ShowUser(id string)
}

// newUserDetailPane builds the detail area; the tabbed detail view replaces it here.
var newUserDetailPane = newGeneralFactsPane

// generalFactsPane shows the General facts of the selected user (seed 000): the
// directory's read-only fields, the OU, the licences and whether the user can be deleted.
type generalFactsPane struct {
	nimbus *app.App
	shown  string

	title    *widget.Label
	empty    *widget.Label
	facts    *fyne.Container
	values   map[string]*widget.Label
	copyID   *widget.Button
	content  *fyne.Container
	readOnly *widget.Label
}

// General facts in the order the tab shows them.
var generalFactNames = []string{"First name", "Last name", "UPN", "O365 ID", "Organization unit",
	"Department", "Licences", "Origin", "Routing services", "Delete"}

func newGeneralFactsPane(nimbus *app.App) userDetailPane {
	p := &generalFactsPane{nimbus: nimbus, values: map[string]*widget.Label{}}
	p.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.title.Truncation = fyne.TextTruncateEllipsis
	p.empty = widget.NewLabel("Select a user to see their details.")
	p.copyID = &widget.Button{Icon: theme.ContentCopyIcon(), Importance: widget.LowImportance, OnTapped: p.onCopyID}
	p.facts = container.New(layout.NewFormLayout())
	for _, name := range generalFactNames {
		v := &widget.Label{Selectable: true, Wrapping: fyne.TextWrapWord}
		p.values[name] = v
		var field fyne.CanvasObject = v
		if name == "O365 ID" {
			field = container.NewBorder(nil, nil, nil, p.copyID, v)
		}
		p.facts.Add(widget.NewLabelWithStyle(name, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
		p.facts.Add(field)
	}
	p.readOnly = &widget.Label{Text: "Directory details are read from Microsoft Entra ID and are read-only here: Nimbus does not change them.",
		Wrapping: fyne.TextWrapWord, Importance: widget.LowImportance}
	p.content = container.NewVBox(p.empty)
	return p
}

// Object is the pane's canvas object.
func (p *generalFactsPane) Object() fyne.CanvasObject {
	return container.NewVScroll(container.NewPadded(p.content))
}

// ShowUser loads and shows a user's General facts; "" empties the pane.
func (p *generalFactsPane) ShowUser(id string) {
	p.shown = id
	if id == "" {
		p.content.Objects = []fyne.CanvasObject{p.empty}
		p.content.Refresh()
		return
	}
	d, err := p.nimbus.UserDetail(context.Background(), id)
	if err != nil {
		p.empty.SetText("Cannot show this user: " + err.Error())
		p.content.Objects = []fyne.CanvasObject{p.empty}
		p.content.Refresh()
		return
	}
	u := d.User
	p.title.SetText(u.DisplayName)
	lic := u.Licences.String()
	if lic == "" {
		lic = "None"
	}
	origin := "Added by hand from the directory"
	if u.Origin == data.OriginTeams {
		origin = "Added automatically from Microsoft Teams"
	}
	del := "Can be deleted from Nimbus"
	if !d.Deletable() {
		del = "Cannot be deleted (the reason is beside the Delete button)"
	}
	for name, text := range map[string]string{"First name": u.GivenName, "Last name": u.Surname, "UPN": u.UPN,
		"O365 ID": u.ID, "Organization unit": d.OUPath, "Department": u.Department, "Licences": lic,
		"Origin": origin, "Routing services": strconv.Itoa(len(d.Services)), "Delete": del} {
		p.values[name].SetText(text)
	}
	p.content.Objects = []fyne.CanvasObject{p.title, p.facts, p.readOnly}
	p.content.Refresh()
}

func (p *generalFactsPane) onCopyID() {
	if id := p.values["O365 ID"].Text; id != "" {
		fyne.CurrentApp().Clipboard().SetContent(id)
	}
}
