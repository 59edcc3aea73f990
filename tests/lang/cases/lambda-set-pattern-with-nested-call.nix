let f = { x ? 1, y ? x + 1 }: x * y; in [ (f { }) (f { x = 3; }) (f { y = 10; }) ]
