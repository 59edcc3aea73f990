{ inherit nope; }
