package build

import "syscall"

// parentDeathSignal has the kernel kill the child when jinzhan dies, even
// of SIGKILL.
func parentDeathSignal(attr *syscall.SysProcAttr) { attr.Pdeathsig = syscall.SIGKILL }
