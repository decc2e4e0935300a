# Checks the comparison fast paths (int/int, float/float with NaN and signed zeros, str/str with surrogates and non-ASCII) against the general path.
n = float('nan')
vals = [1.0, -0.0, 0.0, n, float('inf'), 2.5]
for a in vals:
    print([ (a < b, a <= b, a == b, a != b, a > b, a >= b) for b in vals])
ss = ["", "a", "ab", "b", "\udc80", "é", "z\U0001f600"]
for a in ss:
    print([(a < b, a <= b, a == b, a != b, a > b, a >= b) for b in ss])
i = 0
while i < 3.5:
    i += 1
print(i)
