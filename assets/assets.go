// Package assets holds the resources embedded in the binary: the application icon.
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.png
var iconPNG []byte

// Icon is Nimbus Admin's own icon, for the window and the app bundle.
var Icon = fyne.NewStaticResource("icon.png", iconPNG)
