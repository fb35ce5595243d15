package main

import "github.com/jinzhan-dev/jinzhan/internal/gcpolicy"

func init() { gcpolicy.Apply() }
