throw "line1\nline2"
