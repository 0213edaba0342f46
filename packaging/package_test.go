//go:build package

package packaging

import (
	"bytes"
	"debug/pe"
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

// These tests check what `make package` built in dist/; the Makefile runs them after it.

// version is FyneApp.toml's, which names the packages and which they carry.
func version(t *testing.T) string {
	t.Helper()
	toml, err := os.ReadFile("../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(toml), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok && strings.TrimSpace(k) == "Version" {
			return strings.Trim(strings.TrimSpace(v), `"`)
		}
	}
	t.Fatal("FyneApp.toml names no Version")
	return ""
}

// Windows resource types (winuser.h).
const (
	rtGroupIcon = 14
	rtVersion   = 16
)

func TestWindowsExeIsAGUIProgramWithIconAndVersion(t *testing.T) {
	v := version(t)
	path := filepath.Join("..", "dist", "nimbusadmin-"+v+"-windows-amd64.exe")
	f, err := pe.Open(path)
	if err != nil {
		t.Fatalf("%v: run make package first", err)
	}
	defer f.Close()
	if f.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		t.Errorf("machine %#x, want amd64 (%#x)", f.Machine, pe.IMAGE_FILE_MACHINE_AMD64)
	}
	oh, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	if !ok {
		t.Fatalf("optional header %T, want a 64-bit one", f.OptionalHeader)
	}
	if oh.Subsystem != pe.IMAGE_SUBSYSTEM_WINDOWS_GUI {
		t.Errorf("subsystem %d, want the GUI one (%d): a console would open beside the window", oh.Subsystem, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI)
	}
	res := resources(t, f, oh)
	if _, ok := res.types[rtGroupIcon]; !ok {
		t.Errorf("no icon (RT_GROUP_ICON) among the resource types %v", res.typeIDs())
	}
	info, ok := res.types[rtVersion]
	if !ok {
		t.Fatalf("no version resource (RT_VERSION) among the resource types %v", res.typeIDs())
	}
	for _, want := range []string{"ProductVersion", v, "Nimbus Admin"} {
		if !bytes.Contains(info, utf16le(want)) {
			t.Errorf("the version resource does not say %q", want)
		}
	}
	if len(f.Symbols) > 0 {
		t.Errorf("%d symbols: the release build strips them", len(f.Symbols))
	}
}

func TestWindowsExeSaysItsVersionUnderWine(t *testing.T) {
	wine, err := exec.LookPath("wine")
	if err != nil {
		t.Skip("wine is not installed (apt-get install wine to run the .exe here)")
	}
	path := filepath.Join("..", "dist", "nimbusadmin-"+version(t)+"-windows-amd64.exe")
	cmd := exec.Command(wine, path, "version")
	cmd.Env = append(os.Environ(), "WINEDEBUG=-all")
	out, err := cmd.Output()
	if want := "Nimbus Admin " + version(t) + " (commit "; err != nil || !strings.HasPrefix(string(out), want) {
		t.Errorf("wine %s version: %v, %q; want a line starting %q", path, err, out, want)
	}
}

