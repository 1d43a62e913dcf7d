package cli

// SetJQMemoryLimit lowers the heap bound of --jq for a test and returns the function that
// restores it.
func SetJQMemoryLimit(n uint64) (restore func()) {
	old := jqMemoryLimit
	jqMemoryLimit = n
	return func() { jqMemoryLimit = old }
}
