{ fromDir = true; }
