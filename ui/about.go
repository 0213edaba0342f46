package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/app/buildinfo"
	"nimbusadmin/assets"
	"nimbusadmin/ui/widgets"
)

// mainMenu is the menu bar desktop users look for: File > Quit, which closes the window
// as its close button does (asking first about unsaved edits), and Help > About.
func (m *mainWindow) mainMenu() *fyne.MainMenu {
	quit := fyne.NewMenuItem("Quit", m.requestClose)
	quit.IsQuit = true // the one Fyne would add otherwise quits without asking about edits
	about := fyne.NewMenuItem("About Nimbus Admin", m.showAbout)
	about.Icon = theme.InfoIcon()
	return fyne.NewMainMenu(fyne.NewMenu("File", quit), fyne.NewMenu("Help", about))
}

// showAbout says which build is running, in the words of `nimbusadmin version`, with a
// button that copies the line for a support request; Close, Esc or Enter closes it.
func (m *mainWindow) showAbout() {
	line := buildinfo.Current().String()
	icon := canvas.NewImageFromResource(assets.Icon)
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSquareSize(64))
	copyLine := widget.NewButtonWithIcon("Copy", theme.ContentCopyIcon(), func() {
		fyne.CurrentApp().Clipboard().SetContent(line)
	})
	body := container.NewVBox(
		container.NewCenter(icon),
		widget.NewLabelWithStyle(line, fyne.TextAlignCenter, fyne.TextStyle{}),
		widget.NewLabelWithStyle("Administration of Nimbus users for Microsoft Teams tenants.", fyne.TextAlignCenter, fyne.TextStyle{}),
		container.NewCenter(copyLine),
	)
	widgets.NewClosable(m.win, "About Nimbus Admin", "Close", body).Show()
}
