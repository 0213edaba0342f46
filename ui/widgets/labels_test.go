package widgets

import (
	"errors"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nimbusadmin/ui/uitest"
)

// Reasons and results read at a glance in both themes: their text contrasts with the
// background at least 4.5 to 1 (the grey of low importance and the success green are
// about 1.3 and 1.6 to 1 on white); failures show in the error colour.
func TestReasonsAndResultsAreReadableInBothThemes(t *testing.T) {
	a := test.NewTempApp(t)
	for _, variant := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		th := uitest.VariantTheme{Theme: theme.DefaultTheme(), Variant: variant}
		a.Settings().SetTheme(th)
		background := th.Color(theme.ColorNameBackground, variant)
		done, failed := NewResult(), NewResult()
		ShowResult(done, nil, "saved the licences of Anna")
		ShowResult(failed, errors.New("cannot delete the custom role"), "")
		for name, l := range map[string]*widget.Label{
			"a reason": NewReason("Cannot delete: anna is the last Tenant Administrator."),
			"a result": done,
		} {
			if c := uitest.Contrast(uitest.TextColour(t, l), background); c < 4.5 {
				t.Errorf("variant %v: %s contrasts %.1f to 1 with the background", variant, name, c)
			}
		}
		if got, want := uitest.TextColour(t, failed), th.Color(theme.ColorNameError, variant); !uitest.SameColour(got, want) {
			t.Errorf("variant %v: a failure shows in %v, not the error colour %v", variant, got, want)
		}
		if done.Text != "Saved the licences of Anna." || failed.Text != "Cannot delete the custom role." {
			t.Errorf("results %q and %q do not read as sentences", done.Text, failed.Text)
		}
	}
}

func TestSentenceCapitalisesWordsAndLeavesNamesAlone(t *testing.T) {
	for in, want := range map[string]string{
		"cannot delete the custom role \"X\"":          "Cannot delete the custom role \"X\".",
		"the sign-in was cancelled; nothing was saved": "The sign-in was cancelled; nothing was saved.",
		"anna@contoso.example needs a licence":         "anna@contoso.example needs a licence.",
		"\"Sales\" is taken":                           "\"Sales\" is taken.",
		"Sync cancelled; sync again to finish.":        "Sync cancelled; sync again to finish.",
		"Is it saved?":                                 "Is it saved?",
		"":                                             "",
	} {
		if got := Sentence(in); got != want {
			t.Errorf("Sentence(%q) = %q, want %q", in, got, want)
		}
	}
}
