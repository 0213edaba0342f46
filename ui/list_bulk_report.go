package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/ui/widgets"
)

// refusalLines are the refused users, one line each with the reason.
func refusalLines(refused []bulkRefusal) string {
	lines := make([]string, len(refused))
	for i, r := range refused {
		lines[i] = fmt.Sprintf("%s (%s) — %s", r.row.DisplayName, r.row.UPN, r.reason)
	}
	return strings.Join(lines, "\n")
}

// wrapped is a label that wraps its text to the dialog's width.
func wrapped(text string) *widget.Label {
	return &widget.Label{Text: text, Wrapping: fyne.TextWrapWord}
}

// shownRefusals is how many refused users a dialog lists one by one; the rest are
// counted, and can be copied or selected in the list.
const shownRefusals = 100

// refusalList shows the refused users with their reasons in a scrolling box.
func refusalList(refused []bulkRefusal) fyne.CanvasObject {
	box := container.NewVBox()
	for i, r := range refused {
		if i == shownRefusals {
			box.Add(wrapped(fmt.Sprintf("… and %s more: copy the list or select the refused users to see them all.", thousands(len(refused)-i))))
			break
		}
		box.Add(wrapped(fmt.Sprintf("%s (%s) — %s", r.row.DisplayName, r.row.UPN, r.reason)))
	}
	return container.NewVScroll(box)
}

// showOutcome shows what a change for several users did: the counts, then each refused
// user with the reason. The refused users can be selected in the list (to look at them or
// export them) and the whole report copied.
func (l *listTools) showOutcome(what, counts string, refused []bulkRefusal) {
	head := widget.NewLabelWithStyle(counts, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Wrapping = fyne.TextWrapWord
	var result *widgets.Custom
	buttons := []fyne.CanvasObject{}
	if len(refused) > 0 {
		report := l.lastReport
		buttons = append(buttons,
			&widget.Button{Text: "Copy the list", OnTapped: func() { fyne.CurrentApp().Clipboard().SetContent(report) }},
			&widget.Button{Text: "Select the refused users", OnTapped: func() {
				result.Hide()
				l.selectUsers(refused)
			}})
	}
	buttons = append(buttons, &widget.Button{Text: "Close", Importance: widget.HighImportance, OnTapped: func() { result.Hide() }})
	// Esc and Enter close the report, as Close does.
	result = widgets.NewCustom(l.m.win, what, container.NewBorder(head, nil, nil, nil, refusalList(refused)), func() { result.Hide() }, func() { result.Hide() })
	result.SetButtons(buttons)
	if len(refused) > 0 {
		result.Resize(fyne.NewSize(720, 520))
	}
	result.Show()
}

// selectUsers selects these users where the list shows them.
func (l *listTools) selectUsers(refused []bulkRefusal) {
	t := l.m.table
	want := make(map[string]bool, len(refused))
	for _, r := range refused {
		want[r.row.ID] = true
	}
	chosen, lead := map[string]bool{}, -1
	for i, h := range t.hits {
		if id := t.index.Rows[h].ID; want[id] {
			chosen[id] = true
			if lead < 0 {
				lead = i
			}
		}
	}
	t.setChosen(chosen, max(lead, 0))
	t.anchor = lead
}
