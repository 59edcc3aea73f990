;; init
