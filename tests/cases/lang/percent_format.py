# Checks %-formatting: %s %r %d %i %f %e %g %x %o %c %%, widths, precision, flags, tuples and dict mapping keys.
print("%s is %d years" % ("Ann", 31))
print("%r %s" % ("q", "q"))
print("[%5d] [%-5d] [%05d] [%+d] [% d] [%d]" % (42, 42, 42, 42, 42, -42))
print("[%.2f] [%8.3f] [%-8.1f] [%08.2f] [%+.1f] [%f]" % (3.14159, 3.14159, 3.14159, -3.14159, 2.0, 1 / 3))
print("[%e] [%.2e] [%E] [%g] [%g] [%g] [%.3g]" % (12345.678, 0.000123, 1e100, 1e-5, 123456789.0, 0.5, 2 / 3))
print("[%x] [%X] [%#x] [%o] [%#o] [%c] [%c]" % (255, 255, 255, 8, 8, 65, "z"))
print("100%% sure, %s%%" % 50, "%%d", "%d%%" % 5)
print("%s" % [1, 2], "%s" % (1,), "%s and %s" % ((1, 2), [3]), "%r" % ({"k": 1},))
print("%(name)s has %(count)03d items" % {"name": "box", "count": 7})
print("[%10s] [%-10s] [%.3s] [%10.2s]" % ("right", "left", "truncate", "xy"))
print("%d %i %d" % (3.99, -2.5, True), "%s %s" % (None, False), "%.0f %.0f" % (0.5, 1.5))
print("%d" % (10 ** 25), "%x" % (2 ** 70), "%5.1f%%" % 99.44)
w = 7
print("[%*d] [%-*s]" % (w, 5, w, "ab"))
for bad in [("%d", "x"), ("%s %s", ("only",)), ("%s", (1, 2)), ("%z", 1)]:
    try:
        print(bad[0] % bad[1])
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
rows = [("widget", 3, 2.5), ("gadget", 11, 10.0)]
for r in rows:
    print("%-8s|%4d|%7.2f" % r)
