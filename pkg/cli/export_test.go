package cli

// SetJQMemoryLimit lowers the heap bound of --jq for a test and returns the function that
// restores it.
func SetJQMemoryLimit(n uint64) (restore func()) {
	old := jqMemoryLimit
	jqMemoryLimit = n
	return func() { jqMemoryLimit = old }
}

// SetBeforeRender sets what runs between opening the output and rendering the document, and
// returns the function that restores it.
func SetBeforeRender(f func()) (restore func()) {
	old := beforeRender
	beforeRender = f
	return func() { beforeRender = old }
}
