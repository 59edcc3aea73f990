let k = "x"; in { "${k}y" = 1; "pre-${k}" = 2; }
