//go:build xvfb

package xvfbcheck

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
)

// xConn is the least of the X11 protocol a latency check needs, spoken over the display's
// Unix socket: it reads pixels of a window (GetImage) and presses keys through the XTEST
// extension. Sending the key and reading the pixels on one connection keeps the tools
// out of the measurement: an xdotool or import process would add its own start-up time to
// every figure, and the module has no X library to lean on.
type xConn struct {
	c        net.Conn
	root     uint32
	minCode  byte
	xtest    byte // the XTEST extension's major opcode
	keysyms  []uint32
	perCode  int // keysyms per keycode in keysyms
	scratch  []byte
	requests uint16
}

// dialX opens the display ":N" without authentication, as Xvfb allows for local clients.
func dialX(display string) (*xConn, error) {
	n := strings.TrimPrefix(display, ":")
	c, err := net.Dial("unix", "/tmp/.X11-unix/X"+n)
	if err != nil {
		return nil, err
	}
	x := &xConn{c: c}
	if err := x.setup(); err != nil {
		c.Close()
		return nil, err
	}
	return x, nil
}

func (x *xConn) Close() error { return x.c.Close() }

var le = binary.LittleEndian

// setup sends the connection request and reads the root window and the keycode range.
func (x *xConn) setup() error {
	req := []byte{'l', 0, 11, 0, 0, 0, 0, 0, 0, 0, 0, 0}
	if _, err := x.c.Write(req); err != nil {
		return err
	}
	head := make([]byte, 8)
	if _, err := io.ReadFull(x.c, head); err != nil {
		return err
	}
	body := make([]byte, int(le.Uint16(head[6:]))*4)
	if _, err := io.ReadFull(x.c, body); err != nil {
		return err
	}
	if head[0] != 1 {
		return fmt.Errorf("the X server refused the connection: %q", body[:head[1]])
	}
	vendorLen, formats := int(le.Uint16(body[16:])), int(body[21])
	x.minCode = body[26]
	maxCode := body[27]
	screen := 32 + (vendorLen+3)/4*4 + formats*8
	x.root = le.Uint32(body[screen:])

	// The keyboard map, to find the keycode that types a keysym.
	reply, err := x.roundTrip([]byte{101, 0, 2, 0, x.minCode, maxCode - x.minCode + 1, 0, 0})
	if err != nil {
		return err
	}
	x.perCode = int(reply[1])
	for i := 32; i+4 <= len(reply); i += 4 {
		x.keysyms = append(x.keysyms, le.Uint32(reply[i:]))
	}
	// XTEST, to press keys as the keyboard would.
	name := "XTEST"
	q := make([]byte, 8+(len(name)+3)/4*4)
	q[0] = 98
	le.PutUint16(q[2:], uint16(len(q)/4))
	le.PutUint16(q[4:], uint16(len(name)))
	copy(q[8:], name)
	reply, err = x.roundTrip(q)
	if err != nil {
		return err
	}
	if reply[8] == 0 {
		return errors.New("the X server has no XTEST extension")
	}
	x.xtest = reply[9]
	return nil
}

// send writes one request; it counts requests to match replies by sequence number.
func (x *xConn) send(req []byte) error {
	x.requests++
	_, err := x.c.Write(req)
	return err
}

// readReply reads the next reply (or error) from the server, skipping events.
func (x *xConn) readReply() ([]byte, error) {
	for {
		head := make([]byte, 32)
		if _, err := io.ReadFull(x.c, head); err != nil {
			return nil, err
		}
		switch head[0] {
		case 0:
			return nil, fmt.Errorf("X error %d (request %d)", head[1], head[10])
		case 1:
			extra := int(le.Uint32(head[4:])) * 4
			if cap(x.scratch) < 32+extra {
				x.scratch = make([]byte, 32+extra)
			}
			buf := x.scratch[:32+extra]
			copy(buf, head)
			if _, err := io.ReadFull(x.c, buf[32:]); err != nil {
				return nil, err
			}
			return buf, nil
		}
	}
}

func (x *xConn) roundTrip(req []byte) ([]byte, error) {
	if err := x.send(req); err != nil {
		return nil, err
	}
	r, err := x.readReply()
	if err != nil {
		return nil, err
	}
	return append([]byte(nil), r...), nil
}

// Keysyms of the keys the checks press (X11's keysymdef.h).
const (
	keysymBackSpace = 0xff08
	keysymDown      = 0xff54
)

// key presses and releases the key that types keysym (a lower-case letter is its ASCII
// code). The server has handled it once any later request is answered.
func (x *xConn) key(keysym uint32) error {
	code := -1
	for i, s := range x.keysyms {
		if s == keysym {
			code = int(x.minCode) + i/x.perCode
			break
		}
	}
	if code < 0 {
		return fmt.Errorf("no key types keysym %#x", keysym)
	}
	for _, kind := range []byte{2, 3} { // KeyPress, KeyRelease
		req := make([]byte, 36)
		req[0], req[1] = x.xtest, 2 // FakeInput
		le.PutUint16(req[2:], 9)
		req[4], req[5] = kind, byte(code)
		le.PutUint32(req[12:], x.root)
		if err := x.send(req); err != nil {
			return err
		}
	}
	return nil
}

// rect is a rectangle of a window in its own pixels.
type rect struct{ x, y, w, h int }

// pixels reads the rectangles of a window in one exchange (the requests go out together,
// then the replies are read) and returns their pixels, 4 bytes each, concatenated.
func (x *xConn) pixels(win uint32, rs []rect, into []byte) ([]byte, error) {
	req := make([]byte, 0, 20*len(rs))
	for _, r := range rs {
		b := make([]byte, 20)
		b[0], b[1] = 73, 2 // GetImage, ZPixmap
		le.PutUint16(b[2:], 5)
		le.PutUint32(b[4:], win)
		le.PutUint16(b[8:], uint16(r.x))
		le.PutUint16(b[10:], uint16(r.y))
		le.PutUint16(b[12:], uint16(r.w))
		le.PutUint16(b[14:], uint16(r.h))
		le.PutUint32(b[16:], 0xffffffff)
		req = append(req, b...)
	}
	x.requests += uint16(len(rs))
	if _, err := x.c.Write(req); err != nil {
		return nil, err
	}
	into = into[:0]
	var firstErr error
	for range rs {
		r, err := x.readReply()
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		into = append(into, r[32:]...)
	}
	return into, firstErr
}
