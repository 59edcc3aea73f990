[ (./helpers == "./helpers") (toString ./helpers == toString ./helpers) ]
