// Package packaging holds what the release packages carry beside the binary (the Linux
// archive's .desktop entry and install Makefile) and, behind the build tag "package",
// the test that checks the packages `make package` built in dist/.
package packaging
