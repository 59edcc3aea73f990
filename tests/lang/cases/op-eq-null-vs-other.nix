[ (null == false) (null == 0) (null == "") (null == [ ]) ]
