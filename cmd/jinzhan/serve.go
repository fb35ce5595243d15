package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"github.com/jinzhan-dev/jinzhan"
	"github.com/jinzhan-dev/jinzhan/internal/build"
	"github.com/jinzhan-dev/jinzhan/internal/chartsvg"
	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/serve"
)

func cmdServe(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("jinzhan serve", "serve [--source DIR] [--port N] [--bind ADDR] [--allowed-hosts NAMES]\n\nPreviews the site: rebuilds it in memory when a file changes, reloads open pages,\nand shows input problems over the last good page. Writes nothing to public/.", stderr)
	source := fs.String("source", ".", "site folder")
	port := fs.Int("port", 1313, "port to listen on")
	bind := fs.String("bind", "127.0.0.1", "address to listen on (loopback unless told otherwise; \"\" or 0.0.0.0 is every interface, with a warning)")
	allowed := fs.String("allowed-hosts", "", "host names the preview also answers to, comma separated (e.g. a LAN name); localhost, loopback addresses and the --bind address always work")
	if code, stop := parse(fs, args); stop {
		return code
	}
	if fs.NArg() > 0 || *port < 0 || *port > 65535 {
		fs.Usage()
		return exitUsage
	}
	root, err := filepath.Abs(*source)
	if err != nil {
		printErr(stderr, err)
		return exitUsage
	}
	if err := isFolder(root); err != nil {
		printErr(stderr, fmt.Errorf("--source: %w", err))
		return sourceExit(err)
	}
	if warning := serve.Exposure(*bind); warning.Format != "" {
		fmt.Fprintf(stderr, "jinzhan: %s\njinzhan: %s\n", warning.In("en"), warning.In("zh-CN"))
	}
	script, license := jinzhan.ECharts()
	charts := chartsvg.New(jinzhan.EChartsSSR(), build.ChartCacheDir(chartsvg.DefaultCacheDir(), root, ""))
	defer charts.Close()
	srv := serve.New(serve.Config{
		Addr:         net.JoinHostPort(*bind, strconv.Itoa(*port)),
		AllowedHosts: strings.Split(*allowed, ","),
		Options:      build.Options{Source: root, Theme: jinzhan.DefaultTheme(), ECharts: script, EChartsNote: license, ChartSVG: charts},
		Log:          stdout,
	})
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err = srv.Run(ctx, func(addr string) {
		fmt.Fprintf(stdout, "jinzhan: serving %s at http://%s/ (Ctrl+C to stop)\n", diag.Escape(root), addr)
	})
	if err != nil { // listening (a port in use), watching the site's folders
		printErr(stderr, err)
		return exitEnv
	}
	return exitOK
}
