package sitefs

import "os"

// openFlags open a site's file for reading. Opening cannot block on
// Windows: named pipes live in their own namespace (\\.\pipe\), not in a
// folder, and os.Root refuses device names (NUL, COM1, …) and links out of
// the site. What opens is still checked to be a regular file or a folder.
const openFlags = os.O_RDONLY
