package main

import (
	"os"
	"syscall"
)

// attachConsole lets the command line print on Windows. The .exe is a GUI program, so
// that no console window opens beside the window; a verb typed in a console then writes
// nowhere until the program attaches to the console it was started from. Output already
// redirected to a file or a pipe keeps its handle.
func attachConsole() {
	const attachParentProcess = ^uintptr(0) // ATTACH_PARENT_PROCESS, (DWORD)-1
	attach := syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")
	if ok, _, _ := attach.Call(attachParentProcess); ok == 0 {
		return // not started from a console
	}
	if !usable(syscall.STD_OUTPUT_HANDLE) {
		if f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
			os.Stdout = f
		}
	}
	if !usable(syscall.STD_ERROR_HANDLE) {
		if f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
			os.Stderr = f
		}
	}
}

// usable tells whether the standard handle leads somewhere: a file, a pipe or a console.
func usable(std int) bool {
	h, err := syscall.GetStdHandle(std)
	if err != nil || h == 0 || h == syscall.InvalidHandle {
		return false
	}
	_, err = syscall.GetFileType(h)
	return err == nil
}
