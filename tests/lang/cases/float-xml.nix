[ 1.5 (-2) true false null "s" ]
