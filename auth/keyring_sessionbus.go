//go:build (dragonfly && cgo) || (freebsd && cgo) || linux || netbsd || openbsd

package auth

import (
	"fmt"
	"sync"

	"github.com/godbus/dbus/v5"
)

// sessionBus tells, once per process, whether a D-Bus session bus is running, the way
// the Secret Service is reached on this system. It looks for the bus (the environment's
// address, or the user's bus under /run/user) without launching one: asked for a bus
// that is not there, the keyring library would start dbus-launch, whose dbus-daemon and
// the gnome-keyring-daemon it activates outlive the program.
var sessionBus = sync.OnceValue(func() error {
	conn, err := dbus.SessionBusPrivateNoAutoStartup()
	if err != nil {
		return fmt.Errorf("%w: %w", errNoSessionBus, err)
	}
	conn.Close()
	return nil
})
