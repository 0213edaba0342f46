package detail

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/data"
	"nimbusadmin/ui/widgets"
)

// detailItemPicker is an ordered list of catalogue items with a picker that offers the
// items from the user's OU or above that are not listed yet: the N/A Reasons and the
// Assistant tabs share it.
type detailItemPicker struct {
	list      *widgets.OrderedList[data.AssignableItem]
	available []data.AssignableItem
	pick      *detailEscSelect // Esc in it puts the list back as saved
	addBtn    *widget.Button
}

func newDetailItemPicker(placeholder string, changed func(), revert func() bool) *detailItemPicker {
	ip := &detailItemPicker{list: widgets.NewOrderedList(itemName, changed), pick: newDetailEscSelect(nil, revert)}
	ip.pick.PlaceHolder = placeholder
	ip.addBtn = &widget.Button{Text: "Add", OnTapped: ip.onAdd}
	return ip
}

// pickerObject is the list with the picker and its Add button below it.
func (ip *detailItemPicker) pickerObject() fyne.CanvasObject {
	return container.NewVBox(ip.list.Object(), container.NewBorder(nil, nil, nil, ip.addBtn, ip.pick))
}

// refreshPick offers what may still be added.
func (ip *detailItemPicker) refreshPick() {
	ip.pick.Options = detailNotIn(ip.available, ip.list.Items())
	ip.pick.ClearSelected()
}

func (ip *detailItemPicker) onAdd() {
	if it, ok := detailItemNamed(ip.available, ip.pick.Selected); ok {
		ip.list.Add(it)
	}
}

// listDiffers reports whether the list's order or content differs from saved.
func (ip *detailItemPicker) listDiffers(saved []data.AssignableItem) bool {
	return !slices.Equal(itemIDs(saved), ip.ids())
}

// ids lists the ids of the listed items in their order, as a rule takes them.
func (ip *detailItemPicker) ids() []int64 { return itemIDs(ip.list.Items()) }

// itemIDs lists the ids of items in their order.
func itemIDs(items []data.AssignableItem) []int64 {
	ids := make([]int64, len(items))
	for i, it := range items {
		ids[i] = it.ID
	}
	return ids
}

// itemName is how a list shows a catalogue item.
func itemName(it data.AssignableItem) string { return it.Name }

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
