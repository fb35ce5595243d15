package load

// SlugPattern is the regular expression every slug matches (the one
// ValidSlug uses), written so that JSON Schema validators accept it too.
func SlugPattern() string { return slugPattern.String() }
