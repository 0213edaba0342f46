package config

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/ui/widgets"
)

// configHolderPage is how many holders of a role are read at a time as the list scrolls.
const configHolderPage = 100

// configRoleHolders shows who holds a custom role: how many, counted in the cache, and a
// list that reads them a page at a time as it scrolls, so that a role held by a hundred
// thousand users opens as fast as one held by three.
type configRoleHolders struct {
	cw    *configWindow
	role  int64
	name  string // the role's name as stored, for the user list's Role filter
	count int
	pages map[int][]app.CustomRoleHolder

	summary *widget.Label
	inList  *widget.Button // shows the holders in the main window's user list
	list    *widget.List
	box     *fyne.Container
}

func newConfigRoleHolders(cw *configWindow) *configRoleHolders {
	return &configRoleHolders{cw: cw, pages: map[int][]app.CustomRoleHolder{}}
}

func (h *configRoleHolders) build() fyne.CanvasObject {
	h.summary = &widget.Label{Wrapping: fyne.TextWrapWord}
	h.list = widget.NewList(func() int { return h.count },
		func() fyne.CanvasObject { return &widget.Label{Truncation: fyne.TextTruncateEllipsis} },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(h.line(i)) })
	h.box = container.NewGridWrap(fyne.NewSize(520, 110), h.list)
	h.inList = &widget.Button{Text: "Show them in the user list", OnTapped: func() { h.cw.showRoleHolders(h.name) }}
	return container.NewVBox(container.NewBorder(nil, nil, nil, h.inList, h.summary), h.box)
}

// show counts the holders of a role (0: a new role) and lets the list read them.
func (h *configRoleHolders) show(role int64, name string) {
	h.role, h.name, h.count, h.pages = role, name, 0, map[int][]app.CustomRoleHolder{}
	if role != 0 {
		n, err := h.cw.nimbus.CustomRoleHolderCount(context.Background(), role)
		if err != nil {
			h.summary.SetText(widgets.Failed("Cannot tell who holds this role", err, "choose the role again"))
			h.box.Hide()
			return
		}
		h.count = n
	}
	switch h.count {
	case 0:
		h.summary.SetText("Nobody holds this role yet; assign it on a user's Roles tab.")
	case 1:
		h.summary.SetText("1 user holds this role:")
	default:
		h.summary.SetText(app.Thousands(h.count) + " users hold this role:")
	}
	if h.count == 0 {
		h.box.Hide()
	} else {
		h.box.Show()
	}
	if h.count == 0 || h.cw.showRoleHolders == nil {
		h.inList.Hide()
	} else {
		h.inList.Show()
	}
	h.list.Refresh()
}

// line is the i-th holder as "Name <UPN> in Sales/EMEA", reading its page when needed.
func (h *configRoleHolders) line(i int) string {
	page, ok := h.pages[i/configHolderPage]
	if !ok {
		var err error
		page, err = h.cw.nimbus.CustomRoleHolders(context.Background(), h.role, i/configHolderPage*configHolderPage, configHolderPage)
		if err != nil {
			return widgets.Failed("Cannot read these holders", err, "scroll away and back to try again")
		}
		h.pages[i/configHolderPage] = page
	}
	if k := i % configHolderPage; k < len(page) {
		return fmt.Sprintf("%s <%s> in %s", page[k].DisplayName, page[k].UPN, page[k].ScopePath)
	}
	return ""
}
