//go:build xvfb

package xvfbcheck

// closeWindow asks a window to close as a window manager's close button does: a
// WM_DELETE_WINDOW client message of the WM_PROTOCOLS kind, sent to the window.
func (x *xConn) closeWindow(win uint32) error {
	protocols, err := x.atom("WM_PROTOCOLS")
	if err != nil {
		return err
	}
	deleteWindow, err := x.atom("WM_DELETE_WINDOW")
	if err != nil {
		return err
	}
	req := make([]byte, 44)
	req[0] = 25 // SendEvent
	le.PutUint16(req[2:], 11)
	le.PutUint32(req[4:], win)
	ev := req[12:]
	ev[0], ev[1] = 33, 32 // ClientMessage, format 32
	le.PutUint32(ev[4:], win)
	le.PutUint32(ev[8:], protocols)
	le.PutUint32(ev[12:], deleteWindow)
	if err := x.send(req); err != nil {
		return err
	}
	_, err = x.atom("WM_PROTOCOLS") // answered once the server has sent the event
	return err
}

// atom is the X server's number for a name (InternAtom).
func (x *xConn) atom(name string) (uint32, error) {
	padded := (len(name) + 3) &^ 3
	req := make([]byte, 8+padded)
	req[0] = 16 // InternAtom, only-if-exists false
	le.PutUint16(req[2:], uint16(len(req)/4))
	le.PutUint16(req[4:], uint16(len(name)))
	copy(req[8:], name)
	r, err := x.roundTrip(req)
	if err != nil {
		return 0, err
	}
	return le.Uint32(r[8:]), nil
}
