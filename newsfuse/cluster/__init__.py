"""Stage "cluster": articles into stories, and wire copies into one original report."""
