let b = "let"; in rec { a = b; b = "rec"; }.a
