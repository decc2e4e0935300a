# Benchmark: string building, splitting, joining, formatting and searching. Argument: scale (default 120).
import sys
scale = int(sys.argv[1]) if len(sys.argv) > 1 else 120
words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
checksum = 0
for round_no in range(20 * scale):
    parts = []
    for i in range(200):
        w = words[(i * 7 + round_no) % len(words)]
        parts.append("%s-%d:%s" % (w, i, w.upper()[:3]))
    line = ",".join(parts)
    fields = line.split(",")
    for f in fields:
        name, _, rest = f.partition(":")
        checksum += len(name) + rest.count("A") + (1 if name.startswith("e") else 0)
    text = " ".join(f"{w:>8}|{i:04d}" for i, w in enumerate(words * 5))
    checksum += text.find("theta") + len(text.replace(" ", "")) + len(text.strip().split("|"))
    s = ""
    for i in range(100):
        s += str(i % 10)
    checksum += s.count("7") + int(s[-9:])
    checksum %= 1000000007
print("strings", checksum)
