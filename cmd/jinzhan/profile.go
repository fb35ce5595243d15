package main

import (
	"flag"
	"os"
	"runtime"
	"runtime/pprof"
)

// profiles are the --cpuprofile and --memprofile flags of build and check,
// for looking into where a slow build spends its time (go tool pprof).
type profiles struct{ cpu, mem *string }

func profileFlags(fs *flag.FlagSet) profiles {
	return profiles{
		cpu: fs.String("cpuprofile", "", "write a CPU profile of the build to this file (for go tool pprof)"),
		mem: fs.String("memprofile", "", "write a heap profile taken at the end of the build to this file"),
	}
}

// start begins the CPU profile; the function it returns ends it and takes
// the heap profile.
func (p profiles) start() (stop func() error, err error) {
	var cpu *os.File
	if *p.cpu != "" {
		if cpu, err = os.Create(*p.cpu); err != nil {
			return nil, err
		}
		if err := pprof.StartCPUProfile(cpu); err != nil {
			cpu.Close()
			return nil, err
		}
	}
	return func() error {
		if cpu != nil {
			pprof.StopCPUProfile()
			if err := cpu.Close(); err != nil {
				return err
			}
		}
		if *p.mem == "" {
			return nil
		}
		f, err := os.Create(*p.mem)
		if err != nil {
			return err
		}
		runtime.GC()
		if err := pprof.WriteHeapProfile(f); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	}, nil
}
