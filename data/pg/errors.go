package pg

import (
	"context"
	"errors"
	"io"
	"net"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
)

// retriable tells whether a transaction failed only because a concurrent one won
// (serialization failure or deadlock), so running it again may succeed.
func retriable(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && (pgErr.Code == "40001" || pgErr.Code == "40P01")
}

// unreachable tells whether err means PostgreSQL cannot be reached or dropped the
// connection: it is down, restarting, or the network is.
func unreachable(err error) bool {
	var connect *pgconn.ConnectError
	var netErr net.Error
	var pgErr *pgconn.PgError
	switch {
	case errors.As(err, &connect):
		return true
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return false // the caller gave up; PostgreSQL may be fine
	case errors.As(err, &netErr):
		return true
	case errors.As(err, &pgErr):
		// Class 57: the server is shutting down, crashed or cannot take connections yet.
		return strings.HasPrefix(pgErr.Code, "57P")
	}
	return errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || strings.Contains(err.Error(), "conn closed")
}

// lostConnection tells whether err means a connection of the pool broke (PostgreSQL
// restarted or the network dropped it), as opposed to no connection being possible.
func lostConnection(err error) bool {
	var connect *pgconn.ConnectError
	return unreachable(err) && !errors.As(err, &connect)
}

// cause is the most telling part of a connection error: what the network or the server
// said, without pgx's wrapping that repeats user and database.
func cause(err error) error {
	var connect *pgconn.ConnectError
	if errors.As(err, &connect) && connect.Unwrap() != nil {
		err = connect.Unwrap()
	}
	var op *net.OpError
	if errors.As(err, &op) && op.Err != nil {
		return op.Err
	}
	return err
}

// oneLine joins the lines of a message, so that every error stays one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
