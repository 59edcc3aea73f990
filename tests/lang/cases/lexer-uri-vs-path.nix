[ a:b /a:b ]
