abort { }
