package server_test

import (
	"os"
	"testing"

	"nimbusadmin/app/server/servertest"
)

func TestMain(m *testing.M) { os.Exit(servertest.Main(m)) }
