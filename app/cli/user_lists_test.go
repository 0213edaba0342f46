package cli

import (
	"slices"
	"testing"
)

func names(items []itemJSON) []string {
	out := []string{}
	for _, it := range items {
		out = append(out, it.Name)
	}
	return out
}

func TestUserNAReasonsSwitchAndOrder(t *testing.T) {
	db := freshDemo(t)
	u := salesAgent(t, db).UserPrincipalName
	mustRun(t, db, "user", "na-reasons", u, "--set", "Meeting, lunch", "--enable")
	d := showJSON(t, db, u)
	if !d.NAReasons.Enabled || !slices.Equal(names(d.NAReasons.Reasons), []string{"Meeting", "Lunch"}) {
		t.Fatalf("after --set Meeting,Lunch --enable: %+v", d.NAReasons)
	}
	mustRun(t, db, "user", "na-reasons", u, "--set", "Lunch,Break,Meeting")
	if d := showJSON(t, db, u); !d.NAReasons.Enabled || !slices.Equal(names(d.NAReasons.Reasons), []string{"Lunch", "Break", "Meeting"}) {
		t.Fatalf("--set alone keeps the switch and takes the order given: %+v", d.NAReasons)
	}
	mustRun(t, db, "user", "na-reasons", u, "--disable")
	if d := showJSON(t, db, u); d.NAReasons.Enabled || len(d.NAReasons.Reasons) != 3 {
		t.Fatalf("--disable alone keeps the list: %+v", d.NAReasons)
	}
	refusedCLI(t, db, u, 1, []string{"user", "na-reasons", u, "--enable", "--set", "none"}, "cannot be enabled", "without at least one reason")
	refusedCLI(t, db, u, 1, []string{"user", "na-reasons", u, "--set", "Lunch,Coaching"}, `the N/A reason "Coaching" lives in Support`)
	refusedCLI(t, db, u, 1, []string{"user", "na-reasons", u, "--set", "Nap"}, `no N/A reason "Nap" in this tenant`)
	refusedCLI(t, db, u, 2, []string{"user", "na-reasons", u, "--enable", "--disable"}, "not both")
	refusedCLI(t, db, u, 2, []string{"user", "na-reasons", u}, "needs --enable, --disable or --set")
	mustRun(t, db, "user", "na-reasons", u, "--set", "none")
	if d := showJSON(t, db, u); d.NAReasons.Enabled || len(d.NAReasons.Reasons) != 0 {
		t.Fatalf("--set none: %+v", d.NAReasons)
	}
}

func TestUserAssistantSetsTheTemplatesInOrder(t *testing.T) {
	db := freshDemo(t)
	u := salesAgent(t, db).UserPrincipalName
	mustRun(t, db, "user", "assistant", u, "--set", "Key Account Card,CRM Caller Lookup")
	if got := names(showJSON(t, db, u).Assistant.DirectCallTemplates); !slices.Equal(got, []string{"Key Account Card", "CRM Caller Lookup"}) {
		t.Fatalf("templates %v", got)
	}
	mustRun(t, db, "user", "assistant", u, "--set", "crm caller lookup,key account card")
	if got := names(showJSON(t, db, u).Assistant.DirectCallTemplates); !slices.Equal(got, []string{"CRM Caller Lookup", "Key Account Card"}) {
		t.Fatalf("reordered templates %v", got)
	}
	refusedCLI(t, db, u, 1, []string{"user", "assistant", u, "--set", "Ticket Search"}, `the direct call template "Ticket Search" lives in Support`)
	refusedCLI(t, db, u, 2, []string{"user", "assistant", u}, "needs --set TEMPLATE")
	mustRun(t, db, "user", "assistant", u, "--set", "none")
	if got := showJSON(t, db, u).Assistant.DirectCallTemplates; len(got) != 0 {
		t.Fatalf("--set none left %v", got)
	}
	var unlicensed string
	for _, other := range usersJSON(t, db, "--ou", "Sales") {
		if !slices.Contains(other.Licences, "assistant") {
			unlicensed = other.UserPrincipalName
			break
		}
	}
	refusedCLI(t, db, unlicensed, 1, []string{"user", "assistant", unlicensed, "--set", "CRM Caller Lookup"}, "needs the Assistant licence")
}

func TestUserInteractChangesWhatIsGivenAndKeepsTheRest(t *testing.T) {
	db := freshDemo(t)
	u := salesAgent(t, db).UserPrincipalName
	mustRun(t, db, "user", "interact", u, "--active", "on", "--im", "on", "--av", "on", "--system-message", "sales chat",
		"--restrict-access", "on", "--domain-template", "Public Website")
	ia := showJSON(t, db, u).Interact
	if ia == nil || !ia.Active || !ia.InstantMessaging || !ia.AudioVideo || ia.DirectSystemMessage != "Sales Chat" ||
		!ia.RestrictAccess || ia.DomainTemplate != "Public Website" {
		t.Fatalf("after setting everything: %+v", ia)
	}
	mustRun(t, db, "user", "interact", u, "--av", "off")
	ia = showJSON(t, db, u).Interact
	if ia.AudioVideo || !ia.Active || !ia.InstantMessaging || ia.DirectSystemMessage != "Sales Chat" || !ia.RestrictAccess || ia.DomainTemplate != "Public Website" {
		t.Fatalf("--av off changed more than Audio & Video: %+v", ia)
	}
	refusedCLI(t, db, u, 1, []string{"user", "interact", u, "--system-message", "Support Chat"}, `the direct system message "Support Chat" lives in Support`)
	refusedCLI(t, db, u, 1, []string{"user", "interact", u, "--domain-template", "none"}, "Restrict Access needs a domain template")
	refusedCLI(t, db, u, 1, []string{"user", "interact", u, "--domain-template", "Intranet"}, `no domain template "Intranet" in this tenant`)
	refusedCLI(t, db, u, 2, []string{"user", "interact", u, "--active", "maybe"}, "write on or off")
	refusedCLI(t, db, u, 2, []string{"user", "interact", u}, "needs at least one setting")
	mustRun(t, db, "user", "interact", u, "--system-message", "none", "--restrict-access", "off", "--domain-template", "none")
	ia = showJSON(t, db, u).Interact
	if ia.DirectSystemMessage != "" || ia.DomainTemplate != "" || ia.RestrictAccess || !ia.Active {
		t.Fatalf("none clears the message and the template: %+v", ia)
	}
}
