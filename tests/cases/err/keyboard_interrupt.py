# Checks an uncaught KeyboardInterrupt raised by the program: CPython ends by SIGINT (status -2) with 'KeyboardInterrupt'.
print("about to interrupt")
raise KeyboardInterrupt
