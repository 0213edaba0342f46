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

// A failure says what failed, why in brackets, and what to do, each as a sentence.
func TestFailedSaysWhatFailedAndWhatToDo(t *testing.T) {
	got := Failed("cannot read the cache", errors.New("sql: database is locked"), "close the window and open it again")
	if want := "Cannot read the cache (sql: database is locked). Close the window and open it again."; got != want {
		t.Errorf("Failed = %q, want %q", got, want)
	}
}

// A rule's message beside a control reads as a sentence, and goes once its cause is fixed.
func TestProblemsReadAsSentencesAndClear(t *testing.T) {
	test.NewTempApp(t)
	l := NewProblem()
	ShowProblem(l, errors.New("anna@contoso.example already holds 5 custom roles"))
	if !l.Visible() || l.Text != "anna@contoso.example already holds 5 custom roles." {
		t.Errorf("problem %q (shown %v)", l.Text, l.Visible())
	}
	ShowProblem(l, errors.New("cannot remove the last Tenant Administrator"))
	if l.Text != "Cannot remove the last Tenant Administrator." {
		t.Errorf("problem %q, want a sentence", l.Text)
	}
	ShowProblem(l, nil)
	if l.Visible() || l.Text != "" {
		t.Errorf("the problem stays after its cause was fixed: %q", l.Text)
	}
}
