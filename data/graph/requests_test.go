package graph

import (
	"os"
	"strings"
	"testing"
)

// The telemetry header names the version of msgraph-sdk-go the program is built with.
func TestTheTelemetryNamesTheSDKVersionOfGoMod(t *testing.T) {
	mod, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	want := "\tgithub.com/microsoftgraph/msgraph-sdk-go v" + sdkVersion + "\n"
	if !strings.Contains(string(mod), want) {
		t.Fatalf("go.mod does not require msgraph-sdk-go v%s: set sdkVersion to the version it requires", sdkVersion)
	}
}
