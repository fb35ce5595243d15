package child

import "syscall"

// DieWithParent has the kernel kill the child when jinzhan dies, even of
// SIGKILL, which no program can catch. Start the child with Start.
func DieWithParent(attr *syscall.SysProcAttr) { attr.Pdeathsig = syscall.SIGKILL }
