package chartsvg

import (
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/dop251/goja"
)

// TimeLimit bounds the drawing of one chart: past it the script is
// interrupted and the chart fails. Our largest charts take well under a
// second; a limit keeps a chart with an unforeseen shape from holding a
// build for ever.
const TimeLimit = 60 * time.Second

// engine runs the ECharts bundle in goja: the script compiled once, the
// first time a chart is drawn, then run once in each runtime; runtimes are
// kept for the next chart, at most one per processor.
type engine struct {
	bundle  []byte
	compile func() (*goja.Program, error)
	slots   chan struct{}      // one per chart being drawn: GOMAXPROCS at once
	idle    chan *goja.Runtime // runtimes with the bundle run, free
}

func newEngine(bundle []byte) *engine {
	n := runtime.GOMAXPROCS(0)
	e := &engine{bundle: bundle, slots: make(chan struct{}, n), idle: make(chan *goja.Runtime, n)}
	e.compile = sync.OnceValues(func() (*goja.Program, error) {
		return goja.Compile("echarts-ssr.min.js", string(bundle), false)
	})
	return e
}

// errInterrupted marks a drawing stopped at TimeLimit.
var errInterrupted = errors.New("interrupted")

// draw runs renderSVG(option, width, height) and returns the SVG text
// ECharts wrote.
func (e *engine) draw(option []byte, width, height int) (string, error) {
	e.slots <- struct{}{}
	defer func() { <-e.slots }()
	vm, err := e.runtime()
	if err != nil {
		return "", err
	}
	render, ok := goja.AssertFunction(vm.Get("renderSVG"))
	if !ok {
		return "", errors.New("the ECharts bundle defines no renderSVG")
	}
	timer := time.AfterFunc(TimeLimit, func() { vm.Interrupt(errInterrupted) })
	out, err := render(goja.Undefined(), vm.ToValue(string(option)), vm.ToValue(width), vm.ToValue(height))
	interrupted := !timer.Stop()
	switch {
	case err != nil && interrupted:
		return "", fmt.Errorf("drawing took longer than %v", TimeLimit)
	case err != nil:
		// A runtime whose script threw may hold a half-made chart: it is
		// not kept.
		return "", fmt.Errorf("ECharts: %v", err)
	}
	svg, ok := out.Export().(string)
	if !ok {
		return "", fmt.Errorf("ECharts returned %T, not the SVG text", out.Export())
	}
	if !interrupted { // else an interrupt is pending in it
		select {
		case e.idle <- vm:
		default:
		}
	}
	return svg, nil
}

// runtime takes a free runtime, or makes one: the compiled bundle run in a
// new goja runtime. ECharts' server-side rendering needs no browser; it
// asks only for a timer, which a drawing without animation never fires.
func (e *engine) runtime() (*goja.Runtime, error) {
	select {
	case vm := <-e.idle:
		return vm, nil
	default:
	}
	program, err := e.compile()
	if err != nil {
		return nil, fmt.Errorf("compile the ECharts bundle: %v", err)
	}
	vm := goja.New()
	noop := func(goja.FunctionCall) goja.Value { return goja.Undefined() }
	for _, name := range []string{"setTimeout", "clearTimeout"} {
		if err := vm.Set(name, noop); err != nil {
			return nil, err
		}
	}
	if _, err := vm.RunProgram(program); err != nil {
		return nil, fmt.Errorf("run the ECharts bundle: %v", err)
	}
	return vm, nil
}
