package miniotest

import (
	"os"
	"strings"
	"testing"
)

// make minio must build the MinIO the tests look for.
func TestMakefileBuildsThisVersion(t *testing.T) {
	makefile, err := os.ReadFile("../../Makefile")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(makefile), "MINIO_VERSION := "+Version+"\n") {
		t.Errorf("the Makefile's MINIO_VERSION is not %s", Version)
	}
}

func TestStartServesS3(t *testing.T) {
	s := Start(t)
	s.MakeBucket(t, "probe")
	if ok, err := s.Client(t).BucketExists(t.Context(), "probe"); err != nil || !ok {
		t.Fatalf("the bucket made is not there: %v %v", ok, err)
	}
}
