package app

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"nimbusadmin/data"
)

// sample fills every field of a command type with a value that is not its zero value.
func sample(t reflect.Type) reflect.Value {
	v := reflect.New(t).Elem()
	switch t.Kind() {
	case reflect.String:
		v.SetString("x-" + t.Name())
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(7)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(3)
	case reflect.Slice:
		v = reflect.Append(reflect.MakeSlice(t, 0, 1), sample(t.Elem()))
	case reflect.Map:
		v = reflect.MakeMap(t)
		v.SetMapIndex(sample(t.Key()), sample(t.Elem()))
	case reflect.Pointer:
		p := reflect.New(t.Elem())
		p.Elem().Set(sample(t.Elem()))
		v = p
	case reflect.Struct:
		for i := range t.NumField() {
			if t.Field(i).IsExported() {
				v.Field(i).Set(sample(t.Field(i).Type))
			}
		}
	}
	return v
}

func TestEveryCommandSurvivesJSON(t *testing.T) {
	for _, c := range commandTypes {
		want := sample(reflect.TypeOf(c)).Interface().(Command)
		b, err := EncodeCommand(want)
		if err != nil {
			t.Fatalf("%s: %v", c.Kind(), err)
		}
		got, err := DecodeCommand(b)
		if err != nil {
			t.Fatalf("%s: %v", c.Kind(), err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %s decoded as %+v, want %+v", c.Kind(), b, got, want)
		}
		if len(got.Based()) != 1 {
			t.Errorf("%s: the row versions it was based on were lost: %s", c.Kind(), b)
		}
	}
}

func TestAMalformedCommandIsRefusedByName(t *testing.T) {
	for in, want := range map[string]string{
		`{"kind":"user.fly","command":{}}`:                 `unknown command kind "user.fly"`,
		`{"kind":"user.licences","command":{"grant":"x"}}`: "command user.licences",
		`[1,2]`: "not a command",
	} {
		if _, err := DecodeCommand([]byte(in)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", in, err, want)
		}
	}
}

func TestAChangeMadeOnAStaleViewIsRefused(t *testing.T) {
	f := newFixture(t)
	anna := f.user["anna"]
	seen, err := f.app.UserDetail(ctx, anna)
	if err != nil {
		t.Fatal(err)
	}
	// Something else changes anna after the admin opened her.
	f.accepted(func() error { return f.app.GrantLicence(ctx, anna, data.AttendantConsole) })
	f.refused("change.stale", do(f.app, ChangeLicences{Base: BasedOn(seen.Version), User: anna, Revoke: data.Assistant}),
		"Anna", "changed after you opened it, by dana@contoso.example at ", "(now: licences ", "Attendant Console")
	fresh, _ := f.app.UserDetail(ctx, anna)
	if fresh.Version.Version <= seen.Version.Version {
		t.Fatalf("a licence change did not raise anna's version: %d then %d", seen.Version.Version, fresh.Version.Version)
	}
	f.accepted(do(f.app, ChangeLicences{Base: BasedOn(fresh.Version), User: anna, Revoke: data.Assistant}))
}

// sourceOf reads the non-test Go files of a folder and of the folders below it.
func sourceOf(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return err
		}
		src, err := os.ReadFile(name)
		b.Write(src)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// Every command is built by the window and by the command line, and neither calls a
// shorthand method in its place.
func TestEveryCommandIsReachableFromTheWindowAndTheCommandLine(t *testing.T) {
	for _, front := range []string{"../ui", "cli"} {
		src := sourceOf(t, front)
		for _, c := range commandTypes {
			name := reflect.TypeOf(c).Name()
			if !strings.Contains(src, "app."+name+"{") {
				t.Errorf("%s never builds app.%s (%s)", front, name, c.Kind())
			}
			if strings.Contains(src, "."+name+"(") {
				t.Errorf("%s calls a method %s instead of doing the command", front, name)
			}
		}
	}
}

func TestAStaleChangeNamesTheServiceByItsName(t *testing.T) {
	f := newFixture(t)
	esc := f.id["Escalations"]
	stale := data.RowVersion{Entity: "service", Key: strconv.FormatInt(esc, 10), Version: 0}
	f.accepted(do(f.app, RenameService{Service: esc, Name: "Second level"}))
	f.refused("change.stale", do(f.app, RenameService{Base: BasedOn(stale), Service: esc, Name: "Third level"}),
		`The service "Second level" was changed after you opened it, by dana@contoso.example at `, `(now: named "Second level")`)
}