func TestLinuxArchiveInstallsBinaryIconAndDesktopEntry(t *testing.T) {
	v := version(t)
	dir := "nimbusadmin-" + v + "-linux-amd64"
	archive := filepath.Join("..", "dist", dir+".tar.xz")
	if _, err := os.Stat(archive); err != nil {
		t.Fatalf("%v: run make package first", err)
	}
	tmp := t.TempDir()
	if out, err := exec.Command("tar", "-C", tmp, "-xJf", archive).CombinedOutput(); err != nil {
		t.Fatalf("tar -xJf %s: %v: %s", archive, err, out)
	}
	for _, f := range []string{"Makefile", "usr/local/bin/nimbusadmin", "usr/local/share/applications/nimbusadmin.desktop", "usr/local/share/pixmaps/nimbusadmin.png"} {
		if _, err := os.Stat(filepath.Join(tmp, dir, f)); err != nil {
			t.Errorf("the archive lacks %s/%s", dir, f)
		}
	}
	out, err := exec.Command(filepath.Join(tmp, dir, "usr/local/bin/nimbusadmin"), "version").Output()
	if want := "Nimbus Admin " + v + " (commit "; err != nil || !strings.HasPrefix(string(out), want) || strings.Contains(string(out), "unknown") {
		t.Errorf("nimbusadmin version: %v, %q; want %q with the commit and date of the build", err, out, want+"…")
	}
	staged := filepath.Join(tmp, "staged")
	install := exec.Command("make", "-C", filepath.Join(tmp, dir), "install", "DESTDIR="+staged, "PREFIX=/usr")
	if out, err := install.CombinedOutput(); err != nil {
		t.Fatalf("make install: %v: %s", err, out)
	}
	for _, f := range []string{"usr/bin/nimbusadmin", "usr/share/applications/nimbusadmin.desktop", "usr/share/pixmaps/nimbusadmin.png"} {
		if _, err := os.Stat(filepath.Join(staged, f)); err != nil {
			t.Errorf("make install put no %s", f)
		}
	}
}

// resourceTree is the top of an executable's resource tree: the data of the first
// resource of each type, by type id.
type resourceTree struct {
	types map[uint32][]byte
}

func (r resourceTree) typeIDs() []uint32 {
	var ids []uint32
	for id := range r.types {
		ids = append(ids, id)
	}
	return ids
}

// resources reads the resource directory of f: type, then name, then language, then the
// data entry (the layout of the .rsrc section in the PE format).
func resources(t *testing.T, f *pe.File, oh *pe.OptionalHeader64) resourceTree {
	t.Helper()
	dir := oh.DataDirectory[pe.IMAGE_DIRECTORY_ENTRY_RESOURCE]
	if dir.VirtualAddress == 0 {
		t.Fatal("the .exe has no resources")
	}
	var sec *pe.Section
	for _, s := range f.Sections {
		if dir.VirtualAddress >= s.VirtualAddress && dir.VirtualAddress < s.VirtualAddress+s.VirtualSize {
			sec = s
		}
	}
	if sec == nil {
		t.Fatal("no section holds the resource directory")
	}
	data, err := sec.Data()
	if err != nil {
		t.Fatal(err)
	}
	base := dir.VirtualAddress - sec.VirtualAddress
	entries := func(off uint32) [][2]uint32 { // id, offset of each entry of the directory at off
		if int(base+off)+16 > len(data) {
			t.Fatalf("resource directory at %#x lies outside its section", off)
		}
		d := data[base+off:]
		n := int(binary.LittleEndian.Uint16(d[12:])) + int(binary.LittleEndian.Uint16(d[14:]))
		var out [][2]uint32
		for i := 0; i < n && 16+8*i+8 <= len(d); i++ {
			e := d[16+8*i:]
			out = append(out, [2]uint32{binary.LittleEndian.Uint32(e), binary.LittleEndian.Uint32(e[4:])})
		}
		return out
	}
	const subdir = 0x80000000
	tree := resourceTree{types: map[uint32][]byte{}}
	for _, typ := range entries(0) {
		off := typ[1]
		for off&subdir != 0 { // down the first name and language to the data entry
			sub := entries(off &^ subdir)
			if len(sub) == 0 {
				break
			}
			off = sub[0][1]
		}
		if off&subdir != 0 || int(base+off)+8 > len(data) {
			continue
		}
		rva, size := binary.LittleEndian.Uint32(data[base+off:]), binary.LittleEndian.Uint32(data[base+off+4:])
		start := rva - sec.VirtualAddress
		if int(start+size) <= len(data) {
			tree.types[typ[0]] = data[start : start+size]
		}
	}
	return tree
}

// utf16le is s as Windows writes strings in resources.
func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = binary.LittleEndian.AppendUint16(b, u)
	}
	return b
}
