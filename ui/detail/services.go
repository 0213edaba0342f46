package detail

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/ui/widgets"
)

// detailServices is the Services tab: read-only, the services the user is part of.
type detailServices struct {
	rows  *fyne.Container
	empty *widget.Label
}

func newDetailServices() *detailServices {
	return &detailServices{rows: container.NewVBox(), empty: widgets.Note("This user is in no service.")}
}

func (s *detailServices) object() fyne.CanvasObject {
	header := container.NewGridWithColumns(3, widgets.Heading("Service"), widgets.Heading("Users"), widgets.Heading("User assignment type"))
	return container.NewBorder(header, container.NewVBox(widget.NewSeparator(),
		widgets.Note("This tab is for information only. How a user leaves a service depends on its user assignment type: "+
			"from an MS Teams-based service they leave as soon as they are no longer in its Team; "+
			"from a Skill-based service an admin removes them under Service Administration > Users/Permissions; "+
			"services of type None have no users.")),
		nil, nil, container.NewVScroll(container.NewVBox(s.empty, s.rows)))
}

func (s *detailServices) show(d app.UserDetail) {
	s.rows.RemoveAll()
	for _, svc := range d.Services {
		how := make([]string, len(svc.Memberships))
		for i, m := range svc.Memberships {
			how[i] = string(m)
		}
		kind := svc.AssignmentType.String() + " (as " + strings.Join(how, ", ") + ")"
		s.rows.Add(container.NewGridWithColumns(3,
			&widget.Label{Text: svc.Name, Truncation: fyne.TextTruncateEllipsis},
			widget.NewLabel(fmt.Sprint(svc.Users)),
			&widget.Label{Text: kind, Truncation: fyne.TextTruncateEllipsis}))
	}
	if len(d.Services) == 0 {
		s.empty.Show()
	} else {
		s.empty.Hide()
	}
}
