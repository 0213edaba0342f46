package config

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// A template the snippet rule refuses shows the rule's message, with its line, where the
// preview would be, in full and on screen at the window's default size (which fits a
// 1366×768 laptop), so the admin reads what to correct while typing.
func TestSnippetPreviewSaysWhatIsWrongWithTheTemplate(t *testing.T) {
	cw, w, _ := configTestWindow(t, "Tenant Settings")
	w.Resize(configDefaultSize)
	s := cw.settings
	s.template.SetText("<div data-c=\"{{contactId}}\" data-k=\"{{widgetKey}}\">\n" +
		"<script src=\"http://interact.nimbus.example/widget.js\"></script></div>")
	want := "Line 2 of the snippet template: <script> loads from http://interact.nimbus.example/widget.js; " +
		"the widget's script comes from https://interact.nimbus.example"
	if s.preview.Importance != widget.DangerImportance || !strings.HasPrefix(s.preview.Text, want) {
		t.Fatalf("preview %q (importance %v), want the refusal %q", s.preview.Text, s.preview.Importance, want)
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(s.preview)
	size, room := s.preview.Size(), w.Canvas().Size()
	if pos.X < 0 || pos.Y < 0 || pos.X+size.Width > room.Width+1 || pos.Y+size.Height > room.Height+1 {
		t.Errorf("the message lies at %v size %v, outside the %v window", pos, size, room)
	}
	if size.Height < s.preview.MinSize().Height || size.Width < 200 {
		t.Errorf("the message has %v, it needs %v to show in full", size, s.preview.MinSize())
	}
}
