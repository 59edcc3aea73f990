{ type = "derivation"; name = "x"; drvPath = "/fake.drv"; }
