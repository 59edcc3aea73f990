"\${not interpolated}"
