removeAttrs [ ] [ "a" ]
