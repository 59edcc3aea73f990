rec { x = "x"; y = x + "y"; z = y + "z"; }
