# Checks time.sleep rejects inf, nan and huge values with CPython's errors
import time
for a in [float('inf'), float('nan'), 10**30, -1, -0.5, 2**63, 1e19, -float('inf'), 2**62, -10**30, 0.0, 0, 'x']:
    try:
        time.sleep(a)
        print('ok', a)
    except Exception as e:
        print(repr(a), type(e).__name__, e)
time.sleep(float('inf'))
