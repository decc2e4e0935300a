# Checks an uncaught user-defined exception class with a custom message.
class ParseError(Exception):
    pass
def parse(line):
    if "=" not in line:
        raise ParseError("line %r has no '='" % line)
    k, v = line.split("=", 1)
    return k.strip(), v.strip()
for line in ["a = 1", "b=2", "broken"]:
    print(parse(line))
