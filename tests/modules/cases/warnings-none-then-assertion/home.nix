{ config, ... }: {
  warnings = [ "not shown: assertions come first" ];
  assertions = [{ assertion = config.home.username == "someone-else"; message = "wrong user ${config.home.username}"; }];
}
