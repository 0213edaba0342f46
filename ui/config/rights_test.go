package config

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"nimbusadmin/app"
	"nimbusadmin/app/apptest"
	"nimbusadmin/data"
)

func TestTheConfigurationWindowSaysWhatAnOUAdministratorMayChange(t *testing.T) {
	test.NewTempApp(t)
	store := apptest.Demo(t, 300).Store()
	upns, err := store.Read(context.Background()).RoleHolderUPNs(data.RoleOUAdmin, 1)
	if err != nil || len(upns) == 0 {
		t.Fatalf("the demo has no %s: %v", data.RoleOUAdmin, err)
	}
	upn := upns[0]
	w := test.NewTempWindow(t, nil)
	cw := newConfigWindow(w, app.New(store, upn))
	w.SetContent(cw.build())
	if !cw.banner.Visible() || !strings.Contains(cw.banner.Text, "Organization Unit Administrator of ") {
		t.Errorf("the Configuration window does not say what %s may change: %q", upn, cw.banner.Text)
	}
	w2 := test.NewTempWindow(t, nil)
	admin := newConfigWindow(w2, apptest.Demo(t, 300))
	w2.SetContent(admin.build())
	if admin.banner.Visible() {
		t.Errorf("a Tenant Administrator sees a banner: %q", admin.banner.Text)
	}
}
