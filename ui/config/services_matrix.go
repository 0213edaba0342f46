package config

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app"
	"nimbusadmin/data"
)

// configServicesMatrix is the feature matrix for one user assignment type: a
// read-only table of each feature and whether services of that type have it.
type configServicesMatrix struct {
	shown     data.AssignmentType
	title     *widget.Label
	features  []app.ServiceFeature
	available []*widget.Label // one per feature, "Yes" or "No"
}

func newConfigServicesMatrix() *configServicesMatrix {
	return &configServicesMatrix{features: app.ServiceFeatures()}
}

func (m *configServicesMatrix) build() fyne.CanvasObject {
	m.title = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord}
	grid := container.NewGridWithColumns(3,
		&widget.Label{Text: "Area", TextStyle: fyne.TextStyle{Bold: true}},
		&widget.Label{Text: "Feature", TextStyle: fyne.TextStyle{Bold: true}},
		&widget.Label{Text: "Available", TextStyle: fyne.TextStyle{Bold: true}})
	m.available = make([]*widget.Label, len(m.features))
	for i, f := range m.features {
		m.available[i] = &widget.Label{}
		grid.Add(&widget.Label{Text: f.Area})
		grid.Add(&widget.Label{Text: f.Feature, Truncation: fyne.TextTruncateEllipsis})
		grid.Add(m.available[i])
	}
	return container.NewVBox(m.title, grid)
}

// show fills the table for an assignment type.
func (m *configServicesMatrix) show(t data.AssignmentType) {
	m.shown = t
	m.title.SetText(fmt.Sprintf("Features of %s services", t))
	for i, f := range m.features {
		l := m.available[i]
		// Yes in bold and No plain, both in the normal text colour: the success green
		// and the low-importance grey are faint on a light background.
		l.Text, l.TextStyle.Bold = "No", false
		if f.Has(t) {
			l.Text, l.TextStyle.Bold = "Yes", true
		}
		l.Refresh()
	}
}
