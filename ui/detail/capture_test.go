package detail

import (
	"context"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"nimbusadmin/app"
	"nimbusadmin/data"
	"nimbusadmin/data/testkit"
)

// detailFullyConfigured gives anna every licence and something on every tab.
func detailFullyConfigured(f *detailTenant) {
	ctx := context.Background()
	anna := f.user["anna"]
	f.must(f.app.GrantLicence(ctx, anna, data.ContactCenter|data.AttendantConsole|data.Interact|data.Assistant))
	_, err := f.app.AssignRole(ctx, anna, f.id["Custom 1"], f.ou["root"])
	f.must(err)
	sup, err := f.app.Store().Read(ctx).BuiltinRole(data.RoleSupervisorService)
	f.must(err)
	_, err = f.app.AssignRole(ctx, anna, sup.ID, f.ou["Sales"])
	f.must(err)
	f.must(f.app.SetUserSkill(ctx, anna, f.id["French"], f.level["Fluent"]))
	f.must(f.app.AssignProfile(ctx, anna, f.id["Early shift"]))
	f.must(f.app.SetActiveProfile(ctx, anna, f.id["Early shift"]))
	f.must(f.app.SetNAReasons(ctx, anna, true, []int64{f.id["Lunch"], f.id["Meeting"]}))
	f.must(f.app.SetInteract(ctx, anna, app.InteractChange{Active: true, AudioVideo: true, InstantMessaging: true}))
	f.must(f.app.SetCallTemplates(ctx, anna, []int64{f.id["CRM lookup"], f.id["Ticket"]}))
	_, err = testkit.Exec(f.app.Store().Read(ctx), `INSERT INTO service_members (service_id, user_id, membership)
		SELECT id, ?, 'member' FROM services WHERE name = 'Sales Hotline'`, anna)
	f.must(err)
}

// TestDetailEveryTabRenders captures each tab of a fully configured user to PNG (in
// $NIMBUS_DETAIL_CAPTURES when set, for looking at them) and checks that each shows
// its own content rather than an empty or collapsed pane.
func TestDetailEveryTabRenders(t *testing.T) {
	f := newDetailTenant(t)
	detailFullyConfigured(f)
	f.win.Resize(fyne.NewSize(860, 600))
	f.pane.ShowUser(f.user["anna"])
	dir := os.Getenv("NIMBUS_DETAIL_CAPTURES")
	if dir == "" {
		dir = t.TempDir()
	}
	for _, tab := range app.AllTabs() {
		dt := f.pane.tab(tab)
		f.pane.tabs.Select(dt.item)
		if dt.item.Content.Size().Height < 200 {
			t.Errorf("%s tab content is collapsed: %v", tab, dt.item.Content.Size())
		}
		img := f.win.Canvas().Capture()
		if n := detailColours(img); n < 8 {
			t.Errorf("%s tab renders almost blank (%d colours)", tab, n)
		}
		detailWritePNG(f, dir, "detail_"+strings.ToLower(strings.NewReplacer("/", "", " ", "_").Replace(string(tab)))+".png", img)
	}
	f.pane.tabs.Select(f.pane.tab(app.TabInteract).item)
	f.pane.interact.onPreview()
	detailWritePNG(f, dir, "detail_interact_preview.png", f.win.Canvas().Capture())
	f.pane.interact.preview.Hide()
	f.pane.tabs.Select(f.pane.tab(app.TabRoles).item)
	f.pane.roles.onAdd()
	detailSelectOption(f.pane.roles.dialog.role, "Custom 2 (custom)")
	detailSelectOption(f.pane.roles.dialog.scope, "Support")
	detailWritePNG(f, dir, "detail_roles_add.png", f.win.Canvas().Capture())
}

func detailWritePNG(f *detailTenant, dir, name string, img image.Image) {
	out, err := os.Create(filepath.Join(dir, name))
	f.must(err)
	defer out.Close()
	f.must(png.Encode(out, img))
}

// detailColours counts the distinct colours of an image (up to a cap).
func detailColours(img image.Image) int {
	seen := map[[4]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, a := img.At(x, y).RGBA()
			seen[[4]uint32{r, g, bl, a}] = true
			if len(seen) > 64 {
				return len(seen)
			}
		}
	}
	return len(seen)
}
