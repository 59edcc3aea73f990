# A module that declares its class.
{ _class = "darwin"; }
