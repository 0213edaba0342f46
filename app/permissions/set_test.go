package permissions

import "testing"

func TestChoosingCreateUpdateOrDeleteImpliesRead(t *testing.T) {
	for _, bit := range []int{Create, Update, Delete} {
		p := Set{}
		p.Set("users.profiles", bit, true)
		if p["users.profiles"] != bit|Read {
			t.Errorf("%s: bits %s, want %s", BitName(bit), Text(p["users.profiles"]), Text(bit|Read))
		}
	}
	p := Set{"users.profiles": Read | Update | Delete}
	p.Set("users.profiles", Read, false)
	if p["users.profiles"] != 0 {
		t.Errorf("clearing Read left %s", Text(p["users.profiles"]))
	}
}

func TestGroupSetsAndClearsChildrenAndShowsPartial(t *testing.T) {
	p := Set{}
	p.Set("users.skills", Update, true)
	for _, k := range []string{"users.skills", "users.skills.assignment", "users.skills.levels"} {
		if p[k] != Read|Update {
			t.Errorf("%s: %s after setting Update on the group", k, Text(p[k]))
		}
	}
	if got := p.State("users.skills", Update); got != On {
		t.Errorf("group state %v, want on", got)
	}
	if got := p.State("users", Update); got != Partial {
		t.Errorf("area state %v, want partial", got)
	}
	p.Set("users.skills.levels", Update, false)
	if got := p.State("users.skills", Update); got != Partial {
		t.Errorf("group with one child cleared: %v, want partial", got)
	}
	if got := p.State("users.skills", Read); got != On {
		t.Errorf("Read stays on everywhere: %v", got)
	}
	p.Set("users", Read, false)
	if len(p) != 0 {
		t.Errorf("clearing Read on the area left %v", p)
	}
	if got := p.State("users.skills", Update); got != Off {
		t.Errorf("state after clear %v", got)
	}
}

func TestParseReadsItemsAndLetters(t *testing.T) {
	p, err := Parse("users.skills=cu, users.list=R")
	if err != nil || p["users.skills"] != Create|Update || p["users.list"] != Read {
		t.Fatalf("%v %v", p, err)
	}
	if _, err := Parse("users.skills=X"); err == nil {
		t.Error("letter X accepted")
	}
	if s := (Set{"users.list": Read, "a": 15}).String(); s != "a CRUD, users.list -R--" {
		t.Errorf("String %q", s)
	}
}
