package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app/outree"
)

// OUPicker is the one way an OU is chosen anywhere in the window: a button that shows the
// chosen OU's path and opens a drop-down with a type-ahead entry above the OU tree
// (OUFinder), sized to fit the window. It reads like widget.Select (Selected, PlaceHolder,
// OnChanged, SetSelected, ClearSelected, Disable), so a Select offering OU paths becomes
// one by changing its type; the choices come from SetOUs or SetChoices instead of Options.
type OUPicker struct {
	widget.DisableableWidget

	// Selected is the chosen OU's path ("Sales/EMEA"), "" while none is chosen.
	Selected string
	// PlaceHolder is shown while no OU is chosen.
	PlaceHolder string
	// OnChanged hears of each OU chosen, by its path, as widget.Select's does.
	OnChanged func(path string)

	ous    *outree.Tree
	paths  OUChoices // reads a path back to its OU
	button *ouPickerButton
	label  *widget.Label
	popUp  *widget.PopUp
	finder *OUFinder
}

// NewOUPicker offers the OUs of tree (nil offers none until SetOUs); onChanged hears of
// each choice.
func NewOUPicker(tree *outree.Tree, onChanged func(path string)) *OUPicker {
	p := &OUPicker{OnChanged: onChanged}
	p.ExtendBaseWidget(p)
	p.SetOUs(tree)
	return p
}

// SetOUs offers the OUs of a (new) tree, keeping the chosen path when the tree still has it.
func (p *OUPicker) SetOUs(tree *outree.Tree) {
	p.ous, p.paths, p.finder = tree, NewOUChoices(tree), nil
	if p.SelectedID() == 0 {
		p.Selected = ""
	}
	p.Refresh()
}

// SetChoices offers the OUs that ch lists, for screens that keep an OUChoices.
func (p *OUPicker) SetChoices(ch OUChoices) { p.SetOUs(ch.tree) }

// SelectedID is the chosen OU, 0 while none is chosen.
func (p *OUPicker) SelectedID() int64 {
	return p.paths.ID(p.Selected)
}

// SetSelected chooses the OU with that path and tells OnChanged, as widget.Select does;
// a path the tree does not have is ignored.
func (p *OUPicker) SetSelected(path string) {
	if id := p.paths.ID(path); id != 0 {
		p.choose(id)
	}
}

// SetSelectedID chooses an OU by its id, as SetSelected does by its path.
func (p *OUPicker) SetSelectedID(id int64) {
	if p.ous != nil && p.ous.Has(id) {
		p.choose(id)
	}
}

// ClearSelected chooses no OU and tells OnChanged "", as widget.Select does.
func (p *OUPicker) ClearSelected() { p.update("") }

func (p *OUPicker) choose(id int64) { p.update(p.ous.Path(id)) }

func (p *OUPicker) update(path string) {
	p.Selected = path
	if p.OnChanged != nil {
		p.OnChanged(path)
	}
	p.Refresh()
}

// Open shows the drop-down below the button, or above it where the window ends: the
// type-ahead entry has the keyboard, the chosen OU is highlighted.
func (p *OUPicker) Open() {
	c := fyne.CurrentApp().Driver().CanvasForObject(p)
	if c == nil || p.ous == nil || p.Disabled() {
		return
	}
	if p.finder == nil { // a new tree: a new drop-down
		p.popUp = nil
		p.finder = NewOUFinder(p.ous, 0)
		p.finder.PickOnTap = true
		p.finder.OnPicked = func(id int64) { p.Close(); p.choose(id) }
		p.finder.OnCancelled = p.Close
	}
	p.finder.Reset(p.SelectedID())
	if p.popUp == nil || p.popUp.Canvas != c {
		p.popUp = widget.NewPopUp(p.finder, c)
	}
	pad := theme.Padding() * 2
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(p)
	win := c.Size()
	size := fyne.NewSize(min(max(p.Size().Width, 360), win.Width-2*pad), min(p.finder.preferredHeight(), 480, win.Height-2*pad))
	pos := fyne.NewPos(min(at.X, win.Width-pad-size.Width), at.Y+p.Size().Height)
	if pos.Y+size.Height > win.Height-pad {
		pos.Y = max(pad, win.Height-pad-size.Height)
	}
	p.popUp.Resize(size)
	p.popUp.ShowAtPosition(fyne.NewPos(max(pos.X, pad), pos.Y))
	c.Focus(p.finder.Search)
}

// Close hides the drop-down and gives the keyboard back to the button.
func (p *OUPicker) Close() {
	if p.popUp == nil || !p.popUp.Visible() {
		return
	}
	p.popUp.Hide()
	if c := fyne.CurrentApp().Driver().CanvasForObject(p); c != nil && p.button != nil {
		c.Focus(p.button)
	}
}

// PopUp is the open drop-down, nil before the first Open; tests read it.
func (p *OUPicker) PopUp() *widget.PopUp { return p.popUp }

// Finder is the drop-down's content, nil before the first Open; tests type into it.
func (p *OUPicker) Finder() *OUFinder { return p.finder }

// CreateRenderer draws a button, which takes clicks, the keyboard and the disabled look,
// with the path over it, cut short with "…" when the form is narrow.
func (p *OUPicker) CreateRenderer() fyne.WidgetRenderer {
	p.ExtendBaseWidget(p)
	p.button = &ouPickerButton{picker: p}
	p.button.OnTapped = p.Open
	p.button.ExtendBaseWidget(p.button)
	p.label = &widget.Label{Truncation: fyne.TextTruncateEllipsis}
	p.show()
	icon := widget.NewIcon(theme.MenuDropDownIcon())
	return &ouPickerRenderer{WidgetRenderer: widget.NewSimpleRenderer(container.NewStack(p.button,
		container.NewBorder(nil, nil, nil, icon, p.label))), p: p}
}

// show puts the chosen path (or the placeholder) and the disabled state on the button.
func (p *OUPicker) show() {
	p.label.Text, p.label.Importance = p.Selected, widget.MediumImportance
	if p.Selected == "" {
		p.label.Text = p.PlaceHolder
	}
	if p.Disabled() {
		p.label.Importance = widget.LowImportance
		p.button.Disable()
	} else {
		p.button.Enable()
	}
	p.label.Refresh()
}

// MinSize is the button's: wide enough for a short path, the label gives way to long ones.
func (p *OUPicker) MinSize() fyne.Size {
	p.ExtendBaseWidget(p)
	return p.BaseWidget.MinSize().Max(fyne.NewSize(160, 0))
}

// ouPickerButton opens the drop-down from the keyboard as widget.Select does (Space, ↑,
// ↓, Enter), and a letter typed on it opens the drop-down with the letter already typed,
// so that an admin can tab to the picker and type the OU's name.
type ouPickerButton struct {
	widget.Button
	picker *OUPicker
}

// TypedKey opens the drop-down on Space, Enter, ↑ and ↓.
func (b *ouPickerButton) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeySpace, fyne.KeyReturn, fyne.KeyEnter, fyne.KeyUp, fyne.KeyDown:
		b.picker.Open()
	}
}

// TypedRune opens the drop-down and types the rune into its entry.
func (b *ouPickerButton) TypedRune(r rune) {
	b.picker.Open()
	if f := b.picker.finder; f != nil && b.picker.popUp != nil && b.picker.popUp.Visible() {
		f.Search.TypedRune(r)
	}
}

type ouPickerRenderer struct {
	fyne.WidgetRenderer
	p *OUPicker
}

func (r *ouPickerRenderer) Refresh() {
	r.p.show()
	r.WidgetRenderer.Refresh()
}
