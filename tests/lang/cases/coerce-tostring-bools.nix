[ (toString true) (toString false) ]
