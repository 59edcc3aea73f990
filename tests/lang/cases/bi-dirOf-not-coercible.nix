dirOf { }
