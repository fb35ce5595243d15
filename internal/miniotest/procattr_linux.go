package miniotest

import "syscall"

// dieWithParent ends MinIO with the test process, however that ends.
func dieWithParent() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
