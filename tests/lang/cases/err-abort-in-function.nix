let f = x: abort "aborted with ${x}"; in f "arg"
