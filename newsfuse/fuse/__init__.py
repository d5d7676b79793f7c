"""Stage "fuse": inside one story, one canonical event per happening and a comparison of numbers."""
