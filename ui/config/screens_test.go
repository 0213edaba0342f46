package config

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// TestConfigurationScreensRender captures every screen of the Configuration window to a
// PNG (in $CONFIG_SCREENS when set, to look at them) and checks that each one shows
// content and its list is filled from the demo tenant.
func TestConfigurationScreensRender(t *testing.T) {
	cw, w, _ := configTestWindow(t, "")
	w.Resize(fyne.NewSize(1180, 760))
	dir := os.Getenv("CONFIG_SCREENS")
	if dir == "" {
		dir = t.TempDir()
	}
	shots := 0
	capture := func(name string) {
		for _, c := range cw.catalogues {
			if c.table == nil {
				continue // not shown yet: built when first shown
			}
			if c.selected < 0 && len(c.items) > 2 {
				c.table.Select(widget.TableCellID{Row: 2, Col: 0})
			}
			c.table.Refresh()
		}
		img := w.Canvas().Capture()
		if configDistinctColours(img) < 8 {
			t.Errorf("%s renders almost blank", name)
		}
		f, err := os.Create(filepath.Join(dir, "config_"+name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, img); err != nil {
			t.Fatal(err)
		}
		shots++
	}
	for i, item := range cw.tabs.Items {
		cw.tabs.SelectIndex(i)
		name := strings.ToLower(strings.NewReplacer(" ", "_", "/", "", "&", "and").Replace(item.Text))
		if sub, ok := item.Content.(*container.AppTabs); ok {
			for j, subItem := range sub.Items {
				sub.SelectIndex(j)
				capture(name + "_" + strings.ToLower(strings.NewReplacer(" ", "_", "(", "", ")", "").Replace(subItem.Text)))
			}
			continue
		}
		capture(name)
	}
	if shots != 11 {
		t.Errorf("captured %d screens, want 11", shots)
	}
	for k, c := range cw.catalogues {
		if len(c.items) == 0 {
			t.Errorf("%s lists nothing from the demo tenant", k)
		}
	}
}

// configDistinctColours counts the colours of an image, up to 64.
func configDistinctColours(img image.Image) int {
	seen := map[[4]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y && len(seen) < 64; y += 3 {
		for x := b.Min.X; x < b.Max.X && len(seen) < 64; x += 3 {
			r, g, bl, a := img.At(x, y).RGBA()
			seen[[4]uint32{r, g, bl, a}] = true
		}
	}
	return len(seen)
}
