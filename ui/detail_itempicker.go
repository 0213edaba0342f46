package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/data"
)

// detailItemPicker is an ordered list of catalogue items with a picker that offers the
// items from the user's OU or above that are not listed yet: the N/A Reasons and the
// Assistant tabs share it.
type detailItemPicker struct {
	list      *detailOrderedList
	available []data.AssignableItem
	pick      *widget.Select
	addBtn    *widget.Button
}

func newDetailItemPicker(placeholder string, changed func()) *detailItemPicker {
	ip := &detailItemPicker{list: newDetailOrderedList(changed), pick: &widget.Select{PlaceHolder: placeholder}}
	ip.addBtn = &widget.Button{Text: "Add", OnTapped: ip.onAdd}
	return ip
}

// pickerObject is the list with the picker and its Add button below it.
func (ip *detailItemPicker) pickerObject() fyne.CanvasObject {
	return container.NewVBox(ip.list.object(), container.NewBorder(nil, nil, nil, ip.addBtn, ip.pick))
}

// refreshPick offers what may still be added.
func (ip *detailItemPicker) refreshPick() {
	ip.pick.Options = detailNotIn(ip.available, ip.list.items)
	ip.pick.ClearSelected()
}

func (ip *detailItemPicker) onAdd() {
	if it, ok := detailItemNamed(ip.available, ip.pick.Selected); ok {
		ip.list.add(it)
	}
}

// listDiffers reports whether the list's order or content differs from saved.
func (ip *detailItemPicker) listDiffers(saved []data.AssignableItem) bool {
	ids := make([]int64, len(saved))
	for i, it := range saved {
		ids[i] = it.ID
	}
	return !slices.Equal(ids, ip.list.ids())
}

// detailNotIn names the items of all that are not in the list yet.
func detailNotIn(all, in []data.AssignableItem) []string {
	var out []string
	for _, it := range all {
		if !slices.ContainsFunc(in, func(x data.AssignableItem) bool { return x.ID == it.ID }) {
			out = append(out, it.Name)
		}
	}
	return out
}

// detailItemNamed finds an item by name.
func detailItemNamed(all []data.AssignableItem, name string) (data.AssignableItem, bool) {
	for _, it := range all {
		if it.Name == name {
			return it, true
		}
	}
	return data.AssignableItem{}, false
}
