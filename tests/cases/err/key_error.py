# Checks an uncaught KeyError: the final line shows the repr of the missing key.
config = {"host": "localhost", "port": 8080}
for key in ["host", "port", "user name"]:
    print(key, config[key])
